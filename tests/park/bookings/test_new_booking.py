"""The booking form: who may use it, “Check” showing each date's state, and “Book”."""

import pytest

from opencampus.park.models import Booking, Occurrence
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ResidencyFactory,
    SpaceFactory,
    UserFactory,
)

from .helpers import messages_of, sign_in, url


def new_url(space):
    return url(space.campus, "bookings:new", space_slug=space.slug)


def form_data(day, **changes):
    data = {
        "title": "Team meeting",
        "purpose": "Planning the autumn fair",
        "attendees": "4",
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "11:00",
        "frequency": "once",
        "interval": "1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# Who may come in


def test_anonymous_people_are_sent_to_log_in(client, room):
    response = client.get(new_url(room))

    assert response.status_code == 302
    assert response.url.startswith(url(room.campus, "people:login"))


def test_people_the_space_does_not_admit_get_403(client, campus):
    space = SpaceFactory(campus=campus, bookable_by_public=False)
    sign_in(client, UserFactory())

    assert client.get(new_url(space)).status_code == 403
    assert client.post(new_url(space), form_data(space.created.date(), book="1")).status_code == 403
    assert not Booking.objects.exists()


def test_inactive_and_other_campus_spaces_are_not_found(client, campus, other_campus, participant):
    inactive = SpaceFactory(campus=campus, is_active=False)
    elsewhere = SpaceFactory(campus=other_campus, slug="busan-hall")
    sign_in(client, participant)

    assert client.get(new_url(inactive)).status_code == 404
    assert client.get(url(campus, "bookings:new", space_slug=elsewhere.slug)).status_code == 404


def test_a_signed_in_person_sees_the_form(client, room, participant):
    sign_in(client, participant)

    response = client.get(new_url(room))

    assert response.status_code == 200
    assert "Book Seminar room 1" in response.text
    assert 'name="book"' not in response.text  # booking comes after checking


# Check


def test_checking_shows_each_date_free_colliding_or_overlapping_a_request(
    client, campus, room, participant, make_person, staff_member, book, day
):
    book(staff_member, room, 3, "10:00", "11:00", title="Board meeting")
    lab = SpaceFactory(campus=campus, requires_approval=True, name_en="Lab")
    book(make_person(campus, "participant"), lab, 4, "10:30", "11:30", title="Pending idea")
    sign_in(client, participant)

    response = client.post(new_url(room), form_data(day(3), frequency="daily", count="3", check="1"))

    assert response.status_code == 200
    dates = response.context["planned_dates"]
    assert [row.state for row in dates] == ["collides", "free", "free"]
    assert "collides with Seminar room 1" in dates[0].hard[0]
    assert "Board meeting" in dates[0].hard[0]
    assert response.context["may_book"] is False
    assert 'name="book"' not in response.text

    response = client.post(new_url(lab), form_data(day(4), check="1"))

    assert [row.state for row in response.context["planned_dates"]] == ["overlaps"]
    assert "Pending idea" in response.text
    assert response.context["may_book"] is True


def test_checking_lists_the_rules_a_request_breaks(client, room, participant, day):
    sign_in(client, participant)

    response = client.post(new_url(room), form_data(day(3), attendees="50", check="1"))

    assert "“Seminar room 1” holds 20 people; you asked for 50." in response.context["plan"].problems
    assert "holds 20 people" in response.text
    assert response.context["may_book"] is False


def test_the_end_before_the_start_keeps_what_was_typed(client, room, participant, day):
    sign_in(client, participant)

    response = client.post(new_url(room), form_data(day(3), start_time="14:00", end_time="13:00", book="1"))

    assert response.status_code == 400
    assert "The end must come after the start." in response.text
    assert 'value="Team meeting"' in response.text
    assert 'value="14:00"' in response.text
    assert not Booking.objects.exists()


def test_a_repeat_needs_an_end_but_not_two(client, room, participant, day):
    sign_in(client, participant)

    endless = client.post(new_url(room), form_data(day(3), frequency="weekly", check="1"))
    both = client.post(
        new_url(room), form_data(day(3), frequency="weekly", until=day(30).isoformat(), count="3", check="1")
    )

    assert "Say until when, or how many times, the booking repeats." in endless.text
    assert "Give an end date or a number of times, not both." in both.text


# Book


def test_booking_a_free_time_confirms_it(client, room, participant, day, at):
    sign_in(client, participant)

    response = client.post(new_url(room), form_data(day(3), book="1"), follow=True)

    booking = Booking.objects.get()
    assert response.redirect_chain[-1][0] == url(room.campus, "bookings:detail", pk=booking.pk)
    assert booking.state == Booking.State.CONFIRMED
    assert booking.booked_by == participant
    assert (booking.start, booking.end) == (at(3, "10:00"), at(3, "11:00"))
    assert "Your booking “Team meeting” is confirmed." in messages_of(response)


def test_a_space_needing_approval_takes_a_request(client, campus, participant, day):
    lab = SpaceFactory(campus=campus, requires_approval=True)
    sign_in(client, participant)

    response = client.post(new_url(lab), form_data(day(3), book="1"), follow=True)

    assert Booking.objects.get().state == Booking.State.PENDING
    assert "Your request “Team meeting” is awaiting approval by the campus team." in messages_of(response)


def test_a_weekly_series_can_skip_the_dates_that_collide(client, room, participant, staff_member, book, day):
    book(staff_member, room, 10, "10:30", "12:00", title="Repairs")
    sign_in(client, participant)
    data = form_data(day(3), frequency="weekly", weekdays=[day(3).weekday()], count="3", skip_conflicts="on")

    checked = client.post(new_url(room), {**data, "check": "1"})
    assert "collides: will be skipped" in checked.text
    assert checked.context["may_book"] is True
    response = client.post(new_url(room), {**data, "book": "1"}, follow=True)

    booking = Booking.objects.get(title="Team meeting")
    assert list(booking.occurrences.values_list("state", flat=True)) == ["confirmed", "skipped", "confirmed"]
    assert any(text.startswith("Left out because they collide") for text in messages_of(response, "warning"))
    assert "Left out because it collided with another booking" in response.text
    assert "Repairs" in response.text  # what the skipped date collides with


def test_booking_over_a_collision_is_refused_with_the_reason_and_the_input_kept(
    client, room, participant, staff_member, book, day
):
    book(staff_member, room, 3, "10:30", "12:00", title="Repairs")
    sign_in(client, participant)

    response = client.post(new_url(room), form_data(day(3), book="1"))

    assert response.status_code == 400
    assert any(
        "collides with Seminar room 1" in error for error in response.context["form"].non_field_errors()
    )
    assert 'value="Team meeting"' in response.text
    assert not Booking.objects.filter(title="Team meeting").exists()


def test_on_behalf_of_lists_only_the_persons_resident_organisations(client, campus, room, participant, day):
    resident, former, foreign = (OrganisationFactory(campus=campus, name_en=name) for name in "ABC")
    ResidencyFactory(organisation=resident)
    ResidencyFactory(organisation=former, state="left")
    ResidencyFactory(organisation=foreign)
    for organisation in (resident, former):
        MembershipFactory(organisation=organisation, user=participant)
    sign_in(client, participant)

    field = client.get(new_url(room)).context["form"].fields["organisation"]
    response = client.post(
        new_url(room), form_data(day(3), organisation=str(resident.pk), book="1"), follow=True
    )
    refused = client.post(new_url(room), form_data(day(4), organisation=str(foreign.pk), book="1"))

    assert list(field.queryset) == [resident]
    assert response.status_code == 200
    assert Booking.objects.get().organisation == resident
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.text


def test_the_organisation_field_is_left_out_for_people_without_one(client, room, participant):
    sign_in(client, participant)

    assert "organisation" not in client.get(new_url(room)).context["form"].fields


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_form_works_in_both_languages(client, room, participant, day, language):
    participant.preferred_language = language
    participant.save(update_fields=["preferred_language"])
    client.force_login(participant)

    response = client.post(new_url(room), form_data(day(3), start_time="14:00", end_time="13:00", check="1"))

    assert response.status_code == 400
    assert response.context["form"].has_error("end_time")
    assert 'value="Team meeting"' in response.text


def test_nothing_is_saved_while_only_checking(client, room, participant, day):
    sign_in(client, participant)

    client.post(new_url(room), form_data(day(3), check="1"))

    assert not Occurrence.objects.exists()


def test_links_from_the_week_view_and_the_search_prefill_the_form(client, room, participant):
    client.force_login(participant)

    response = client.get(
        f"/c/{room.campus.slug}/bookings/new/{room.slug}/?date=2026-12-03&start=14:00&end=15:30&people=6"
    )

    form = response.context["form"]
    assert (form["date"].value(), form["start_time"].value(), form["end_time"].value()) == (
        "2026-12-03",
        "14:00",
        "15:30",
    )
    assert form["attendees"].value() == "6"
