"""When a session takes place: its entry in the cohort's published timetable.

A session outside the published timetable has no time yet. Whether a session has been held is
``completion``'s rule (its last day has ended); the helpers here only read it.
"""

from datetime import timedelta

from django.utils import timezone

from ..models import Timetable, TimetableEntry
from .completion import last_day_end


def published_entries_of(cohorts):
    """The placed entries of the published timetables of ``cohorts``, in time order."""
    return (
        TimetableEntry.objects.filter(
            timetable__cohort__in=cohorts,
            timetable__state=Timetable.State.PUBLISHED,
            starts_at__isnull=False,
        )
        .select_related("session", "room")
        .order_by("starts_at", "pk")
    )


def published_entry(session):
    """``session``'s placed entry in its cohort's published timetable, or None."""
    return (
        TimetableEntry.objects.filter(
            session=session, timetable__state=Timetable.State.PUBLISHED, starts_at__isnull=False
        )
        .select_related("session", "room")
        .first()
    )


def is_held(entry, now=None):
    return last_day_end(entry) <= (now or timezone.now())


def held_on(entry, tz):
    """The campus day the session (first) took place on."""
    return entry.starts_at.astimezone(tz).date()


def dates_of(entry, tz):
    """Every campus day of the session: one, or several days in a row at the same hours."""
    first = held_on(entry, tz)
    return [first + timedelta(days=offset) for offset in range(entry.days)]


def took_part_on(participant, day):
    """Whether ``participant`` was in the cohort on ``day`` (the days ``completion`` counts for them)."""
    return participant.joined_on <= day and (participant.left_on is None or day <= participant.left_on)


def place_of(entry):
    """Where the session is: its room, or the place away from the campus."""
    session = entry.session
    if session.offsite:
        return session.offsite_place
    return entry.room.name if entry.room else ""
