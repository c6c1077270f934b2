"""The week grid of one space: states, privacy, the tree, time zones and a fixed number of queries."""

from datetime import date, time, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opencampus.park.models import ClosedDay, OpeningHours
from opencampus.park.services.availability import CellState, build_week_grid

pytestmark = pytest.mark.usefixtures("unscoped")

TUESDAY = date(2030, 3, 5)


def cell_at(grid, day, hour):
    """The cell of ``day`` (a date) at ``hour`` (an int) in ``grid``."""
    row = dict(grid.rows)[time(hour)]
    return row[grid.days.index(day)]


def test_the_week_runs_monday_to_sunday_and_an_always_open_space_shows_seven_to_ten(room):
    grid = build_week_grid(space=room, day=TUESDAY, viewer=AnonymousUser())

    assert grid.days == [date(2030, 3, 4) + timedelta(days=offset) for offset in range(7)]
    assert [hour for hour, _cells in grid.rows] == [time(hour) for hour in range(7, 22)]
    assert all(cell.state == CellState.FREE for _hour, cells in grid.rows for cell in cells)
    assert (grid.previous_week, grid.next_week) == (date(2030, 2, 25), date(2030, 3, 11))
    assert cell_at(grid, TUESDAY, 10).booking_query == "date=2030-03-05&start=10:00"


def test_rows_follow_the_opening_hours_inherited_from_the_building(room, building, campus):
    for weekday in range(5):
        OpeningHours.objects.create(
            campus=campus, space=building, weekday=weekday, opens=time(9, 30), closes=time(18)
        )

    grid = build_week_grid(space=room, day=TUESDAY, viewer=AnonymousUser())

    assert [hour.hour for hour, _cells in grid.rows] == list(range(9, 18))
    first = cell_at(grid, TUESDAY, 9)
    assert first.state == CellState.FREE
    assert first.booking_query == "date=2030-03-05&start=09:30"
    assert cell_at(grid, date(2030, 3, 9), 10).state == CellState.OUTSIDE_HOURS


def test_a_closed_day_shows_its_reason(room, building, campus):
    ClosedDay.objects.create(campus=campus, space=building, date=TUESDAY, reason_en="Chuseok")
    ClosedDay.objects.create(campus=campus, date=date(2030, 3, 6), reason_en="Campus holiday")

    grid = build_week_grid(space=room, day=TUESDAY, viewer=AnonymousUser())

    assert (cell_at(grid, TUESDAY, 10).state, cell_at(grid, TUESDAY, 10).detail) == (
        CellState.CLOSED,
        "Chuseok",
    )
    assert cell_at(grid, date(2030, 3, 6), 10).state == CellState.CLOSED
    assert cell_at(grid, date(2030, 3, 7), 10).state == CellState.FREE


def test_a_booking_title_shows_only_to_the_booker_and_the_team(
    room, book, participant, staff_member, make_person, campus
):
    book(participant, room, "2030-03-05 10:00", "2030-03-05 12:00", title="Seed fund kick-off")

    for viewer, detail in [
        (participant, "Seed fund kick-off"),
        (staff_member, "Seed fund kick-off"),
        (make_person(campus, "participant"), ""),
        (AnonymousUser(), ""),
    ]:
        grid = build_week_grid(space=room, day=TUESDAY, viewer=viewer)
        assert [cell_at(grid, TUESDAY, hour).state for hour in (9, 10, 11, 12)] == [
            CellState.FREE,
            CellState.BOOKED,
            CellState.BOOKED,
            CellState.FREE,
        ]
        assert cell_at(grid, TUESDAY, 10).detail == detail


