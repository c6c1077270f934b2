"""A booking's dates: its recurrence expanded in the campus's wall-clock time.

Weekly on Tuesdays 14:00-16:00 stays 14:00-16:00 local across a daylight-saving change,
so the expansion runs on naive local times and only then attaches the time zone.
"""

from datetime import UTC, datetime, time
from itertools import islice

from dateutil import rrule
from django.utils.translation import gettext as _

from ..models import Booking

Frequency = Booking.Frequency
RRULE_FREQUENCIES = {
    Frequency.DAILY: rrule.DAILY,
    Frequency.WEEKLY: rrule.WEEKLY,
    Frequency.MONTHLY: rrule.MONTHLY,
}
MAX_OCCURRENCES = 366


class RecurrenceError(Exception):
    """A recurrence that cannot be expanded; the text is for people."""


def parse_weekdays(value):
    return sorted({int(day) for day in value.split(",") if day.strip().isdigit() and 0 <= int(day) <= 6})


def expand(*, start, end, tz, frequency=Frequency.ONCE, interval=1, weekdays=(), until=None, count=None):
    """The (start, end) pairs, as aware datetimes, of every date the booking covers."""
    if frequency == Frequency.ONCE:
        return [(start, end)]
    if until is None and not count:
        raise RecurrenceError(_("Say until when, or how many times, the booking repeats."))
    if until is not None and count:
        raise RecurrenceError(_("Say until when or how many times the booking repeats, not both."))
    local_start = start.astimezone(tz).replace(tzinfo=None)
    length = end.astimezone(tz).replace(tzinfo=None) - local_start
    options = {"dtstart": local_start, "interval": max(interval, 1)}
    if frequency == Frequency.WEEKLY and weekdays:
        options["byweekday"] = list(weekdays)
    if until is not None:
        if until < local_start.date():
            raise RecurrenceError(_("The repeat ends before the first date."))
        options["until"] = datetime.combine(until, time.max)
    if count:
        options["count"] = count
    dates = list(islice(rrule.rrule(RRULE_FREQUENCIES[frequency], **options), MAX_OCCURRENCES + 1))
    if len(dates) > MAX_OCCURRENCES:
        raise RecurrenceError(
            _("A series may have at most %(max)d dates; end it sooner or book a second series.")
            % {"max": MAX_OCCURRENCES}
        )
    if not dates:
        raise RecurrenceError(_("The repeat has no date; check the weekdays and the end."))
    # In UTC: arithmetic and comparisons between aware datetimes of one zone ignore the offset.
    return [(_utc(day, tz), _utc(day + length, tz)) for day in dates]


def _utc(local, tz):
    return local.replace(tzinfo=tz).astimezone(UTC)
