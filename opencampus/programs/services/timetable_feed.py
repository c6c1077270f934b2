"""A participant's sessions as an iCalendar feed behind a signed address.

Calendar apps fetch the feed without a session, so the address carries a signed token (as the
park's personal feed does); whoever has the link can read it. Each session keeps one UID across
timetable versions and its SEQUENCE is the version number, so a re-published timetable moves the
events in the calendar instead of adding new ones. A session of several days is one event
repeated daily, in the campus's time zone.
"""

from datetime import UTC

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ..models import Participant, Timetable, TimetableEntry
from .session_times import place_of

FEED_SALT = "opencampus.programs.timetable"


def session_uid(session):
    return f"session-{session.pk}@{session.campus.slug}.opencampus"


def _event(entry, tz, stamp):
    session = entry.session
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    event.add("sequence", entry.timetable.number)
    event.add("last-modified", (entry.timetable.published_at or stamp).astimezone(UTC))
    event.add("dtstart", entry.starts_at.astimezone(tz))
    event.add("dtend", entry.ends_at.astimezone(tz))
    if entry.days > 1:
        event.add("rrule", {"freq": "daily", "count": entry.days})
    event.add("summary", f"{session.title} · {session.cohort.name}")
    event.add("categories", [str(session.get_kind_display())])
    event.add("status", "CONFIRMED")
    place = place_of(entry)
    if place:
        event.add("location", place)
    instructors = ", ".join(str(person) for person in session.instructors.all())
    parts = [session.goals] if session.goals else []
    if instructors:
        parts.append(_("Instructors: %(names)s") % {"names": instructors})
    if parts:
        event.add("description", "\n\n".join(parts))
    return event


def timetable_feed(*, user, campus):
    """The published sessions of the cohorts ``user`` takes part in on ``campus``, as iCalendar bytes."""
    cohorts = Participant.objects.filter(campus=campus, user=user, state=Participant.State.ACTIVE).values(
        "cohort"
    )
    entries = (
        TimetableEntry.objects.filter(
            timetable__cohort__in=cohorts, timetable__state=Timetable.State.PUBLISHED, starts_at__isnull=False
        )
        .select_related("session__cohort", "session__campus", "timetable", "room")
        .prefetch_related("session__instructors")
        .order_by("starts_at", "pk")
    )
    stamp = timezone.now().astimezone(UTC)
    with translation.override(user.preferred_language):
        calendar = Calendar()
        calendar.add("prodid", "-//Open Campus//Programme timetable//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("My programme · %(campus)s") % {"campus": campus.name})
        calendar.add("x-wr-timezone", campus.time_zone)
        for entry in entries:
            calendar.add_component(_event(entry, campus.tz, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
