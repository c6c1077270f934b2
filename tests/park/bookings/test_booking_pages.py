"""A person's bookings: the list of dates, a booking's page, cancelling and moving dates."""

from datetime import timedelta

import pytest
from django.utils import timezone

from opencampus.core.models import OutboxMessage
from opencampus.park.models import Booking, Occurrence, SpaceClaim
from opencampus.park.services.bookings import request_booking
from tests.factories import SpaceFactory, UserFactory

from .helpers import count_queries, messages_of, sign_in, url


def detail_url(booking):
    return url(booking.campus, "bookings:detail", pk=booking.pk)


def cancel_url(booking):
    return url(booking.campus, "bookings:cancel", pk=booking.pk)


def move_url(occurrence):
    return url(occurrence.campus, "bookings:move", pk=occurrence.booking_id, occurrence=occurrence.pk)


@pytest.fixture
def series(book, room, participant):
    return book(participant, room, 3, "10:00", "11:00", title="Reading circle", frequency="daily", count=3)


# My bookings


def test_my_bookings_needs_a_log_in(client, campus):
    response = client.get(url(campus, "bookings:mine"))

    assert response.status_code == 302
    assert response.url.startswith(url(campus, "people:login"))


def test_my_bookings_lists_only_my_dates_upcoming_or_past(client, campus, room, participant, series, book):
    book(UserFactory(), room, 5, "14:00", "15:00", title="Someone else's")
    with_past = series.occurrences.first()
    with_past.start, with_past.end = with_past.start - timedelta(days=30), with_past.end - timedelta(days=30)
    with_past.save()
    sign_in(client, participant)

    upcoming = client.get(url(campus, "bookings:mine"))
    past = client.get(url(campus, "bookings:mine") + "?when=past")

    assert len(upcoming.context["occurrences"]) == 2
    assert "Reading circle" in upcoming.text
    assert "Someone else" not in upcoming.text
    assert [item.pk for item in past.context["occurrences"]] == [with_past.pk]


def test_my_bookings_costs_the_same_queries_for_one_or_three(client, campus, room, participant, book):
    sign_in(client, participant)
    book(participant, room, 3, "10:00", "11:00")
    one = count_queries(client, url(campus, "bookings:mine"))
    book(participant, room, 4, "10:00", "11:00")
    book(participant, room, 5, "10:00", "11:00", frequency="daily", count=2)

    assert count_queries(client, url(campus, "bookings:mine")) == one


# A booking's page


def test_a_booking_page_needs_a_log_in(client, series):
    response = client.get(detail_url(series))

    assert response.status_code == 302
    assert response.url.startswith(url(series.campus, "people:login"))


def test_a_booker_cannot_see_or_cancel_someone_elses_booking(client, series):
    sign_in(client, UserFactory())

    assert client.get(detail_url(series)).status_code == 403
    assert client.post(cancel_url(series)).status_code == 403
    occurrence = series.occurrences.first()
    assert client.get(move_url(occurrence)).status_code == 403
    assert client.post(move_url(occurrence), {"date": "2030-01-01"}).status_code == 403
    assert set(series.occurrences.values_list("state", flat=True)) == {"confirmed"}


def test_another_campus_booking_is_not_found(client, campus, other_campus, make_person, participant, at):
    space = SpaceFactory(campus=other_campus)
    elsewhere = make_person(other_campus, "participant")
    booking = request_booking(
        space=space, actor=elsewhere, title="Busan", start=at(3, "10:00"), end=at(3, "11:00")
    ).booking
    operator = make_person(campus, "operator")
    sign_in(client, operator)

    assert client.get(url(campus, "bookings:detail", pk=booking.pk)).status_code == 404
    assert client.post(url(campus, "bookings:cancel", pk=booking.pk)).status_code == 404


def test_the_booker_and_the_team_see_every_date(client, series, participant, staff_member):
    sign_in(client, participant)
    mine = client.get(detail_url(series))
    sign_in(client, staff_member)
    theirs = client.get(detail_url(series))

    assert mine.status_code == theirs.status_code == 200
    assert len(mine.context["occurrences"]) == 3
    assert mine.text.count("Cancel this date") == 3


# Cancel


