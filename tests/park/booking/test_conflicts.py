"""No double booking, ever: the edge cases of the issue, on SQLite and PostgreSQL."""

import threading
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django_scopes import scopes_disabled

from opencampus.park.models import Occurrence, SpaceClaim
from opencampus.park.services.bookings import BookingError, cancel_booking, request_booking
from tests.factories import SpaceFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="an exclusion constraint is a PostgreSQL feature; SQLite serialises bookings instead",
)


@pytest.fixture
def book(staff_member, room, at, now):
    def make(start, end, space=None, **options):
        return request_booking(
            space=space or room,
            actor=staff_member,
            title="Meeting",
            start=at(start),
            end=at(end),
            now=now,
            **options,
        ).booking

    return make


def test_adjacent_bookings_both_succeed(book):
    book("2026-12-02 10:00", "2026-12-02 11:00")
    book("2026-12-02 11:00", "2026-12-02 12:00")

    assert Occurrence.objects.filter(state="confirmed").count() == 2


def test_identical_interval_is_refused_naming_the_collision(book):
    book("2026-12-02 10:00", "2026-12-02 11:00")

    with pytest.raises(BookingError) as refused:
        book("2026-12-02 10:00", "2026-12-02 11:00")

    assert "Seminar room 1" in str(refused.value)
    assert "“Meeting” (confirmed)" in str(refused.value)
    assert len(refused.value.conflicts) == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-12-02 10:15", "2026-12-02 10:45"), ("2026-12-02 09:00", "2026-12-02 12:00")],
    ids=["inside", "around"],
)
def test_containment_either_way_is_refused(book, start, end):
    book("2026-12-02 10:00", "2026-12-02 11:00")

    with pytest.raises(BookingError):
        book(start, end)


def test_cancel_then_book_again(book, staff_member, now):
    first = book("2026-12-02 10:00", "2026-12-02 11:00")
    cancel_booking(booking=first, actor=staff_member, now=now)

    book("2026-12-02 10:00", "2026-12-02 11:00")

    assert SpaceClaim.objects.count() == 1


def test_booked_parent_blocks_its_children_and_the_reverse(book, campus, room):
    lab = SpaceFactory(campus=campus, kind="room", name_en="Fab lab")
    printer = SpaceFactory(campus=campus, kind="equipment", parent=lab, name_en="3D printer")
    laser = SpaceFactory(campus=campus, kind="equipment", parent=lab, name_en="Laser cutter")
    book("2026-12-02 10:00", "2026-12-02 12:00", space=lab)

    with pytest.raises(BookingError, match="Fab lab"):
        book("2026-12-02 11:00", "2026-12-02 13:00", space=printer)

    book("2026-12-03 10:00", "2026-12-03 12:00", space=printer)
    book("2026-12-03 10:00", "2026-12-03 12:00", space=laser)  # siblings do not collide
    with pytest.raises(BookingError, match="3D printer"):
        book("2026-12-03 09:00", "2026-12-03 10:30", space=lab)


def test_a_booking_across_a_daylight_saving_change(campus, staff_member):
    campus.time_zone = "Europe/Berlin"
    campus.save()
    room = SpaceFactory(campus=campus)

    def book(start, end):
        return request_booking(
            space=room,
            actor=staff_member,
            title="Night shift",
            start=start,
            end=end,
            now=berlin(2026, 10, 20, 9),
        ).booking

    # Clocks go back from 03:00 to 02:00 on 25 October 2026: 01:00-04:00 local lasts four hours.
    night = book(berlin(2026, 10, 25, 1), berlin(2026, 10, 25, 4))
    occurrence = night.occurrences.get()
    assert occurrence.end - occurrence.start == timedelta(hours=4)

    # The second 02:30, after the clocks went back, is still inside the booking.
    with pytest.raises(BookingError):
        book(berlin(2026, 10, 25, 2, 30, fold=1), berlin(2026, 10, 25, 2, 45, fold=1))
    book(berlin(2026, 10, 25, 4), berlin(2026, 10, 25, 5))


def berlin(*parts, fold=0):
    return datetime(*parts, tzinfo=ZoneInfo("Europe/Berlin"), fold=fold)


def test_a_series_skips_colliding_dates_and_says_which(book, at):
    book("2026-12-09 14:00", "2026-12-09 15:00")

    with pytest.raises(BookingError, match="collides"):
        book("2026-12-02 14:00", "2026-12-02 16:00", frequency="weekly", until=date(2026, 12, 23))

    series = book(
        "2026-12-02 14:00",
        "2026-12-02 16:00",
        frequency="weekly",
        until=date(2026, 12, 23),
        skip_conflicts=True,
    )
    states = dict(series.occurrences.values_list("start", "state"))
    assert states[at("2026-12-09 14:00")] == "skipped"
    assert sorted(states.values()) == ["confirmed", "confirmed", "confirmed", "skipped"]


@postgres_only
def test_the_database_refuses_overlapping_claims(book, room):
    first = book("2026-12-02 10:00", "2026-12-02 11:00").occurrences.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        SpaceClaim.objects.create(
            campus=room.campus, occurrence=first, space=room, start=first.start, end=first.end
        )


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_requests_racing_for_one_slot_book_it_once(room, staff_member, at, now):
    barrier = threading.Barrier(2)
    outcomes = []

    def attempt():
        try:
            with scopes_disabled():
                barrier.wait()
                request_booking(
                    space=room,
                    actor=staff_member,
                    title="Race",
                    start=at("2026-12-02 10:00"),
                    end=at("2026-12-02 11:00"),
                    now=now,
                )
            outcomes.append("booked")
        except BookingError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["booked", "refused"]
    assert SpaceClaim.objects.count() == 1
