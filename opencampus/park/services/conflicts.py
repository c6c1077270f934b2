"""What a set of requested times collides with: confirmed bookings (hard) and requests (soft).

A confirmed occurrence claims its space and every space inside it (``SpaceClaim``), so a
hard conflict is any claim on the requested space or a space inside it; a request has no
claims yet, so soft conflicts are looked up over the space's whole lineage.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from ..models import Occurrence, SpaceClaim


@dataclass(frozen=True)
class Conflict:
    start: datetime
    end: datetime
    occurrence: Occurrence
    hard: bool

    def describe(self):
        other = self.occurrence
        if other.booking.kind == other.booking.Kind.BLOCKING:
            what = _("blocked: %(title)s") % {"title": other.booking.title}
        else:
            what = f"“{other.booking.title}” ({other.get_state_display()})"
        return _("%(when)s collides with %(space)s %(other_when)s, %(what)s") % {
            "when": describe_interval(self.start, self.end, other.campus.tz),
            "space": other.space.name,
            "other_when": describe_interval(other.start, other.end, other.campus.tz),
            "what": what,
        }


def describe_interval(start, end, tz):
    """“2026-12-02 10:00-11:00”, or both dates when it runs past midnight, in 24-hour time."""
    start, end = start.astimezone(tz), end.astimezone(tz)
    first = f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} {formats.time_format(start, 'H:i')}"
    if start.date() == end.date():
        last = formats.time_format(end, "H:i")
    else:
        last = f"{formats.date_format(end, 'SHORT_DATE_FORMAT')} {formats.time_format(end, 'H:i')}"
    return f"{first}\N{EN DASH}{last}"


def _overlapping(items, start, end):
    return [item for item in items if item.start < end and item.end > start]


def find_conflicts(*, space, intervals, tree, exclude_occurrences=()):
    """Every conflict of ``intervals`` on ``space``, hard ones first, in two queries."""
    if not intervals:
        return []
    low, high = min(start for start, _end in intervals), max(end for _start, end in intervals)
    claims = list(
        SpaceClaim.objects.filter(
            campus=space.campus, space_id__in=tree.claimed_by(space.pk), start__lt=high, end__gt=low
        )
        .exclude(occurrence_id__in=exclude_occurrences)
        .select_related("occurrence__booking", "occurrence__space", "occurrence__campus")
        .order_by("start")
    )
    requests = list(
        Occurrence.objects.filter(
            campus=space.campus,
            space_id__in=tree.related(space.pk),
            state=Occurrence.State.PENDING,
            start__lt=high,
            end__gt=low,
        )
        .exclude(pk__in=exclude_occurrences)
        .select_related("booking", "space", "campus")
        .order_by("start")
    )
    conflicts = []
    for start, end in intervals:
        seen = set()
        for claim in _overlapping(claims, start, end):
            if claim.occurrence_id not in seen:
                seen.add(claim.occurrence_id)
                conflicts.append(Conflict(start, end, claim.occurrence, hard=True))
        conflicts.extend(
            Conflict(start, end, other, hard=False) for other in _overlapping(requests, start, end)
        )
    return conflicts