def test_cancelling_one_date_through_the_page(client, series, participant):
    second = series.occurrences.all()[1]
    sign_in(client, participant)

    response = client.post(cancel_url(series), {"occurrence": second.pk}, follow=True)

    second.refresh_from_db()
    assert second.state == Occurrence.State.CANCELLED
    assert not SpaceClaim.objects.filter(occurrence=second).exists()
    assert any(text.startswith("Cancelled: ") for text in messages_of(response, "success"))
    assert response.text.count("Cancel this date") == 2


def test_cancelling_the_whole_series(client, series, participant):
    sign_in(client, participant)

    client.post(cancel_url(series))

    series.refresh_from_db()
    assert series.state == Booking.State.CANCELLED
    assert set(series.occurrences.values_list("state", flat=True)) == {"cancelled"}


def test_the_team_cancelling_mails_the_booker_a_link_to_the_booking(client, series, staff_member):
    sign_in(client, staff_member)

    client.post(cancel_url(series), {"occurrence": series.occurrences.first().pk})

    mail = OutboxMessage.objects.get(reason="booking.booking_cancelled")
    assert f"http://testserver{detail_url(series)}" in mail.body


def test_a_date_of_another_booking_cannot_be_cancelled_through_mine(client, series, participant, room, book):
    other = book(participant, room, 8, "10:00", "11:00")
    sign_in(client, participant)

    response = client.post(cancel_url(series), {"occurrence": other.occurrences.get().pk})

    assert response.status_code == 404


def test_a_refused_cancellation_shows_why(client, campus, participant, book):
    strict = SpaceFactory(campus=campus, name_en="Studio", cancel_deadline_hours=72)
    booking = book(participant, strict, 1, "10:00", "11:00")
    sign_in(client, participant)

    response = client.post(cancel_url(booking), follow=True)

    assert "“Studio” bookings can be changed up to 72 hours before they start." in messages_of(
        response, "error"
    )
    assert booking.occurrences.get().state == Occurrence.State.CONFIRMED


def test_cancelling_a_series_while_one_date_is_in_progress_cancels_the_later_dates(
    client, room, participant, book
):
    series = book(participant, room, 3, "10:00", "11:00", frequency="daily", count=3)
    current = series.occurrences.first()
    current.start = timezone.now() - timedelta(minutes=30)
    current.end = current.start + timedelta(hours=1)
    current.save()
    SpaceClaim.objects.filter(occurrence=current).update(start=current.start, end=current.end)
    sign_in(client, participant)

    client.post(url(room.campus, "bookings:cancel", pk=series.pk))

    assert list(series.occurrences.values_list("state", flat=True)) == [
        Occurrence.State.CONFIRMED,
        Occurrence.State.CANCELLED,
        Occurrence.State.CANCELLED,
    ]


# Move


def test_moving_a_date_through_the_page(client, series, participant, day, at):
    first = series.occurrences.first()
    sign_in(client, participant)

    form = client.get(move_url(first)).context["form"]
    response = client.post(
        move_url(first), {"date": day(9).isoformat(), "start_time": "15:00", "end_time": "16:30"}, follow=True
    )

    assert form.initial["date"] == day(3)
    first.refresh_from_db()
    assert (first.start, first.end) == (at(9, "15:00"), at(9, "16:30"))
    assert SpaceClaim.objects.get(occurrence=first).start == at(9, "15:00")
    assert any(text.startswith("The date moved to") for text in messages_of(response, "success"))


def test_a_move_onto_another_booking_is_refused_and_keeps_the_input(
    client, series, participant, staff_member, room, book, day, at
):
    book(staff_member, room, 9, "15:00", "17:00", title="Board meeting")
    first = series.occurrences.first()
    sign_in(client, participant)

    response = client.post(
        move_url(first), {"date": day(9).isoformat(), "start_time": "16:00", "end_time": "16:30"}
    )

    assert response.status_code == 400
    assert any("collides with" in text for text in messages_of(response, "error"))
    assert 'value="16:00"' in response.text
    first.refresh_from_db()
    assert first.start == at(3, "10:00")


def test_a_move_with_the_end_before_the_start_is_refused(client, series, participant, day):
    first = series.occurrences.first()
    sign_in(client, participant)

    response = client.post(
        move_url(first), {"date": day(9).isoformat(), "start_time": "16:00", "end_time": "15:00"}
    )

    assert response.status_code == 400
    assert "The end must come after the start." in response.text
