"""Proposing a problem: who may, what is required, what is kept when something is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled

from opencampus.agendas.forms.proposal import EVIDENCE_MAX_MB
from opencampus.agendas.models import Agenda, AgendaTerm, Evidence, Follow
from opencampus.agendas.services.similarity import similar_agendas
from tests.factories import MembershipFactory, OrganisationFactory, ThemeFactory

from .helpers import actions, public_url, rows

EMPTY_EVIDENCE = {
    "evidence-TOTAL_FORMS": "3",
    "evidence-INITIAL_FORMS": "0",
    "evidence-MIN_NUM_FORMS": "0",
    "evidence-MAX_NUM_FORMS": "10",
}


@pytest.fixture
def citizen(campus, make_person):
    """Signed up, with no role on the campus."""
    return make_person(campus)


def proposal(theme, **fields):
    return {
        "title_en": "Rubbish piles up in the alleys",
        "description_en": "Every Monday the bins overflow\nand the wind spreads the waste.",
        "theme": str(theme.pk),
        **EMPTY_EVIDENCE,
        **fields,
    }


def test_propose_anonymous_is_sent_to_log_in(client, campus):
    response = client.get(public_url(campus, "propose"))

    assert response.status_code == 302
    assert response.url.startswith(public_url(campus, "propose").replace("agendas/propose/", "login/"))


def test_propose_by_a_citizen_without_role_creates_follows_indexes_and_logs(client, campus, theme, citizen):
    client.force_login(citizen)

    response = client.post(public_url(campus, "propose"), proposal(theme))

    [agenda] = rows(Agenda, campus=campus)
    assert response.status_code == 302
    assert response.url == public_url(campus, "detail", pk=agenda.pk)
    assert (agenda.state, agenda.origin, agenda.proposed_by) == ("proposed", "citizen", citizen)
    assert agenda.description_en == "Every Monday the bins overflow\nand the wind spreads the waste."
    assert [follow.user for follow in rows(Follow, agenda=agenda)] == [citizen]
    assert rows(AgendaTerm, agenda=agenda)
    assert actions(campus, "agenda.") == ["agenda.proposed"]


def test_propose_in_korean_only_is_accepted(client, campus, theme, citizen):
    client.force_login(citizen)

    client.post(
        public_url(campus, "propose"),
        proposal(
            theme, title_en="", description_en="", title_ko="골목 쓰레기", description_ko="쓰레기가 쌓인다."
        ),
    )

    [agenda] = rows(Agenda, campus=campus)
    assert (agenda.title_ko, agenda.title_en) == ("골목 쓰레기", "")


@pytest.mark.parametrize("blank", ["", "   \n\t "])
def test_propose_without_title_or_description_is_refused_and_keeps_the_text(
    client, campus, theme, citizen, blank
):
    client.force_login(citizen)

    response = client.post(
        public_url(campus, "propose"),
        proposal(theme, title_en=blank, description_en=blank, affected="Children on the way to school"),
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "Give the problem a title in Korean or in English." in content
    assert "Describe the problem in Korean or in English." in content
    assert "Children on the way to school" in content
    assert rows(Agenda, campus=campus) == []


def test_propose_over_long_texts_is_refused_and_keeps_them(client, campus, theme, citizen):
    client.force_login(citizen)
    huge = "쓰레기 " * 3000

    response = client.post(
        public_url(campus, "propose"), proposal(theme, description_en=huge, title_en="T" * 201)
    )

    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"title_en", "description_en"}
    assert response.context["form"]["description_en"].value() == huge
    assert huge.strip() in response.content.decode()
    assert rows(Agenda, campus=campus) == []


def test_propose_offers_only_the_campus_active_themes(client, campus, other_campus, theme, citizen):
    with scopes_disabled():
        retired = ThemeFactory(campus=campus, is_active=False)
        foreign = ThemeFactory(campus=other_campus)
    client.force_login(citizen)

    form = client.get(public_url(campus, "propose")).context["form"]
    response = client.post(public_url(campus, "propose"), proposal(foreign))

    assert list(form.fields["theme"].queryset) == [theme]
    assert retired not in form.fields["theme"].queryset
    assert response.status_code == 400
    assert "theme" in response.context["form"].errors


def test_propose_with_a_target_tags_its_goal_too(client, campus, theme, citizen, target_11_6):
    client.force_login(citizen)

    client.post(public_url(campus, "propose"), proposal(theme, targets=[str(target_11_6.pk)]))

    [agenda] = rows(Agenda, campus=campus)
    with scopes_disabled():
        assert list(agenda.sdg_targets.all()) == [target_11_6]
        assert list(agenda.sdg_goals.all()) == [target_11_6.goal]


def test_propose_offers_local_targets_of_this_campus_only(
    client, campus, other_campus, theme, citizen, goal_11
):
    with scopes_disabled():
        mine = goal_11.targets.create(campus=campus, code="11.S.1", text_en="Zero waste markets in Seoul")
        theirs = goal_11.targets.create(campus=other_campus, code="11.B.1", text_en="Busan beaches")
    client.force_login(citizen)

    response = client.post(public_url(campus, "propose"), proposal(theme, targets=[str(theirs.pk)]))

    assert response.status_code == 400
    offered = {
        pk for _goal, choices in response.context["form"].fields["targets"].choices for pk, _label in choices
    }
    assert mine.pk in offered
    assert theirs.pk not in offered


def test_propose_on_behalf_of_an_organisation_of_this_campus(client, campus, other_campus, theme, citizen):
    with scopes_disabled():
        cooperative = OrganisationFactory(campus=campus, name_en="Alley Cooperative")
        elsewhere = OrganisationFactory(campus=other_campus)
        MembershipFactory(organisation=cooperative, user=citizen, campus=campus)
        MembershipFactory(organisation=elsewhere, user=citizen, campus=other_campus)
    client.force_login(citizen)

    offered = client.get(public_url(campus, "propose")).context["form"].fields["organisation"].queryset
    refused = client.post(public_url(campus, "propose"), proposal(theme, organisation=str(elsewhere.pk)))
    client.post(public_url(campus, "propose"), proposal(theme, organisation=str(cooperative.pk)))

    assert list(offered) == [cooperative]
    assert refused.status_code == 400
    [agenda] = rows(Agenda, campus=campus)
    assert (agenda.origin, agenda.organisation) == ("organisation", cooperative)


def test_propose_by_staff_is_brought_by_the_campus_team(client, campus, theme, staff_member):
    client.force_login(staff_member)

    client.post(public_url(campus, "propose"), proposal(theme))

    [agenda] = rows(Agenda, campus=campus)
    assert agenda.origin == "staff"


def test_propose_with_a_link_and_a_file_as_evidence(client, campus, theme, citizen, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(citizen)
    photo = SimpleUploadedFile("alley.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type="image/png")

    client.post(
        public_url(campus, "propose"),
        proposal(
            theme,
            **{
                "evidence-0-title": "News report",
                "evidence-0-url": "https://news.example.org/alley",
                "evidence-1-file": photo,
            },
        ),
    )

    [agenda] = rows(Agenda, campus=campus)
    link, upload = rows(Evidence, agenda=agenda)
    assert (link.title, link.url, bool(link.file)) == ("News report", "https://news.example.org/alley", False)
    assert (upload.title, upload.url) == ("alley.png", "")
    download = client.get(public_url(campus, "evidence", pk=upload.pk))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    download.close()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run.exe", b"MZ", "is not an accepted file type"),
        ("report.pdf", b"<html>not a pdf", "is not a real PDF file"),
        ("big.png", b"0" * (EVIDENCE_MAX_MB * 1024 * 1024 + 1), "the largest file accepted is 10 MB"),
    ],
)
def test_propose_with_a_bad_file_is_refused_and_keeps_the_text(
    client, campus, theme, citizen, name, content, message
):
    client.force_login(citizen)

    response = client.post(
        public_url(campus, "propose"),
        proposal(theme, **{"evidence-0-file": SimpleUploadedFile(name, content)}),
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Files you chose were not kept" in response.content.decode()
    assert response.context["form"]["title_en"].value() == "Rubbish piles up in the alleys"
    assert rows(Agenda, campus=campus) == []


def test_propose_evidence_title_without_link_or_file_is_refused(client, campus, theme, citizen):
    client.force_login(citizen)

    response = client.post(public_url(campus, "propose"), proposal(theme, **{"evidence-0-title": "Photos"}))

    assert response.status_code == 400
    assert "Add the link or the file this evidence is." in response.content.decode()


def test_propose_check_shows_similar_problems_keeps_the_text_and_saves_nothing(
    client, campus, theme, citizen, make_agenda, neighbours
):
    existing = make_agenda(
        title_en="Rubbish piles up in the alleys of Eunpyeong",
        description_en="Bins overflow every Monday in the alleys.",
        indexed=True,
    )
    client.force_login(citizen)

    response = client.post(
        public_url(campus, "propose"),
        proposal(theme, description_en="", check="1", title_en="Rubbish in the alleys, bins overflow"),
    )

    assert response.status_code == 200
    assert [match.agenda for match in response.context["similar"]] == [existing]
    content = response.content.decode()
    assert public_url(campus, "detail", pk=existing.pk) in content
    assert "Rubbish in the alleys, bins overflow" in content
    assert "Describe the problem" not in content
    assert rows(Agenda, campus=campus) == [*neighbours, existing]


def test_propose_page_carries_the_similar_problems_container(client, campus, citizen):
    client.force_login(citizen)

    content = client.get(public_url(campus, "propose")).content.decode()

    assert f'data-similar-url="{public_url(campus, "similar")}"' in content
    assert 'id="similar-agendas" aria-live="polite"' in content
    assert "agendas/similar.js" in content


def test_proposed_problem_is_found_by_the_similarity_search(client, campus, theme, citizen, neighbours):
    client.force_login(citizen)

    client.post(public_url(campus, "propose"), proposal(theme))

    with scopes_disabled():
        matches = similar_agendas(campus=campus, text="rubbish alleys bins overflow")
    assert [match.agenda.title_en for match in matches] == ["Rubbish piles up in the alleys"]