def test_requests_and_blockings_have_their_own_states(make_space, book, participant, staff_member):
    lab = make_space(slug="lab", name_en="Lab", requires_approval=True)
    book(participant, lab, "2030-03-05 10:00", "2030-03-05 11:00", title="Secret plans")
    book(staff_member, lab, "2030-03-06 10:00", "2030-03-06 11:00", title="Floor repairs", blocking=True)

    grid = build_week_grid(space=lab, day=TUESDAY, viewer=AnonymousUser())

    requested = cell_at(grid, TUESDAY, 10)
    assert (requested.state, requested.detail) == (CellState.REQUESTED, "")
    blocked = cell_at(grid, date(2030, 3, 6), 10)
    assert (blocked.state, blocked.detail) == (CellState.BLOCKED, "Floor repairs")


def test_a_booked_building_takes_its_rooms_and_a_booked_desk_part_of_its_room(
    building, room, desk, book, staff_member
):
    book(staff_member, building, "2030-03-05 10:00", "2030-03-05 11:00", title="Open day")
    book(staff_member, desk, "2030-03-06 14:00", "2030-03-06 15:00", title="Soldering")

    room_grid = build_week_grid(space=room, day=TUESDAY, viewer=AnonymousUser())
    building_grid = build_week_grid(space=building, day=TUESDAY, viewer=AnonymousUser())
    desk_grid = build_week_grid(space=desk, day=TUESDAY, viewer=AnonymousUser())

    inherited = cell_at(room_grid, TUESDAY, 10)
    assert (inherited.state, inherited.detail) == (CellState.PARENT_BOOKED, "Main hall")
    assert cell_at(desk_grid, TUESDAY, 10).state == CellState.PARENT_BOOKED
    assert cell_at(building_grid, TUESDAY, 10).state == CellState.BOOKED
    partly = cell_at(room_grid, date(2030, 3, 6), 14)
    assert (partly.state, partly.detail) == (CellState.CHILD_BOOKED, "Desk 1")
    assert cell_at(building_grid, date(2030, 3, 6), 14).state == CellState.CHILD_BOOKED
    assert cell_at(desk_grid, date(2030, 3, 6), 14).state == CellState.BOOKED


def test_a_blocked_building_shows_its_reason_in_the_rooms(building, room, book, staff_member):
    book(staff_member, building, "2030-03-05 10:00", "2030-03-05 11:00", title="Fire drill", blocking=True)

    cell = cell_at(build_week_grid(space=room, day=TUESDAY, viewer=AnonymousUser()), TUESDAY, 10)

    assert (cell.state, cell.detail) == (CellState.BLOCKED, "Fire drill · Main hall")


def test_the_week_of_the_autumn_clock_change_keeps_wall_clock_hours(campus, room, book, staff_member):
    campus.time_zone = "Europe/Berlin"
    campus.save()
    book(staff_member, room, "2026-10-19 10:00", "2026-10-19 11:00")
    book(staff_member, room, "2026-10-25 10:00", "2026-10-25 11:00")

    grid = build_week_grid(space=room, day=date(2026, 10, 22), viewer=staff_member)

    monday, sunday = cell_at(grid, date(2026, 10, 19), 10), cell_at(grid, date(2026, 10, 25), 10)
    assert (monday.state, sunday.state) == (CellState.BOOKED, CellState.BOOKED)
    assert monday.start.utcoffset() == timedelta(hours=2)
    assert sunday.start.utcoffset() == timedelta(hours=1)
    assert cell_at(grid, date(2026, 10, 25), 9).state == CellState.FREE
    assert cell_at(grid, date(2026, 10, 25), 11).state == CellState.FREE


def count_queries(space, viewer):
    with CaptureQueriesContext(connection) as queries:
        build_week_grid(space=space, day=TUESDAY, viewer=viewer)
    return len(queries)


def test_the_grid_takes_the_same_queries_for_one_booking_and_three(
    building, room, desk, book, staff_member, participant
):
    book(participant, room, "2030-03-05 10:00", "2030-03-05 11:00")
    one = count_queries(room, participant)
    book(staff_member, building, "2030-03-06 10:00", "2030-03-06 11:00")
    book(staff_member, desk, "2030-03-07 10:00", "2030-03-07 11:00")

    assert count_queries(room, participant) == one
