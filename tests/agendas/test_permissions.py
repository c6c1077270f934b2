"""Every page checks the person's rights on the server; another campus's records are never found."""

import pytest
from django_scopes import scopes_disabled

from opencampus.agendas.models import Comment, District, SdgTarget, Theme
from opencampus.core.links import campus_reverse

from .helpers import fresh, manage_url, public_url, rows


@pytest.fixture
def records(campus, agenda, theme, district, goal_11):
    with scopes_disabled():
        comment = Comment.objects.create(campus=campus, agenda=agenda, body="Bins are full")
        target = SdgTarget.objects.create(
            goal=goal_11, campus=campus, code="11.S.1", text_en="Zero-waste markets"
        )
    return {"agenda": agenda, "comment": comment, "theme": theme, "district": district, "target": target}


def manage_pages(campus, records):
    return [
        manage_url(campus, "index"),
        manage_url(campus, "agenda", pk=records["agenda"].pk),
        manage_url(campus, "moderation"),
        manage_url(campus, "themes"),
        manage_url(campus, "theme_create"),
        manage_url(campus, "theme_edit", pk=records["theme"].pk),
        manage_url(campus, "districts"),
        manage_url(campus, "district_create"),
        manage_url(campus, "district_edit", pk=records["district"].pk),
        manage_url(campus, "targets"),
        manage_url(campus, "target_create"),
        manage_url(campus, "target_edit", pk=records["target"].pk),
        manage_url(campus, "policy"),
    ]


def record_addresses(campus, records):
    """Addresses naming one of ``records``, under ``campus``'s prefix."""
    agenda, comment = records["agenda"], records["comment"]
    return [
        manage_url(campus, "agenda", pk=agenda.pk),
        manage_url(campus, "merge", pk=agenda.pk),
        manage_url(campus, "hide_comment", pk=comment.pk),
        manage_url(campus, "unhide_comment", pk=comment.pk),
        manage_url(campus, "resolve_reports", pk=comment.pk),
        manage_url(campus, "theme_edit", pk=records["theme"].pk),
        manage_url(campus, "theme_remove", pk=records["theme"].pk),
        manage_url(campus, "district_edit", pk=records["district"].pk),
        manage_url(campus, "district_delete", pk=records["district"].pk),
        manage_url(campus, "target_edit", pk=records["target"].pk),
        manage_url(campus, "target_delete", pk=records["target"].pk),
    ]


def manage_posts(campus, records):
    creating = [
        manage_url(campus, name) for name in ("theme_create", "district_create", "target_create", "policy")
    ]
    return [*creating, *record_addresses(campus, records)]


# What a POST would change if it got through.
POST_DATA = {
    "to_state": "archived",
    "explanation": "Taken over",
    "target": "1",
    "reason": "Taken over",
    "slug": "taken-over",
    "name_en": "Taken over",
    "code": "taken",
    "text_en": "Taken over",
    "goal": "11",
    "allow_self_endorsement": "on",
}


def unchanged(records):
    agenda = fresh(records["agenda"])
    assert (agenda.state, agenda.merged_into) == ("proposed", None)
    assert not fresh(records["comment"]).is_hidden
    assert fresh(records["theme"]).is_active
    assert rows(District, pk=records["district"].pk)
    assert rows(SdgTarget, pk=records["target"].pk)
    assert rows(Theme, slug="taken-over") == []


def test_manage_anonymous_is_sent_to_log_in(client, campus, records):
    login = campus_reverse(campus, "people:login")
    for address in manage_pages(campus, records):
        response = client.get(address)
        assert (response.status_code, response.url.startswith(login)) == (302, True), address
    for address in manage_posts(campus, records):
        response = client.post(address, POST_DATA)
        assert (response.status_code, response.url.startswith(login)) == (302, True), address
    unchanged(records)


@pytest.mark.parametrize("roles", [(), ("participant",), ("mentor", "reviewer")])
def test_manage_without_a_team_role_is_forbidden(client, campus, records, make_person, roles):
    client.force_login(make_person(campus, *roles))

    for address in manage_pages(campus, records):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(campus, records):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(records)


def test_manage_by_the_team_of_another_campus(client, campus, other_campus, records, other_operator):
    client.force_login(other_operator)

    for address in manage_pages(campus, records):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(campus, records):
        assert client.post(address, POST_DATA).status_code == 403, address
    # Under their own campus's prefix, this campus's records are not found.
    for address in record_addresses(other_campus, records):
        assert client.post(address, POST_DATA).status_code == 404, address
    unchanged(records)


def test_manage_pages_open_for_the_campus_team(client, campus, records, staff_member):
    client.force_login(staff_member)

    for address in manage_pages(campus, records):
        assert client.get(address).status_code == 200, address


def test_edit_by_the_proposer_while_proposed_only(client, campus, make_agenda, make_person):
    proposer = make_person(campus)
    open_one = make_agenda(proposed_by=proposer)
    reviewed = make_agenda(proposed_by=proposer, state="under_review")
    client.force_login(proposer)

    assert client.get(public_url(campus, "edit", pk=open_one.pk)).status_code == 200
    assert client.get(public_url(campus, "edit", pk=reviewed.pk)).status_code == 403


def test_edit_by_someone_else_is_forbidden_and_by_staff_allowed(
    client, campus, agenda, make_person, staff_member
):
    client.force_login(make_person(campus, "participant"))
    assert client.get(public_url(campus, "edit", pk=agenda.pk)).status_code == 403

    client.force_login(staff_member)
    assert client.get(public_url(campus, "edit", pk=agenda.pk)).status_code == 200


def test_edit_anonymous_is_sent_to_log_in(client, campus, agenda):
    response = client.get(public_url(campus, "edit", pk=agenda.pk))

    assert response.status_code == 302
    assert response.url.startswith(campus_reverse(campus, "people:login"))


def test_edit_of_another_campus_problem_is_not_found(client, campus, other_campus, agenda, other_operator):
    client.force_login(other_operator)

    assert client.get(public_url(other_campus, "edit", pk=agenda.pk)).status_code == 404
    assert client.get(public_url(campus, "edit", pk=agenda.pk)).status_code == 403


def test_evidence_file_of_another_campus_is_not_found(client, campus, other_campus, make_agenda):
    with scopes_disabled():
        foreign = make_agenda(on=other_campus).evidence.create(
            campus=other_campus, title="x", url="https://example.org"
        )

    assert client.get(public_url(campus, "evidence", pk=foreign.pk)).status_code == 404


def test_public_pages_need_no_account(client, campus, agenda):
    for address in (
        public_url(campus, "list"),
        public_url(campus, "detail", pk=agenda.pk),
        public_url(campus, "story", pk=agenda.pk),
    ):
        assert client.get(address).status_code == 200, address
