"""Every manage page and every POST checks the campus role on the server; other campuses' records
are never reachable by slug or id."""

import pytest
from django_scopes import scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.programs.models import LotteryDraw
from tests.factories import ParticipantFactory, TrackFactory

from .helpers import mails, manage_url, participants, public_url, registrations


@pytest.fixture
def cohort(make_cohort):
    return make_cohort("lottery", window="closed", size=2)


@pytest.fixture
def member(cohort):
    with scopes_disabled():
        return ParticipantFactory(cohort=cohort)


def manage_pages(campus, cohort, member):
    return [
        manage_url(campus, "overview"),
        manage_url(campus, "track_create"),
        manage_url(campus, "track_edit", slug=cohort.track.slug),
        manage_url(campus, "cohort_create"),
        manage_url(campus, "roster", slug=cohort.slug),
        manage_url(campus, "cohort_edit", slug=cohort.slug),
        manage_url(campus, "withdraw", slug=cohort.slug, pk=member.pk),
    ]


def manage_posts(campus, cohort, member):
    return [
        *manage_pages(campus, cohort, member)[1:],
        manage_url(campus, "late_joiner", slug=cohort.slug),
        manage_url(campus, "fill_from_call", slug=cohort.slug),
        manage_url(campus, "draw", slug=cohort.slug),
    ]


# Things a POST would change if it got through: the roster, the draw, names.
POST_DATA = {
    "slug": "taken-over",
    "name_en": "Taken over",
    "kind": "other",
    "left_on": "2030-01-01",
    "reason": "no",
    "late-person": "someone@example.org",
    "late-joined_on": "2030-01-01",
    "draw-seed": "seed",
}


def unchanged(cohort, member):
    assert participants(cohort, state="active") == [member]
    assert registrations(cohort) == []
    with scopes_disabled():
        assert not LotteryDraw.objects.filter(cohort=cohort).exists()
        cohort.refresh_from_db()
        assert cohort.name_en != "Taken over"
        assert cohort.track.name_en != "Taken over"


def test_anonymous_people_are_sent_to_log_in(client, campus, cohort, member):
    login = campus_reverse(campus, "people:login")
    for address in manage_pages(campus, cohort, member):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    for address in manage_posts(campus, cohort, member):
        response = client.post(address, POST_DATA)
        assert response.status_code == 302, address
        assert response.url.startswith(login), address
    unchanged(cohort, member)


@pytest.mark.parametrize("person", ["participant", "other_operator"])
def test_people_without_a_team_role_here_are_forbidden(client, campus, cohort, member, request, person):
    client.force_login(request.getfixturevalue(person))
    for address in manage_pages(campus, cohort, member):
        assert client.get(address).status_code == 403, address
    for address in manage_posts(campus, cohort, member):
        assert client.post(address, POST_DATA).status_code == 403, address
    unchanged(cohort, member)
    assert mails(campus) == []


def test_operators_and_staff_open_every_manage_page(client, campus, cohort, member, operator, staff_member):
    for person in (operator, staff_member):
        client.force_login(person)
        for address in manage_pages(campus, cohort, member):
            assert client.get(address).status_code == 200, address


def test_another_campus_records_are_not_found(client, campus, other_campus, make_cohort, operator):
    foreign = make_cohort("lottery", on=other_campus, window="closed", name_en="Busan autumn")
    with scopes_disabled():
        foreign_member = ParticipantFactory(cohort=foreign)
        TrackFactory(campus=other_campus, slug="busan-only")
    ours = make_cohort()
    client.force_login(operator)

    for address in [
        manage_url(campus, "roster", slug=foreign.slug),
        manage_url(campus, "cohort_edit", slug=foreign.slug),
        manage_url(campus, "track_edit", slug="busan-only"),
        manage_url(campus, "withdraw", slug=foreign.slug, pk=foreign_member.pk),
        manage_url(campus, "withdraw", slug=ours.slug, pk=foreign_member.pk),
        public_url(campus, "cohort", slug=foreign.slug),
        public_url(campus, "lottery", slug=foreign.slug),
    ]:
        assert client.get(address).status_code == 404, address
    for address in [
        manage_url(campus, "withdraw", slug=ours.slug, pk=foreign_member.pk),
        manage_url(campus, "late_joiner", slug=foreign.slug),
        manage_url(campus, "draw", slug=foreign.slug),
        manage_url(campus, "fill_from_call", slug=foreign.slug),
        public_url(campus, "register", slug=foreign.slug),
    ]:
        assert client.post(address, POST_DATA).status_code == 404, address
    assert "Busan autumn" not in client.get(manage_url(campus, "overview")).content.decode()
    assert participants(foreign, state="active") == [foreign_member]


def test_registering_needs_a_signed_in_person_and_a_published_cohort(
    client, campus, make_cohort, make_person
):
    cohort = make_cohort("first_come")
    hidden = make_cohort("first_come", is_published=False)
    login = campus_reverse(campus, "people:login")

    for name in ("register", "cancel"):
        response = client.post(public_url(campus, name, slug=cohort.slug))
        assert response.status_code == 302
        assert response.url.startswith(login)

    client.force_login(make_person(campus, "public"))
    assert client.post(public_url(campus, "register", slug=hidden.slug)).status_code == 404
    assert client.post(public_url(campus, "cancel", slug=cohort.slug)).status_code == 404  # nothing to cancel
    assert client.get(public_url(campus, "register", slug=cohort.slug)).status_code == 405
    assert registrations(cohort) == registrations(hidden) == []


def test_a_person_can_cancel_only_their_own_registration(client, campus, make_cohort, make_person):
    cohort = make_cohort("first_come")
    owner, other = make_person(campus, "public"), make_person(campus, "public")
    client.force_login(owner)
    client.post(public_url(campus, "register", slug=cohort.slug))
    client.force_login(other)

    assert client.post(public_url(campus, "cancel", slug=cohort.slug)).status_code == 404
    assert [r.state for r in registrations(cohort)] == ["admitted"]
    assert [p.left_on for p in participants(cohort)] == [None]
