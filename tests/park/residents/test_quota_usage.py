"""Hours an organisation booked in a month, clipped to the month, and the overview of all residents."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencampus.park.services.quota_usage import booked_hours, month_bounds, quota_overview
from tests.factories import ResidencyFactory


def hours_in(organisation, campus, month):
    start, end = month_bounds(campus=campus, month=month)
    return booked_hours(organisation=organisation, month_start=start, month_end=end)


def test_booked_hours_add_up_the_month(organisation, campus, at, book):
    book(organisation, at("2026-12-02 10:00"), at("2026-12-02 12:30"))
    book(organisation, at("2026-12-10 09:00"), at("2026-12-10 10:00"), state="pending")

    assert hours_in(organisation, campus, date(2026, 12, 1)) == Decimal("3.5")


def test_booked_hours_leave_out_cancelled_declined_skipped_and_other_organisations(
    organisation, campus, at, book
):
    for state in ("cancelled", "declined", "skipped"):
        book(organisation, at("2026-12-02 10:00"), at("2026-12-02 12:00"), state=state)
    book(None, at("2026-12-03 10:00"), at("2026-12-03 12:00"))

    assert hours_in(organisation, campus, date(2026, 12, 1)) == 0


def test_booking_across_a_month_boundary_counts_in_each_month(organisation, campus, at, book):
    book(organisation, at("2026-11-30 22:00"), at("2026-12-01 03:00"))

    assert hours_in(organisation, campus, date(2026, 11, 1)) == 2
    assert hours_in(organisation, campus, date(2026, 12, 1)) == 3


def test_month_edges_are_campus_time(organisation, campus, at, book):
    book(organisation, at("2026-12-31 23:00"), at("2027-01-01 00:00"))
    book(organisation, at("2027-01-01 00:00"), at("2027-01-01 01:00"))

    assert hours_in(organisation, campus, date(2026, 12, 1)) == 1
    assert hours_in(organisation, campus, date(2027, 1, 1)) == 1


def test_booking_longer_than_the_month_counts_only_the_month(organisation, campus, at, book):
    book(organisation, at("2027-01-20 00:00"), at("2027-03-05 00:00"))

    assert hours_in(organisation, campus, date(2027, 2, 1)) == 28 * 24


def test_overview_marks_organisations_over_their_quota(residency, campus, at, book):
    book(residency.organisation, at("2026-12-02 08:00"), at("2026-12-02 20:00"))

    [line] = quota_overview(campus=campus, month=date(2026, 12, 15))

    assert line.used == 12
    assert line.quota == 10
    assert line.is_over
    assert line.left == -2
    assert line.share == 100


def test_overview_leaves_out_applied_and_left_residencies(residency, campus):
    ResidencyFactory(organisation__campus=campus, state="applied")
    ResidencyFactory(organisation__campus=campus, state="left")

    assert [line.residency for line in quota_overview(campus=campus, month=date(2026, 12, 1))] == [residency]


def overview_queries(campus):
    with CaptureQueriesContext(connection) as context:
        quota_overview(campus=campus, month=date(2026, 12, 1))
    return len(context)


def test_overview_runs_same_queries_for_one_and_three_residencies(residency, campus, at, book):
    book(residency.organisation, at("2026-12-02 10:00"), at("2026-12-02 12:00"))
    one = overview_queries(campus)
    for residency in ResidencyFactory.create_batch(2, organisation__campus=campus):
        book(residency.organisation, at("2026-12-03 10:00"), at("2026-12-03 12:00"))

    assert overview_queries(campus) == one
