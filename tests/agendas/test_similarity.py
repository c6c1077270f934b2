import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from opencampus.agendas.models import Agenda, AgendaTerm
from opencampus.agendas.services.similarity import (
    TEXT_MAX,
    index_agenda,
    reindex_campus,
    similar_agendas,
)
from tests.agendas.helpers import fresh, public_url
from tests.factories import AgendaFactory, ThemeFactory

BATTERIES_KO = (
    "폐건전지 수거함이 부족해요",
    "동네에 폐건전지 수거함이 주민센터 한 곳뿐이라 사람들이 건전지를 일반쓰레기에 버립니다. "
    "편의점과 아파트에 수거함을 늘리면 재활용률이 올라갑니다.",
)
BATTERIES_KO_AGAIN = (
    "다 쓴 건전지 버릴 곳이 없어요",
    "건전지 수거함 찾기가 너무 힘들어서 그냥 종량제 봉투에 버리게 됩니다. 편의점에 수거함을 두면 좋겠어요.",
)
STREETLIGHTS = (
    "Streetlights left on during the day",
    "On Yeonhui-ro several streetlights stay on in broad daylight for weeks. Faulty timers waste "
    "electricity; the district should switch to LED lamps with light sensors.",
)
STREETLIGHTS_AGAIN = (
    "Street lamps burning in daylight",
    "The lamps on our road are lit all afternoon. Please fix the timers and use sensors so they only "
    "turn on when it gets dark.",
)
LAMPS_KO = (
    "가로등이 낮에도 켜져 있어요",
    "연희로 가로등이 대낮에도 몇 주째 켜져 있습니다. 타이머를 고쳐 전기 낭비를 막아 주세요.",
)
STRAY_CATS = ("길고양이 급식소 갈등", "아파트 화단에 길고양이 밥을 주는 캣맘과 주민 사이에 다툼이 잦습니다.")
OTHER_PROBLEMS = [
    ("어두운 골목 보안등 고장", "밤에 골목길이 어두워 귀가가 무섭습니다. 보안등을 고쳐 주세요."),
    ("마을버스 배차 간격이 길어요", "출근 시간에 마을버스를 30분 넘게 기다립니다."),
    ("반지하 주택 침수", "장마철마다 반지하 방에 물이 들어옵니다."),
    ("Too few benches at the bus stops", "Older people wait standing for the night buses."),
    ("No shade in the playground", "Children cannot play in summer; the slide burns."),
    ("Hard to find a clinic open on Sundays", "Parents travel far with sick children at weekends."),
]
FILLER = "The {word} by the river has been broken for months and nobody has come to repair it yet."
FILLER_WORDS = [
    "orchard", "violin", "glacier", "lantern", "harbour", "meadow", "compass", "saddle", "quarry", "falcon",
    "velvet", "pottery", "canyon", "ferry", "thimble", "walrus", "juniper", "anchor", "bramble", "cobalt",
]  # fmt: skip


def problem(campus, title, description, *, english=False, **fields):
    """An indexed problem whose only texts are ``title`` and ``description`` in one language."""
    language = "en" if english else "ko"
    texts = {"title_ko": "", "title_en": "", "description_ko": "", "description_en": ""}
    texts |= {f"title_{language}": title, f"description_{language}": description}
    with scopes_disabled():
        agenda = AgendaFactory(campus=campus, **texts, **fields)
        index_agenda(agenda=agenda)
    return agenda


@pytest.fixture
def others(campus):
    return [problem(campus, title, text) for title, text in OTHER_PROBLEMS[:3]] + [
        problem(campus, title, text, english=True) for title, text in OTHER_PROBLEMS[3:]
    ]


def similar(campus, text, **options):
    return [match.agenda for match in similar_agendas(campus=campus, text=text, **options)]


def typed(title_and_description):
    return "\n".join(title_and_description)


# The service


def test_similar_agendas_find_a_korean_duplicate_first(campus, others):
    stored = problem(campus, *BATTERIES_KO)

    found = similar(campus, typed(BATTERIES_KO_AGAIN))

    assert found[0] == stored


def test_similar_agendas_find_an_english_duplicate_first(campus, others):
    stored = problem(campus, *STREETLIGHTS, english=True)

    found = similar(campus, typed(STREETLIGHTS_AGAIN))

    assert found[0] == stored


def test_similar_agendas_report_score_and_shared_terms(campus, others):
    stored = problem(campus, *BATTERIES_KO)

    match = similar_agendas(campus=campus, text=typed(BATTERIES_KO_AGAIN))[0]

    assert match.agenda == stored
    assert match.score > 0
    assert {"건전지", "수거함", "편의점"} <= set(match.shared)


def test_similar_agendas_suggest_nothing_for_an_unrelated_problem(campus, others):
    problem(campus, *BATTERIES_KO)
    problem(campus, *STREETLIGHTS, english=True)

    assert similar(campus, typed(STRAY_CATS)) == []


