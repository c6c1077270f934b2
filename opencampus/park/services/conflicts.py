"""What a set of requested times collides with: confirmed bookings (hard) and requests (soft).

A confirmed occurrence claims its space and every space inside it (``SpaceClaim``), so a
hard conflict is any claim on the requested space or a space inside it; a request has no
claims yet, so soft conflicts are looked up over the space's whole lineage.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_

from django.db.models import Q
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


@dataclass(frozen=True)
class Probe:
    """One request to check: its space, its dates and the occurrences to leave out (its own)."""

    key: object
    space_id: int
    intervals: tuple
    exclude: frozenset = frozenset()


def _during(intervals):
    """Rows overlapping one of ``intervals``; the outer bounds let an index on start do the work."""
    low, high = min(start for start, _end in intervals), max(end for _start, end in intervals)
    return Q(start__lt=high, end__gt=low) & reduce(
        or_, (Q(start__lt=end, end__gt=start) for start, end in intervals)
    )


def find_conflicts_of(*, probes, tree):
    """``{probe.key: [Conflict, …]}`` for many requests at once, in two queries.

    Only rows overlapping one of a probe's own dates are read, so a year-long series on a
    building reads the few claims it collides with, not the building's whole year.
    """
    probes = [probe for probe in probes if probe.intervals]
    if not probes:
        return {}
    claimed = {probe.key: tree.claimed_by(probe.space_id) for probe in probes}
    related = {probe.key: tree.related(probe.space_id) for probe in probes}
    claims = list(
        SpaceClaim.objects.filter(
            reduce(or_, (Q(space_id__in=claimed[probe.key]) & _during(probe.intervals) for probe in probes))
        )
        .select_related("occurrence__booking", "occurrence__space", "occurrence__campus")
        .order_by("start", "pk")
    )
    requests = list(
        Occurrence.objects.filter(
            reduce(or_, (Q(space_id__in=related[probe.key]) & _during(probe.intervals) for probe in probes)),
            state=Occurrence.State.PENDING,
        )
        .select_related("booking", "space", "campus")
        .order_by("start", "pk")
    )
    found = {}
    for probe in probes:
        mine = set(claimed[probe.key])
        around = set(related[probe.key])
        hard = [
            claim for claim in claims if claim.space_id in mine and claim.occurrence_id not in probe.exclude
        ]
        soft = [other for other in requests if other.space_id in around and other.pk not in probe.exclude]
        conflicts = found.setdefault(probe.key, [])
        for start, end in probe.intervals:
            seen = set()
            for claim in _overlapping(hard, start, end):
                if claim.occurrence_id not in seen:
                    seen.add(claim.occurrence_id)
                    conflicts.append(Conflict(start, end, claim.occurrence, hard=True))
            conflicts.extend(
                Conflict(start, end, other, hard=False) for other in _overlapping(soft, start, end)
            )
    return found


def find_conflicts(*, space, intervals, tree, exclude_occurrences=()):
    """Every conflict of ``intervals`` on ``space``, hard ones first for each date."""
    probe = Probe(None, space.pk, tuple(intervals), frozenset(exclude_occurrences))
    return find_conflicts_of(probes=[probe], tree=tree).get(None, [])
