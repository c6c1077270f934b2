"""Requests, approval in bulk, cancelling and moving: one service function per change."""

from datetime import date

import pytest

from opencampus.core.models import OutboxMessage
from opencampus.park.models import Booking, Occurrence, SpaceClaim
from opencampus.park.services.bookings import (
    BookingError,
    approve_bookings,
    block_space,
    cancel_booking,
    decline_bookings,
    move_occurrence,
    request_booking,
)
from tests.factories import SpaceFactory


@pytest.fixture
def lab(campus):
    return SpaceFactory(
        campus=campus, name_en="Social Innovation Lab", requires_approval=True, cancel_deadline_hours=24
    )


@pytest.fixture
def ask(at, now):
    def make(actor, space, start, end, **options):
        return request_booking(
            space=space, actor=actor, title="Workshop", start=at(start), end=at(end), now=now, **options
        )

    return make


def test_a_request_waits_for_approval_and_reports_soft_conflicts(ask, lab, participant, make_person):
    first = ask(participant, lab, "2026-12-02 10:00", "2026-12-02 12:00")
    second = ask(make_person(lab.campus, "participant"), lab, "2026-12-02 11:00", "2026-12-02 13:00")

    assert first.booking.state == Booking.State.PENDING
    assert not SpaceClaim.objects.exists()
    assert [conflict.occurrence.booking for conflict in second.soft_conflicts] == [first.booking]


def test_approving_in_bulk_confirms_what_fits_and_refuses_what_collides(
    ask, lab, participant, make_person, staff_member
):
    first = ask(participant, lab, "2026-12-02 10:00", "2026-12-02 12:00").booking
    second = ask(make_person(lab.campus, "participant"), lab, "2026-12-02 11:00", "2026-12-02 13:00").booking

    approved, refused = approve_bookings(bookings=[first, second], actor=staff_member, note="See you there")

    assert approved == [first]
    assert [booking for booking, _problems in refused] == [second]
    assert "collides" in refused[0][1][0]
    first.refresh_from_db()
    assert first.state == Booking.State.CONFIRMED
    assert first.decided_by == staff_member
    assert SpaceClaim.objects.filter(occurrence__booking=first).count() == 1
    mail = OutboxMessage.objects.get(reason="booking.booking_approved")
    assert mail.to == participant.email
    assert "See you there" in mail.body


def test_approval_can_skip_the_dates_that_now_collide(ask, lab, participant, staff_member):
    series = ask(
        participant, lab, "2026-12-02 10:00", "2026-12-02 12:00", frequency="weekly", count=3
    ).booking
    block_space(space=lab, actor=staff_member, title="Repairs", start=series.start, end=series.end)

    approved, _refused = approve_bookings(bookings=[series], actor=staff_member, skip_conflicts=True)

    assert approved == [series]
    assert sorted(series.occurrences.values_list("state", flat=True)) == ["confirmed", "confirmed", "skipped"]


def test_declining_tells_the_booker(ask, lab, participant, staff_member):
    request = ask(participant, lab, "2026-12-02 10:00", "2026-12-02 12:00").booking

    decline_bookings(bookings=[request], actor=staff_member, note="The lab is being renovated.")

    request.refresh_from_db()
    assert request.state == Booking.State.DECLINED
    assert request.occurrences.get().state == Occurrence.State.DECLINED
    assert "renovated" in OutboxMessage.objects.get(reason="booking.booking_declined").body


def test_only_the_team_blocks_spaces(lab, participant, at):
    with pytest.raises(BookingError, match="campus team"):
        block_space(
            space=lab,
            actor=participant,
            title="Mine",
            start=at("2026-12-02 10:00"),
            end=at("2026-12-02 11:00"),
        )


def test_cancel_one_date_or_the_rest_of_a_series(ask, room, participant, at):
    series = ask(
        participant, room, "2026-12-02 10:00", "2026-12-02 11:00", frequency="daily", until=date(2026, 12, 4)
    )
    booking = series.booking
    second = booking.occurrences.get(start=at("2026-12-03 10:00"))

    cancel_booking(booking=booking, actor=participant, occurrence=second, now=at("2026-12-01 09:00"))
    assert SpaceClaim.objects.filter(occurrence__booking=booking).count() == 2

    cancel_booking(booking=booking, actor=participant, now=at("2026-12-02 10:30"))  # the first has begun
    booking.refresh_from_db()
    assert booking.state == Booking.State.CONFIRMED
    assert list(booking.occurrences.values_list("state", flat=True)) == [
        "confirmed",
        "cancelled",
        "cancelled",
    ]


def test_the_cancellation_deadline_holds_for_bookers_but_not_for_the_team(
    ask, lab, participant, staff_member, at
):
    booking = ask(participant, lab, "2026-12-02 10:00", "2026-12-02 12:00").booking
    approve_bookings(bookings=[booking], actor=staff_member)

    with pytest.raises(BookingError, match="24 hours before"):
        cancel_booking(booking=booking, actor=participant, now=at("2026-12-01 12:00"))

    cancel_booking(booking=booking, actor=staff_member, now=at("2026-12-01 12:00"))
    assert OutboxMessage.objects.filter(reason="booking.booking_cancelled", to=participant.email).exists()


def test_moving_a_date_checks_rules_and_conflicts(ask, room, participant, staff_member, at, now):
    mine = ask(participant, room, "2026-12-02 10:00", "2026-12-02 11:00").booking.occurrences.get()
    ask(staff_member, room, "2026-12-02 14:00", "2026-12-02 15:00")

    with pytest.raises(BookingError, match="collides"):
        move_occurrence(
            occurrence=mine,
            actor=participant,
            start=at("2026-12-02 14:30"),
            end=at("2026-12-02 15:30"),
            now=now,
        )
    moved = move_occurrence(
        occurrence=mine, actor=participant, start=at("2026-12-02 15:00"), end=at("2026-12-02 16:00"), now=now
    )

    assert moved.start == at("2026-12-02 15:00")
    assert SpaceClaim.objects.get(occurrence=mine).start == at("2026-12-02 15:00")
    ask(staff_member, room, "2026-12-02 10:00", "2026-12-02 11:00")  # the old time is free again


def test_bookings_that_need_approval_are_moved_by_the_team(ask, lab, participant, staff_member, at, now):
    mine = ask(participant, lab, "2026-12-03 10:00", "2026-12-03 11:00").booking.occurrences.get()

    with pytest.raises(BookingError, match="ask the campus team"):
        move_occurrence(
            occurrence=mine,
            actor=participant,
            start=at("2026-12-03 12:00"),
            end=at("2026-12-03 13:00"),
            now=now,
        )
    move_occurrence(
        occurrence=mine, actor=staff_member, start=at("2026-12-03 12:00"), end=at("2026-12-03 13:00"), now=now
    )