def test_similar_agendas_leave_out_merged_agendas(campus, others):
    kept = problem(campus, *BATTERIES_KO)
    merged = problem(campus, *BATTERIES_KO_AGAIN, state=Agenda.State.ARCHIVED, merged_into=kept)

    found = similar(campus, typed(BATTERIES_KO_AGAIN))

    assert merged not in found
    assert found[0] == kept


def test_similar_agendas_include_every_other_state(campus, others):
    resolved = problem(campus, *BATTERIES_KO, state=Agenda.State.RESOLVED)
    archived = problem(campus, *BATTERIES_KO_AGAIN, state=Agenda.State.ARCHIVED)

    found = similar(campus, typed(BATTERIES_KO_AGAIN))

    assert set(found) == {resolved, archived}


def test_similar_agendas_never_suggest_another_campus(campus, other_campus, others):
    problem(other_campus, *BATTERIES_KO)
    problem(other_campus, *BATTERIES_KO_AGAIN)

    assert similar(campus, typed(BATTERIES_KO_AGAIN)) == []


def test_similar_agendas_leave_out_the_excluded_agenda(campus, others):
    stored = problem(campus, *BATTERIES_KO)
    editing = problem(campus, *BATTERIES_KO_AGAIN)

    found = similar(campus, typed(BATTERIES_KO_AGAIN), exclude=editing.pk)

    assert found == [stored]


def test_similar_agendas_return_at_most_the_limit(campus, others):
    for _ in range(3):
        problem(campus, *BATTERIES_KO)

    assert len(similar(campus, typed(BATTERIES_KO_AGAIN), limit=2)) == 2


def test_similar_agendas_read_only_the_first_characters(campus, others):
    problem(campus, *BATTERIES_KO)

    text = "가" * TEXT_MAX + typed(BATTERIES_KO_AGAIN)

    assert similar(campus, text) == []


