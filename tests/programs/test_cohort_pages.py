"""The public cohort pages and the campus team's pages: what they show and how they take input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.calls.models import Application
from opencampus.people.models import User
from opencampus.programs.models import Cohort, Participant, Registration, Track
from opencampus.programs.services.lottery_draw import draw_lottery
from opencampus.programs.services.registration import register
from tests.factories import ApplicationFactory, CallFactory, ParticipantFactory, SpaceFactory, TrackFactory

from .helpers import actions, fresh, manage_url, participants, public_url, registrations


def page(response):
    return response.content.decode()


# Public pages


def test_the_list_shows_published_cohorts_by_track(client, campus, other_campus, make_cohort):
    with scopes_disabled():
        track = TrackFactory(campus=campus, name_en="Citizen innovators")
        room = SpaceFactory(campus=campus, name_en="Seminar room A")
    open_cohort = make_cohort("first_come", track=track, size=3, place=room, name_en="Spring 2027")
    with scopes_disabled():
        ParticipantFactory(cohort=open_cohort)
    make_cohort(track=track, name_en="Hidden draft", is_published=False)
    make_cohort(on=other_campus, name_en="Busan autumn")

    html = page(client.get(public_url(campus, "list")))

    assert "Citizen innovators" in html
    assert "Spring 2027" in html
    assert "Seminar room A" in html
    assert "2 left" in html
    assert "First come, first served" in html
    assert "open until" in html
    assert "Hidden draft" not in html
    assert "Busan autumn" not in html


def test_a_visitor_is_asked_to_log_in_and_a_person_registers(client, campus, make_cohort, make_person):
    cohort = make_cohort("first_come", size=1)
    assert "Log in to register" in page(client.get(public_url(campus, "cohort", slug=cohort.slug)))

    person = make_person(campus, "public")
    client.force_login(person)
    response = client.post(public_url(campus, "register", slug=cohort.slug), follow=True)

    html = page(response)
    assert "You are registered and have a place in the cohort" in html
    assert "You take part in this cohort" in html
    assert "Cancel my registration" in html
    assert [p.user for p in participants(cohort)] == [person]


def test_a_full_cohort_says_so_and_puts_the_person_on_the_waiting_list(
    client, campus, make_cohort, make_person
):
    cohort = make_cohort("first_come", size=1)
    with scopes_disabled():
        ParticipantFactory(cohort=cohort)
    client.force_login(make_person(campus, "public"))

    assert "registering now puts you on the waiting list" in page(
        client.get(public_url(campus, "cohort", slug=cohort.slug))
    )
    html = page(client.post(public_url(campus, "register", slug=cohort.slug), follow=True))
    assert "you are on the waiting list" in html
    assert "You are number 1 in the waiting line" in html


def test_a_refused_registration_is_explained(client, campus, make_cohort, make_person):
    cohort = make_cohort("first_come", window="closed")
    client.force_login(make_person(campus, "public"))

    html = page(client.post(public_url(campus, "register", slug=cohort.slug), follow=True))

    assert "Registration closed on" in html
    assert registrations(cohort) == []


def test_a_person_cancels_their_own_registration(client, campus, make_cohort, make_person):
    cohort = make_cohort("first_come")
    person = make_person(campus, "public")
    with scope(campus=campus):
        registration = register(cohort=cohort, user=person)
    client.force_login(person)

    html = page(client.post(public_url(campus, "cancel", slug=cohort.slug), follow=True))

    assert "Your registration is cancelled" in html
    assert fresh(registration).state == "cancelled"


def test_an_entrant_sees_their_number_then_their_result(
    client, campus, make_cohort, make_person, staff_member
):
    cohort = make_cohort("lottery", size=1)
    person = make_person(campus, "public")
    client.force_login(person)
    client.post(public_url(campus, "register", slug=cohort.slug))
    [entry] = registrations(cohort)

    html = page(client.get(public_url(campus, "cohort", slug=cohort.slug)))
    assert entry.code in html
    assert "The public draw takes place after registration closes" in html

    with scopes_disabled():
        Cohort.objects.filter(pk=cohort.pk).update(
            registration_closes_at=timezone.now() - timedelta(minutes=1)
        )
    with scope(campus=campus):
        draw_lottery(cohort=fresh(cohort), seed="seed", actor=staff_member)
    html = page(client.get(public_url(campus, "cohort", slug=cohort.slug)))
    assert entry.code in html
    assert "Admitted" in html
    assert "You take part in this cohort" in html
    assert "Results of the public draw" in html


def test_the_results_page_shows_numbers_and_never_names(
    client, campus, make_cohort, make_person, staff_member
):
    cohort = make_cohort("lottery", size=2)
    people = [make_person(campus, "public", name_en=f"Entrant Name {n}") for n in range(4)]
    with scope(campus=campus):
        codes = [register(cohort=cohort, user=person).code for person in people]
    with scopes_disabled():
        Cohort.objects.filter(pk=cohort.pk).update(
            registration_closes_at=timezone.now() - timedelta(minutes=1)
        )
    with scope(campus=campus):
        drawn = draw_lottery(cohort=fresh(cohort), seed="2027-03-02 KOSPI 2,601.45", actor=staff_member)

    html = page(client.get(public_url(campus, "lottery", slug=cohort.slug)))

    assert "2027-03-02 KOSPI 2,601.45" in html
    assert "sha256" in html
    assert f"python -m opencampus.solvers lottery lottery-{cohort.slug}.json" in html
    assert public_url(campus, "lottery_json", slug=cohort.slug) in html
    assert all(code in html for code in codes)
    assert html.index(drawn.order[0]) < html.index(drawn.order[1]) < html.index(drawn.order[3])
    for person in people:
        assert person.name_en not in html
        assert person.email not in html
        assert person.name_ko not in html


def test_the_results_page_exists_only_after_the_draw(client, campus, make_cohort):
    cohort = make_cohort("lottery")
    assert client.get(public_url(campus, "lottery", slug=cohort.slug)).status_code == 404
    assert client.get(public_url(campus, "lottery_json", slug=cohort.slug)).status_code == 404


def test_an_unpublished_cohort_is_visible_to_the_team_only(client, campus, make_cohort, staff_member):
    cohort = make_cohort(is_published=False)
    address = public_url(campus, "cohort", slug=cohort.slug)
    assert client.get(address).status_code == 404
    client.force_login(staff_member)
    assert "This cohort is not published" in page(client.get(address))


def test_the_navigation_links_to_the_programs(client, campus, staff_member):
    client.force_login(staff_member)
    assert public_url(campus, "list") in page(client.get(public_url(campus, "list")))
    dashboard = client.get(f"/c/{campus.slug}/manage/")
    assert manage_url(campus, "overview") in page(dashboard)


# Tracks and cohorts


def test_staff_add_a_track_and_bad_input_keeps_what_was_typed(client, campus, staff_member):
    client.force_login(staff_member)
    data = {"slug": "Not A Slug!", "kind": "citizen", "name_ko": "", "name_en": "", "description_en": "Kept"}

    response = client.post(manage_url(campus, "track_create"), data)

    assert response.status_code == 400
    html = page(response)
    assert "Give the name in Korean or in English." in html
    assert "Kept" in html
    assert response.context["form"].errors.keys() == {"slug", "name_ko"}

    data.update(slug="citizen", name_en="Citizen innovators")
    response = client.post(manage_url(campus, "track_create"), data)
    assert response.status_code == 302
    with scopes_disabled():
        assert Track.objects.get(campus=campus, slug="citizen").name_en == "Citizen innovators"
    assert actions(campus, "track.") == ["track.created"]

    response = client.post(manage_url(campus, "track_create"), {**data, "name_en": "Twin"})
    assert "already uses this address name" in page(response)


def cohort_data(track, **changes):
    starts = timezone.localdate() + timedelta(days=30)
    return {
        "track": track.pk,
        "slug": "spring-2027",
        "name_ko": "2027 봄",
        "name_en": "Spring 2027",
        "starts_on": starts.isoformat(),
        "ends_on": (starts + timedelta(weeks=16)).isoformat(),
        "weeks": 16,
        "size": 30,
        "admission": "selection",
        "completion_attendance": 80,
        "is_published": "on",
        **changes,
    }


def test_staff_add_a_cohort_with_clear_errors(client, campus, other_campus, staff_member):
    with scopes_disabled():
        track = TrackFactory(campus=campus)
        foreign_call = CallFactory(campus=other_campus)
    client.force_login(staff_member)

    bad = cohort_data(
        track, admission="lottery", ends_on=cohort_data(track)["starts_on"], call=foreign_call.pk
    )
    response = client.post(manage_url(campus, "cohort_create"), bad)

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) >= {"ends_on", "registration_opens_at", "call"}
    # The page was written in English; the lazy messages would read in the default language now.
    assert "The cohort must end after it starts." in page(response)
    assert "A cohort admitted first come or by lottery needs both registration dates." in page(response)
    assert 'value="Spring 2027"' in page(response)

    response = client.post(manage_url(campus, "cohort_create"), cohort_data(track))
    assert response.status_code == 302
    assert response.url == manage_url(campus, "roster", slug="spring-2027")
    assert actions(campus, "cohort.") == ["cohort.created"]


def test_the_way_of_admission_cannot_change_once_people_registered(
    client, campus, make_cohort, make_person, staff_member
):
    cohort = make_cohort("first_come")
    with scope(campus=campus):
        register(cohort=cohort, user=make_person(campus, "public"))
    client.force_login(staff_member)
    data = cohort_data(cohort.track, slug=cohort.slug, admission="lottery")
    data.update(
        registration_opens_at=timezone.localtime(cohort.registration_opens_at).strftime("%Y-%m-%dT%H:%M"),
        registration_closes_at=timezone.localtime(cohort.registration_closes_at).strftime("%Y-%m-%dT%H:%M"),
    )

    response = client.post(manage_url(campus, "cohort_edit", slug=cohort.slug), data)

    assert response.status_code == 400
    assert "can no longer change" in page(response)
    assert fresh(cohort).admission == "first_come"

    response = client.post(
        manage_url(campus, "cohort_edit", slug=cohort.slug), {**data, "admission": "first_come"}
    )
    assert response.status_code == 302
    assert fresh(cohort).name_en == "Spring 2027"


# The roster


def test_the_roster_lists_participants_registrations_and_the_waiting_line(
    client, campus, make_cohort, make_person, staff_member
):
    cohort = make_cohort("first_come", size=1)
    first = make_person(campus, "public", name_en="Kim First")
    second = make_person(campus, "public", name_en="Lee Waiting")
    with scope(campus=campus):
        register(cohort=cohort, user=first)
        waiting = register(cohort=cohort, user=second)
    client.force_login(staff_member)

    response = client.get(manage_url(campus, "roster", slug=cohort.slug))

    html = page(response)
    assert "Kim First" in html
    assert "Registered (first come)" in html
    assert [r.pk for r in response.context["waiting"]] == [waiting.pk]
    assert "1 of 1 places taken" in html


def test_the_roster_page_costs_the_same_queries_with_3_or_300_participants(
    client, campus, make_cohort, staff_member
):
    small, large = make_cohort(size=300), make_cohort(size=300)
    with scopes_disabled():
        users = User.objects.bulk_create(
            User(email=f"roster{n}@example.org", name_en=f"Roster {n}", password="!") for n in range(303)
        )
        Participant.objects.bulk_create(
            Participant(campus=campus, cohort=small if n < 3 else large, user=user, source="late",
                        joined_on=timezone.localdate())
            for n, user in enumerate(users)
        )  # fmt: skip
    client.force_login(staff_member)

    def queries(cohort):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(manage_url(campus, "roster", slug=cohort.slug))
        assert len(response.context["participants"]) in (3, 300)
        return len(captured)

    assert queries(small) == queries(large)


def test_a_late_joiner_who_cannot_join_is_explained_and_the_address_kept(
    client, campus, other_campus, make_cohort, make_person, staff_member
):
    cohort = make_cohort(size=1)
    stranger = make_person(other_campus, "public", email="stranger@example.org")
    client.force_login(staff_member)
    address = manage_url(campus, "late_joiner", slug=cohort.slug)
    today = timezone.localdate().isoformat()

    response = client.post(address, {"late-person": "nobody@example.org", "late-joined_on": today})
    assert response.status_code == 400
    assert "No account uses this e-mail address" in page(response)
    assert 'value="nobody@example.org"' in page(response)

    response = client.post(address, {"late-person": stranger.email, "late-joined_on": today})
    assert response.status_code == 400
    assert "holds no role on this campus" in page(response)

    person = make_person(campus, "public")
    response = client.post(address, {"late-person": person.email, "late-joined_on": today}, follow=True)
    assert "joins the cohort" in page(response)
    assert [(p.user, p.source) for p in participants(cohort)] == [(person, "late")]

    response = client.post(
        address, {"late-person": make_person(campus, "public").email, "late-joined_on": today}
    )
    assert "The cohort is full" in page(response)


def test_staff_withdraw_a_participant_with_a_reason(client, campus, make_cohort, staff_member):
    cohort = make_cohort()
    with scopes_disabled():
        member = ParticipantFactory(cohort=cohort, joined_on=timezone.localdate() - timedelta(days=5))
    client.force_login(staff_member)
    address = manage_url(campus, "withdraw", slug=cohort.slug, pk=member.pk)
    assert client.get(address).status_code == 200

    early = (member.joined_on - timedelta(days=1)).isoformat()
    response = client.post(address, {"left_on": early, "reason": "Moved to Busan"})
    assert response.status_code == 400
    assert "cannot leave before" in page(response)
    assert "Moved to Busan" in page(response)

    response = client.post(address, {"left_on": timezone.localdate().isoformat(), "reason": "Moved to Busan"})
    assert response.status_code == 302
    assert (fresh(member).state, fresh(member).leave_reason) == ("withdrawn", "Moved to Busan")


def test_staff_fill_a_cohort_from_its_call(client, campus, make_cohort, staff_member):
    with scopes_disabled():
        call = CallFactory(campus=campus)
        confirmed = ApplicationFactory(call=call, campus=campus, state=Application.State.CONFIRMED)
    cohort = make_cohort(call=call)
    client.force_login(staff_member)

    html = page(client.post(manage_url(campus, "fill_from_call", slug=cohort.slug), follow=True))
    assert "1 confirmed applicant joins the cohort." in html
    html = page(client.post(manage_url(campus, "fill_from_call", slug=cohort.slug), follow=True))
    assert "already on the roster" in html
    assert [p.application_id for p in participants(cohort)] == [confirmed.pk]


def test_staff_draw_the_lottery_from_the_roster(client, campus, make_cohort, make_person, staff_member):
    cohort = make_cohort("lottery", size=1, window="closed")
    client.force_login(staff_member)
    draw = manage_url(campus, "draw", slug=cohort.slug)
    assert "Draw the lottery" in page(client.get(manage_url(campus, "roster", slug=cohort.slug)))

    response = client.post(draw, {"draw-seed": "  "})
    assert response.status_code == 400
    assert "This field is required" in page(response)

    response = client.post(draw, {"draw-seed": "lucky"})
    assert response.status_code == 400
    assert "Nobody entered the lottery" in page(response)
    assert 'value="lucky"' in page(response)

    with scopes_disabled():
        Registration.objects.create(
            campus=campus, cohort=cohort, user=make_person(campus, "public"), code="ABC234"
        )
    response = client.post(draw, {"draw-seed": "lucky"}, follow=True)
    assert "The lottery is drawn: 1 of 1 entrants have a place." in page(response)
    assert "with the seed “lucky”" in page(response)

    response = client.post(draw, {"draw-seed": "another"})
    assert response.status_code == 400
    assert "already been drawn" in page(response)


@pytest.mark.parametrize("admission", ["first_come", "lottery"])
def test_the_roster_offers_the_actions_of_its_admission(client, campus, make_cohort, staff_member, admission):
    cohort = make_cohort(admission)
    client.force_login(staff_member)
    html = page(client.get(manage_url(campus, "roster", slug=cohort.slug)))
    assert "Add a late joiner" in html
    assert "Fill from the call" not in html
    assert ("The draw is made once registration has closed." in html) == (admission == "lottery")
