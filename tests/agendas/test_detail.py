"""A problem's page and its story: texts, history, lineage, comments; merged and foreign problems."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.agendas import lineage
from opencampus.agendas.models import Agenda, Comment, Endorsement, Evidence, StateChange
from tests.factories import OrganisationFactory, UserFactory

from .helpers import public_url


@pytest.fixture
def provide_steps():
    """``provide_steps(agenda, [Step, …])``: a lineage provider, as higher apps register one."""
    names = []

    def provide(agenda, steps):
        name = f"test-{len(names)}"
        lineage.register(name, lambda shown, *, viewer: steps if shown.pk == agenda.pk else [])
        names.append(name)

    yield provide
    for name in names:
        lineage._providers.pop(name)


def step(kind, title, url, date, **fields):
    return lineage.Step(
        kind=kind, kind_label=kind.replace("_", " "), title=title, url=url, date=date, **fields
    )


def add_history(agenda, count):
    with scopes_disabled():
        for index in range(count):
            StateChange.objects.create(
                campus=agenda.campus,
                agenda=agenda,
                from_state="proposed",
                to_state="under_review",
                explanation=f"Looked at, round {index}",
            )
            author = UserFactory()
            Comment.objects.create(
                campus=agenda.campus, agenda=agenda, author=author, body=f"Comment {index}"
            )
            Endorsement.objects.create(campus=agenda.campus, agenda=agenda, user=UserFactory())


def test_detail_shows_texts_with_line_breaks_and_escaped(client, campus, make_agenda, district, target_11_6):
    agenda = make_agenda(
        title_en="<script>alert(1)</script>",
        description_en="First line\nSecond line <b>bold</b>",
        district=district,
        place="Behind the market",
        affected="Shop owners",
    )
    with scopes_disabled():
        agenda.sdg_targets.add(target_11_6)
        agenda.sdg_goals.add(target_11_6.goal)
        Evidence.objects.create(
            campus=campus, agenda=agenda, title="Survey", url="https://example.org/survey"
        )

    content = client.get(public_url(campus, "detail", pk=agenda.pk)).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "First line<br>Second line &lt;b&gt;bold&lt;/b&gt;" in content
    assert "Eunpyeong-gu · Behind the market" in content
    assert "Shop owners" in content
    assert f"11.6 {target_11_6.text_en}" in content
    assert f"11. {target_11_6.goal.title_en}" in content
    assert 'href="https://example.org/survey"' in content


def test_detail_of_another_campus_problem_is_not_found(
    client, campus, other_campus, make_agenda, other_operator
):
    foreign = make_agenda(on=other_campus)
    client.force_login(other_operator)

    assert client.get(public_url(campus, "detail", pk=foreign.pk)).status_code == 404
    assert client.get(public_url(campus, "story", pk=foreign.pk)).status_code == 404


def test_detail_of_a_merged_problem_redirects_with_a_notice(client, campus, make_agenda):
    kept = make_agenda(title_en="The one kept")
    merged = make_agenda(title_en="The duplicate", state="archived", merged_into=kept)

    response = client.get(public_url(campus, "detail", pk=merged.pk), follow=True)

    assert response.redirect_chain == [(public_url(campus, "detail", pk=kept.pk), 302)]
    assert "“The duplicate” was merged into this problem" in response.content.decode()


def test_detail_shows_the_dated_history_with_explanations(client, campus, agenda):
    with scopes_disabled():
        StateChange.objects.create(
            campus=campus,
            agenda=agenda,
            from_state="proposed",
            to_state="under_review",
            explanation="We visit\nthe alley.",
        )

    content = client.get(public_url(campus, "detail", pk=agenda.pk)).content.decode()

    assert "Proposed → <strong>under review</strong>" in content
    assert "We visit<br>the alley." in content
    assert timezone.localdate().isoformat() in content


def test_detail_shows_hidden_comments_by_their_reason_only(client, campus, agenda):
    with scopes_disabled():
        Comment.objects.create(
            campus=campus,
            agenda=agenda,
            body="Rude words",
            hidden_at=timezone.now(),
            hidden_reason="insults a neighbour",
        )

    content = client.get(public_url(campus, "detail", pk=agenda.pk)).content.decode()

    assert "Hidden by the moderators: insults a neighbour" in content
    assert "Rude words" not in content


def test_detail_shows_the_hidden_text_to_the_campus_team(client, campus, agenda, staff_member):
    with scopes_disabled():
        Comment.objects.create(
            campus=campus, agenda=agenda, body="Rude words", hidden_at=timezone.now(), hidden_reason="x"
        )
    client.force_login(staff_member)

    content = client.get(public_url(campus, "detail", pk=agenda.pk)).content.decode()

    assert "Rude words" in content
    assert "Show again" in content


def test_detail_without_lineage_says_no_group_took_it_up(client, campus, agenda):
    content = client.get(public_url(campus, "detail", pk=agenda.pk)).content.decode()

    assert "No working group has taken this problem up yet." in content


def test_detail_nests_lineage_steps_under_their_parent(client, campus, agenda, provide_steps):
    day = datetime.date(2026, 3, 2)
    provide_steps(
        agenda,
        [
            step("working_group", "Alley keepers", "/groups/1/", day, status="active"),
            step("experiment", "Shared bins", "/experiments/7/", day, progress=40, parent_url="/groups/1/"),
            step("result", "Half the waste", "/experiments/7/#results", None, parent_url="/experiments/7/"),
        ],
    )

    content = client.get(public_url(campus, "detail", pk=agenda.pk)).content.decode()

    assert "No working group has taken this problem up yet." not in content
    group, experiment, result = (
        content.index(text) for text in ("Alley keepers", "Shared bins", "Half the waste")
    )
    assert group < experiment < result
    assert content.count('<ol class="lineage-steps">') == 3
    assert '<progress max="100" value="40"' in content
    assert '<a href="/experiments/7/">Shared bins</a>' in content
    assert "2026-03-02" in content


def test_detail_reads_a_constant_number_of_queries(client, campus, make_agenda, make_person, target_11_6):
    client.force_login(make_person(campus, "staff"))

    def count_queries(agenda):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(public_url(campus, "detail", pk=agenda.pk)).status_code == 200
        return len(queries)

    small, large = make_agenda(), make_agenda()
    add_history(small, 1)
    add_history(large, 3)
    for agenda in (small, large):
        with scopes_disabled():
            agenda.sdg_targets.add(target_11_6)

    assert count_queries(small) == count_queries(large)


def test_story_tells_proposal_history_and_lineage_in_date_order(client, campus, agenda, provide_steps):
    with scopes_disabled():
        StateChange.objects.create(
            campus=campus,
            agenda=agenda,
            from_state="proposed",
            to_state="adopted",
            explanation="Chosen by cohort 3.",
        )
    today = timezone.localdate()
    provide_steps(
        agenda,
        [
            step(
                "experiment",
                "Shared bins",
                "/experiments/7/",
                today + datetime.timedelta(days=30),
                progress=75,
            ),
            step("working_group", "Alley keepers", "/groups/1/", today + datetime.timedelta(days=1)),
            step("result", "Report still to come", "", None),
        ],
    )

    content = client.get(public_url(campus, "story", pk=agenda.pk)).content.decode()

    order = [
        "Proposed by a citizen",
        "Now “adopted”",
        "Chosen by cohort 3.",
        "Alley keepers",
        "Shared bins",
        "Report still to come",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert '<progress max="100" value="75"' in content


def test_story_names_an_organisation_never_a_person(client, campus, make_agenda):
    proposer = UserFactory(email="private.person@example.org", name_en="Private Person")
    with scopes_disabled():
        organisation = OrganisationFactory(campus=campus, name_en="Alley Cooperative")
    by_person = make_agenda(proposed_by=proposer)
    by_organisation = make_agenda(
        proposed_by=proposer, origin=Agenda.Origin.ORGANISATION, organisation=organisation
    )

    person_story = client.get(public_url(campus, "story", pk=by_person.pk)).content.decode()
    organisation_story = client.get(public_url(campus, "story", pk=by_organisation.pk)).content.decode()

    assert "Proposed by a citizen" in person_story
    assert "Proposed by Alley Cooperative" in organisation_story
    for content in (person_story, organisation_story):
        assert "private.person@example.org" not in content
        assert "Private Person" not in content


def test_story_of_a_merged_problem_points_to_where_it_goes_on(client, campus, make_agenda):
    kept = make_agenda(title_en="The one kept")
    merged = make_agenda(state="archived", merged_into=kept)

    response = client.get(public_url(campus, "story", pk=merged.pk))

    assert response.status_code == 200
    assert public_url(campus, "story", pk=kept.pk) in response.content.decode()
