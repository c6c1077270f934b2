"""iCalendar feeds: when a space is taken, and a person's own bookings.

Calendar apps fetch feeds without a session, so the space feed says only what anyone may
know ("Booked", a blocking's public reason), and the personal feed sits behind a signed
token in its address: whoever has the link can read it.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ..models import Booking, Occurrence
from .tree import space_tree

FEED_SALT = "opencampus.park.calendar"
DAYS_BACK = 30
DAYS_AHEAD = 365
ICAL_STATUS = {
    Occurrence.State.PENDING: "TENTATIVE",
    Occurrence.State.CONFIRMED: "CONFIRMED",
}


def _window(now):
    now = now or timezone.now()
    return now - timedelta(days=DAYS_BACK), now + timedelta(days=DAYS_AHEAD)


def _calendar(campus, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Open Campus//Park bookings//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", campus.time_zone)
    return calendar


def _event(occurrence, summary, stamp):
    event = Event()
    event.add("uid", f"occurrence-{occurrence.pk}@{occurrence.campus.slug}.opencampus")
    event.add("dtstamp", stamp)
    event.add("dtstart", occurrence.start.astimezone(UTC))
    event.add("dtend", occurrence.end.astimezone(UTC))
    event.add("summary", summary)
    event.add("location", occurrence.space.name)
    return event


def space_feed(*, space, now=None):
    """Confirmed bookings and blockings of ``space`` and the spaces around it, as iCalendar bytes."""
    first, last = _window(now)
    lineage = [space.pk, *space_tree(space.campus).ancestors(space.pk)]
    occurrences = (
        Occurrence.objects.filter(
            campus=space.campus,
            space_id__in=lineage,
            state=Occurrence.State.CONFIRMED,
            start__lt=last,
            end__gt=first,
        )
        .select_related("booking", "space", "campus")
        .order_by("start", "pk")
    )
    stamp = timezone.now().astimezone(UTC)
    calendar = _calendar(space.campus, f"{space.name} · {space.campus.name}")
    for occurrence in occurrences:
        if occurrence.booking.kind == Booking.Kind.BLOCKING:
            summary = _("Blocked: %(reason)s") % {"reason": occurrence.booking.title}
        else:
            summary = _("Booked: %(space)s") % {"space": occurrence.space.name}
        event = _event(occurrence, summary, stamp)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    return calendar.to_ical()


def person_feed(*, user, campus, now=None):
    """Every date ``user`` booked on ``campus``: requests tentative, cancelled ones cancelled."""
    first, last = _window(now)
    occurrences = (
        Occurrence.objects.filter(campus=campus, booking__booked_by=user, start__lt=last, end__gt=first)
        .select_related("booking", "space", "campus")
        .order_by("start", "pk")
    )
    stamp = timezone.now().astimezone(UTC)
    calendar = _calendar(campus, _("My bookings · %(campus)s") % {"campus": campus.name})
    for occurrence in occurrences:
        event = _event(occurrence, occurrence.booking.title, stamp)
        event.add("status", ICAL_STATUS.get(occurrence.state, "CANCELLED"))
        event.add("last-modified", occurrence.booking.updated.astimezone(UTC))
        if occurrence.booking.purpose:
            event.add("description", occurrence.booking.purpose)
        calendar.add_component(event)
    return calendar.to_ical()
