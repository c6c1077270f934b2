"""The rules a space sets, enforced by the booking service whatever the page allowed."""

from datetime import date, time

import pytest

from opencampus.park.models import ClosedDay, OpeningHours
from opencampus.park.services.bookings import BookingError, request_booking
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ResidencyFactory,
    SpaceFactory,
    TrainingFactory,
    TrainingRecordFactory,
)


@pytest.fixture
def book(at, now):
    def make(actor, space, start, end, **options):
        return request_booking(
            space=space, actor=actor, title="Work", start=at(start), end=at(end), now=now, **options
        )

    return make


def test_the_server_refuses_a_machine_without_a_valid_training(book, campus, participant):
    training = TrainingFactory(campus=campus, name_en="Laser cutter safety", valid_for_days=30)
    laser = SpaceFactory(campus=campus, kind="equipment", required_training=training)

    with pytest.raises(BookingError, match="Laser cutter safety"):
        book(participant, laser, "2026-12-02 10:00", "2026-12-02 11:00")

    TrainingRecordFactory(training=training, user=participant, completed_on=date(2026, 11, 2))
    book(participant, laser, "2026-12-01 10:00", "2026-12-01 11:00")  # the last valid day
    with pytest.raises(BookingError, match="none valid on"):
        book(participant, laser, "2026-12-02 10:00", "2026-12-02 11:00")  # valid until 2 December, exclusive


def test_who_may_book(book, campus, participant, make_person):
    residents_only = SpaceFactory(campus=campus, bookable_by_public=False, bookable_by_participants=False)
    passer_by = make_person(campus)

    with pytest.raises(BookingError, match="may not book"):
        book(participant, residents_only, "2026-12-02 10:00", "2026-12-02 11:00")
    with pytest.raises(BookingError, match="may not book"):
        book(passer_by, residents_only, "2026-12-02 10:00", "2026-12-02 11:00")


def test_booking_window_length_and_capacity(book, campus, participant):
    space = SpaceFactory(
        campus=campus, capacity=10, min_notice_hours=48, max_days_ahead=14, max_duration_minutes=120
    )

    with pytest.raises(BookingError) as refused:
        book(participant, space, "2026-12-02 10:00", "2026-12-02 13:00", attendees=12)

    problems = " ".join(refused.value.problems)
    assert "at least 48 hours ahead" in problems
    assert "at most 120 minutes" in problems
    assert "holds 10 people" in problems
    with pytest.raises(BookingError, match="at most 14 days ahead"):
        book(participant, space, "2026-12-20 10:00", "2026-12-20 11:00")
    with pytest.raises(BookingError, match="in the past"):
        book(participant, space, "2026-11-30 10:00", "2026-11-30 11:00")
    book(participant, space, "2026-12-04 10:00", "2026-12-04 12:00", attendees=10)


def test_the_team_books_outside_the_window_but_not_outside_opening_hours(book, campus, staff_member):
    space = SpaceFactory(campus=campus, min_notice_hours=48)
    for weekday in range(5):
        OpeningHours.objects.create(
            campus=campus, space=space, weekday=weekday, opens=time(9), closes=time(18)
        )

    book(staff_member, space, "2026-12-01 10:00", "2026-12-01 11:00")
    with pytest.raises(BookingError, match="Outside the opening hours"):
        book(staff_member, space, "2026-12-02 17:00", "2026-12-02 19:00")
    with pytest.raises(BookingError, match="Outside the opening hours"):
        book(staff_member, space, "2026-12-05 10:00", "2026-12-05 11:00")  # a Saturday


def test_opening_hours_and_closed_days_come_from_above(book, campus, participant):
    building = SpaceFactory(campus=campus, kind="building", is_bookable=False)
    room = SpaceFactory(campus=campus, parent=building)
    OpeningHours.objects.create(campus=campus, space=building, weekday=2, opens=time(9), closes=time(18))
    ClosedDay.objects.create(campus=campus, space=building, date=date(2026, 12, 9), reason_en="Cleaning")
    ClosedDay.objects.create(campus=campus, date=date(2026, 12, 16), reason_en="Campus holiday")

    book(participant, room, "2026-12-02 09:00", "2026-12-02 18:00")
    with pytest.raises(BookingError, match="Outside the opening hours"):
        book(participant, room, "2026-12-02 08:00", "2026-12-02 09:30")
    with pytest.raises(BookingError, match=r"closed on .*Cleaning"):
        book(participant, room, "2026-12-09 10:00", "2026-12-09 11:00")
    with pytest.raises(BookingError, match="Campus holiday"):
        book(participant, room, "2026-12-16 10:00", "2026-12-16 11:00")


@pytest.fixture
def resident(campus, make_person):
    person = make_person(campus)
    organisation = OrganisationFactory(campus=campus, name_en="Village Lab")
    MembershipFactory(organisation=organisation, user=person)
    ResidencyFactory(organisation=organisation, monthly_booking_hours=4)
    return person, organisation


def test_a_resident_books_for_the_organisation_within_its_monthly_quota(book, campus, resident):
    person, organisation = resident
    space = SpaceFactory(campus=campus, bookable_by_public=False, bookable_by_participants=False)

    with pytest.raises(BookingError, match="Choose the organisation"):
        book(person, space, "2026-12-02 10:00", "2026-12-02 13:00")
    book(person, space, "2026-12-02 10:00", "2026-12-02 13:00", organisation=organisation)
    with pytest.raises(BookingError, match=r"may book 4 hours in .*3 are booked"):
        book(person, space, "2026-12-03 10:00", "2026-12-03 12:00", organisation=organisation)
    book(person, space, "2027-01-04 10:00", "2027-01-04 12:00", organisation=organisation)  # a new month


def test_booking_for_an_organisation_needs_membership(book, campus, participant):
    organisation = OrganisationFactory(campus=campus)
    ResidencyFactory(organisation=organisation)
    space = SpaceFactory(campus=campus)

    with pytest.raises(BookingError, match="not a member"):
        book(participant, space, "2026-12-02 10:00", "2026-12-02 11:00", organisation=organisation)
