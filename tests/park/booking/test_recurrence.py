from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from opencampus.park.models import Booking
from opencampus.park.services.recurrence import MAX_OCCURRENCES, RecurrenceError, expand, parse_weekdays

Frequency = Booking.Frequency
BERLIN = ZoneInfo("Europe/Berlin")


def local(text, tz=BERLIN):
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def test_once_is_the_booking_itself():
    start, end = local("2026-12-01 10:00"), local("2026-12-01 11:00")

    assert expand(start=start, end=end, tz=BERLIN) == [(start, end)]


def test_weekly_on_chosen_weekdays_until_a_date():
    dates = expand(
        start=local("2026-11-30 14:00"),
        end=local("2026-11-30 16:00"),
        tz=BERLIN,
        frequency=Frequency.WEEKLY,
        weekdays=[0, 2],
        until=date(2026, 12, 9),
    )

    assert [start.date() for start, _end in dates] == [
        date(2026, 11, 30),
        date(2026, 12, 2),
        date(2026, 12, 7),
        date(2026, 12, 9),
    ]


def test_weekly_series_keeps_the_wall_clock_across_daylight_saving():
    dates = expand(
        start=local("2026-10-20 14:00"),
        end=local("2026-10-20 16:00"),
        tz=BERLIN,
        frequency=Frequency.WEEKLY,
        count=2,
    )

    (first_start, _first_end), (second_start, second_end) = dates
    assert second_start.astimezone(BERLIN).hour == 14
    assert second_start - first_start == timedelta(days=7, hours=1)  # clocks went back on 25 October
    assert second_end - second_start == timedelta(hours=2)


def test_daily_with_interval_and_count():
    dates = expand(
        start=local("2026-12-01 09:00"),
        end=local("2026-12-01 10:00"),
        tz=BERLIN,
        frequency=Frequency.DAILY,
        interval=2,
        count=3,
    )

    assert [start.day for start, _end in dates] == [1, 3, 5]


def test_monthly_repeats_the_day_of_the_month():
    dates = expand(
        start=local("2026-12-15 09:00"),
        end=local("2026-12-15 10:00"),
        tz=BERLIN,
        frequency="monthly",
        count=3,
    )

    assert [(start.year, start.month, start.day) for start, _end in dates] == [
        (2026, 12, 15),
        (2027, 1, 15),
        (2027, 2, 15),
    ]


def test_a_repeat_needs_an_end():
    with pytest.raises(RecurrenceError, match="until when"):
        expand(start=local("2026-12-01 09:00"), end=local("2026-12-01 10:00"), tz=BERLIN, frequency="daily")


def test_a_repeat_cannot_end_before_it_starts():
    with pytest.raises(RecurrenceError, match="before the first date"):
        expand(
            start=local("2026-12-01 09:00"),
            end=local("2026-12-01 10:00"),
            tz=BERLIN,
            frequency="daily",
            until=date(2026, 11, 1),
        )


def test_a_series_is_capped():
    with pytest.raises(RecurrenceError, match=str(MAX_OCCURRENCES)):
        expand(
            start=local("2026-12-01 09:00"),
            end=local("2026-12-01 10:00"),
            tz=BERLIN,
            frequency="daily",
            until=date(2028, 12, 31),
        )


def test_weekdays_are_parsed_leniently():
    assert parse_weekdays("2, 0,9,x,2") == [0, 2]


def test_a_repeat_ends_by_date_or_by_count_not_both():
    with pytest.raises(RecurrenceError, match="not both"):
        expand(
            start=local("2026-12-01 09:00"),
            end=local("2026-12-01 10:00"),
            tz=BERLIN,
            frequency="weekly",
            until=date(2026, 12, 30),
            count=3,
        )