def test_similar_agendas_of_empty_text_ask_no_query(campus, others, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert similar(campus, "  …  ") == []


def test_similar_agendas_of_words_no_agenda_uses_are_empty(campus, others):
    assert similar(campus, "xyzzy plugh frobnicate") == []


@pytest.mark.parametrize("size", [1, 3, 20])
def test_similar_agendas_query_count_does_not_grow_with_agendas(campus, size):
    def count():
        with CaptureQueriesContext(connection) as queries:
            found = similar(campus, typed(STREETLIGHTS_AGAIN))
        return len(queries), len(found)

    problem(campus, *STREETLIGHTS, english=True)
    one = count()
    duplicates = min(size, 3) - 1
    for _ in range(duplicates):
        problem(campus, *STREETLIGHTS, english=True, theme=ThemeFactory(campus=campus))
    for word in FILLER_WORDS[: size - 1 - duplicates]:
        problem(campus, f"A broken {word} by the river", FILLER.format(word=word), english=True)

    queries, found = count()

    assert one[1] == 1
    assert found == min(size, 3)
    assert queries == one[0]


# Keeping the index current


def test_index_agenda_replaces_the_terms_of_an_edited_agenda(campus, others):
    agenda = problem(campus, *BATTERIES_KO)
    with scopes_disabled():
        agenda.title_ko, agenda.description_ko = LAMPS_KO
        agenda.save()
        index_agenda(agenda=agenda)
        indexed = set(AgendaTerm.objects.filter(agenda=agenda).values_list("term", flat=True))

    assert "건전지" not in indexed
    assert {"가로등", "타이머"} <= indexed
    assert fresh(agenda).term_count == agenda.term_count > 0
    assert similar(campus, typed(BATTERIES_KO_AGAIN)) == []
    assert similar(campus, typed(LAMPS_KO))[0] == agenda


def test_index_agenda_counts_titles_twice(campus):
    agenda = problem(campus, "가로등", "고장")

    with scopes_disabled():
        counts = dict(AgendaTerm.objects.filter(agenda=agenda).values_list("term", "count"))

    assert counts == {"가로등": 2, "고장": 1}
    assert fresh(agenda).term_count == 3


def test_reindex_campus_rebuilds_that_campus_only(campus, other_campus, others):
    with scopes_disabled():
        unindexed = AgendaFactory(campus=campus, title_ko=BATTERIES_KO[0], description_ko=BATTERIES_KO[1])
        foreign = problem(other_campus, *BATTERIES_KO)
        foreign_terms = AgendaTerm.objects.filter(agenda=foreign).count()
        AgendaTerm.objects.filter(agenda=others[0]).delete()

        indexed = reindex_campus(campus=campus)

        assert AgendaTerm.objects.filter(agenda=others[0]).exists()
        assert AgendaTerm.objects.filter(agenda=foreign).count() == foreign_terms
    assert indexed == len(others) + 1
    assert similar(campus, typed(BATTERIES_KO_AGAIN))[0] == unindexed


def test_reindex_agendas_command_rebuilds_one_campus(campus, other_campus, capsys):
    with scopes_disabled():
        here = AgendaFactory(campus=campus, title_ko=BATTERIES_KO[0], description_ko=BATTERIES_KO[1])
        there = AgendaFactory(campus=other_campus, title_ko=BATTERIES_KO[0], description_ko=BATTERIES_KO[1])

    call_command("reindex_agendas", campus=campus.slug)

    assert fresh(here).term_count > 0
    assert fresh(there).term_count == 0
    assert f"{campus.slug}: 1 agendas indexed" in capsys.readouterr().out


def test_reindex_agendas_command_rebuilds_every_campus(campus, other_campus):
    with scopes_disabled():
        here = AgendaFactory(campus=campus)
        there = AgendaFactory(campus=other_campus)

    call_command("reindex_agendas")

    assert fresh(here).term_count > 0
    assert fresh(there).term_count > 0


def test_reindex_agendas_command_refuses_an_unknown_campus(campus):
    with pytest.raises(CommandError, match="nowhere"):
        call_command("reindex_agendas", campus="nowhere")


# The fragment shown while typing


def fragment(client, campus, **params):
    response = client.get(public_url(campus, "similar"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_similar_view_shows_the_duplicate_with_link_and_state(client, campus, others):
    stored = problem(campus, *BATTERIES_KO, state=Agenda.State.ADOPTED)

    page = fragment(client, campus, title=BATTERIES_KO_AGAIN[0], description=BATTERIES_KO_AGAIN[1])

    assert f'href="{public_url(campus, "detail", pk=stored.pk)}"' in page
    assert BATTERIES_KO[0] in page
    assert "adopted" in page
    assert "Join this one instead of proposing a new one?" in page


def test_similar_view_is_empty_when_nothing_is_similar(client, campus, others):
    problem(campus, *BATTERIES_KO)

    page = fragment(client, campus, title=STRAY_CATS[0], description=STRAY_CATS[1])

    assert page.strip() == ""


def test_similar_view_is_empty_without_text(client, campus, others):
    assert fragment(client, campus).strip() == ""


def test_similar_view_renders_script_harmless(client, campus, others):
    problem(campus, "<script>alert('건전지')</script> 폐건전지 수거함", BATTERIES_KO[1])

    page = fragment(
        client, campus, title="<script>alert(1)</script> 건전지 수거함", description=BATTERIES_KO_AGAIN[1]
    )

    assert "<script>" not in page
    assert "&lt;script&gt;alert(" in page


def test_similar_view_leaves_out_the_excluded_agenda(client, campus, others):
    stored = problem(campus, *BATTERIES_KO)
    editing = problem(campus, *BATTERIES_KO_AGAIN)

    page = fragment(
        client,
        campus,
        title=BATTERIES_KO_AGAIN[0],
        description=BATTERIES_KO_AGAIN[1],
        exclude=str(editing.pk),
    )

    assert public_url(campus, "detail", pk=stored.pk) in page
    assert public_url(campus, "detail", pk=editing.pk) not in page


@pytest.mark.parametrize("exclude", ["abc", "-1", "²", "9" * 40])
def test_similar_view_ignores_a_malformed_exclude(client, campus, others, exclude):
    stored = problem(campus, *BATTERIES_KO)

    page = fragment(
        client, campus, title=BATTERIES_KO_AGAIN[0], description=BATTERIES_KO_AGAIN[1], exclude=exclude
    )

    assert public_url(campus, "detail", pk=stored.pk) in page


def test_similar_view_cuts_huge_text(client, campus, others):
    stored = problem(campus, *BATTERIES_KO)

    page = fragment(client, campus, title=BATTERIES_KO_AGAIN[0], description=BATTERIES_KO_AGAIN[1] * 1_000)

    assert public_url(campus, "detail", pk=stored.pk) in page


def test_similar_view_never_shows_another_campus(client, campus, other_campus, others):
    foreign = problem(other_campus, *BATTERIES_KO)

    page = fragment(client, campus, title=BATTERIES_KO_AGAIN[0], description=BATTERIES_KO_AGAIN[1])

    assert str(foreign.pk) not in page
    assert page.strip() == ""


def test_similar_view_answers_get_only(client, campus):
    assert client.post(public_url(campus, "similar"), {"title": "건전지"}).status_code == 405


def test_similar_view_query_count_does_not_grow_with_matches(client, campus, others):
    def count():
        with CaptureQueriesContext(connection) as queries:
            fragment(client, campus, title=BATTERIES_KO_AGAIN[0], description=BATTERIES_KO_AGAIN[1])
        return len(queries)

    with scopes_disabled():
        theme = ThemeFactory(campus=campus)
    problem(campus, *BATTERIES_KO, theme=theme)
    one = count()
    for _ in range(2):
        problem(campus, *BATTERIES_KO, theme=ThemeFactory(campus=campus))

    assert count() == one
