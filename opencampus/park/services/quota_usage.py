"""How many of its monthly booking hours a resident organisation has used.

Hours count from the organisation's pending and confirmed occurrences, clipped to the
month: a booking from 22:00 on the last day to 02:00 on the first counts two hours in each.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from ..models import Occurrence, Residency

COUNTED_STATES = (Occurrence.State.PENDING, Occurrence.State.CONFIRMED)
CURRENT_STATES = (Residency.State.RESIDENT, Residency.State.LEAVING)


def month_bounds(*, campus, month):
    """The start of ``month`` (any date in it) and of the month after, in the campus's time zone."""
    first = date(month.year, month.month, 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (
        datetime.combine(first, time(0), tzinfo=campus.tz),
        datetime.combine(following, time(0), tzinfo=campus.tz),
    )


def _clipped_hours(spans, month_start, month_end):
    seconds = sum((min(end, month_end) - max(start, month_start)).total_seconds() for start, end in spans)
    return Decimal(int(seconds)) / 3600


def _counted(month_start, month_end):
    return Occurrence.objects.filter(state__in=COUNTED_STATES, start__lt=month_end, end__gt=month_start)


def booked_hours(*, organisation, month_start, month_end):
    """Hours of ``organisation``'s pending and confirmed occurrences between the two instants."""
    spans = (
        _counted(month_start, month_end)
        .filter(booking__organisation=organisation)
        .values_list("start", "end")
    )
    return _clipped_hours(spans, month_start, month_end)


@dataclass
class QuotaLine:
    residency: Residency
    used: Decimal

    @property
    def quota(self):
        return self.residency.monthly_booking_hours

    @property
    def left(self):
        return self.quota - self.used

    @property
    def is_over(self):
        return self.used > self.quota

    @property
    def share(self):
        """Used hours as a percentage of the quota, capped at 100 for bars."""
        if not self.quota:
            return 100 if self.used else 0
        return min(100, int(self.used * 100 / self.quota))


def usage_by_organisation(*, organisation_ids, month_start, month_end):
    """``{organisation id: hours}`` for the given organisations, in one query."""
    spans = defaultdict(list)
    rows = _counted(month_start, month_end).filter(booking__organisation_id__in=organisation_ids)
    for organisation_id, start, end in rows.values_list("booking__organisation_id", "start", "end"):
        spans[organisation_id].append((start, end))
    return {
        organisation_id: _clipped_hours(spans.get(organisation_id, ()), month_start, month_end)
        for organisation_id in organisation_ids
    }


def quota_overview(*, campus, month):
    """A ``QuotaLine`` for every current residency on ``campus`` in ``month``, in three queries."""
    month_start, month_end = month_bounds(campus=campus, month=month)
    residencies = list(
        Residency.objects.filter(campus=campus, state__in=CURRENT_STATES)
        .select_related("organisation")
        .prefetch_related("spaces")
        .order_by("organisation__name_ko", "organisation__name_en", "pk")
    )
    used = usage_by_organisation(
        organisation_ids=[residency.organisation_id for residency in residencies],
        month_start=month_start,
        month_end=month_end,
    )
    return [QuotaLine(residency=residency, used=used[residency.organisation_id]) for residency in residencies]
