"""When spaces are free: the week grid of one space, and the search for a free room.

Both read everything they need in a fixed number of queries, whatever the number of
bookings or spaces. A confirmed occurrence claims its space and every space inside it
(``SpaceClaim``), so the claims on a space cover its own bookings and those of the
spaces above it; claims on the spaces inside it show where it is partly taken.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext_lazy

from opencampus.people.rules import is_campus_team

from ..models import Booking, ClosedDay, Occurrence, OpeningHours, Space, SpaceClaim
from ..rules import may_book_space
from .booking_rules import closed_dates, effective_hours
from .tree import space_tree

# Hours shown for a space open around the clock.
ALWAYS_OPEN_ROWS = (7, 22)

PARTS_OF_DAY = {
    "morning": (gettext_lazy("morning"), time(9), time(12)),
    "afternoon": (gettext_lazy("afternoon"), time(13), time(18)),
    "evening": (gettext_lazy("evening"), time(18), time(22)),
}


class CellState(StrEnum):
    FREE = "free"
    BOOKED = "booked"
    REQUESTED = "requested"
    BLOCKED = "blocked"
    CLOSED = "closed"
    OUTSIDE_HOURS = "outside"
    PARENT_BOOKED = "parent"
    CHILD_BOOKED = "child"


STATE_LABELS = {
    CellState.FREE: gettext_lazy("free"),
    CellState.BOOKED: gettext_lazy("booked"),
    CellState.REQUESTED: gettext_lazy("requested"),
    CellState.BLOCKED: gettext_lazy("blocked"),
    CellState.CLOSED: gettext_lazy("closed"),
    CellState.OUTSIDE_HOURS: gettext_lazy("outside opening hours"),
    CellState.PARENT_BOOKED: gettext_lazy("booked with the space around it"),
    CellState.CHILD_BOOKED: gettext_lazy("partly booked"),
}


@dataclass
class Cell:
    space: Space
    start: datetime
    end: datetime
    state: CellState = CellState.FREE
    detail: str = ""
    bookable_from: time | None = None

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def is_free(self):
        return self.state == CellState.FREE

    @property
    def booking_query(self):
        """The booking form's ``date`` and ``start`` for this free hour."""
        return f"date={self.start.date():%Y-%m-%d}&start={self.bookable_from:%H:%M}"


@dataclass
class WeekGrid:
    space: Space
    days: list[date]
    rows: list[tuple[time, list[Cell]]] = field(default_factory=list)

    @property
    def previous_week(self):
        return self.days[0] - timedelta(days=7)

    @property
    def next_week(self):
        return self.days[0] + timedelta(days=7)


def week_start(day):
    return day - timedelta(days=day.weekday())


def local_datetime(day, at, tz):
    """A wall-clock time on ``day``; 24:00 is the next midnight."""
    if at == 24:
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return datetime.combine(day, at if isinstance(at, time) else time(at), tzinfo=tz)


def _row_hours(hours):
    if hours is None:
        return range(*ALWAYS_OPEN_ROWS)
    spans = [span for day_spans in hours.values() for span in day_spans]
    first = min(opens.hour for opens, _closes in spans)
    last = max(closes.hour + bool(closes.minute or closes.second) for _opens, closes in spans)
    return range(first, last)


def _open_from(spans, start, end):
    """Where an opening span of the day meets the hour ``start`` to ``end``; None if none does."""
    for opens, closes in spans:
        closes_at = local_datetime(start.date(), closes, start.tzinfo)
        opens_at = local_datetime(start.date(), opens, start.tzinfo)
        if opens_at < end and closes_at > start:
            return max(opens_at, start).time()
    return None


def _may_see_title(viewer, booking, team):
    return team or (viewer.is_authenticated and booking.booked_by_id == viewer.pk)


def _week_occurrences(space, tree, first, last):
    """Confirmed dates holding the space or one inside it, and requests over its lineage."""
    claims = (
        SpaceClaim.objects.filter(
            campus=space.campus, space_id__in=tree.claimed_by(space.pk), start__lt=last, end__gt=first
        )
        .select_related("occurrence__booking", "occurrence__space")
        .order_by("start", "pk")
    )
    confirmed = list({claim.occurrence_id: claim.occurrence for claim in claims}.values())
    requests = list(
        Occurrence.objects.filter(
            campus=space.campus,
            space_id__in=tree.related(space.pk),
            state=Occurrence.State.PENDING,
            start__lt=last,
            end__gt=first,
        )
        .select_related("booking", "space")
        .order_by("start", "pk")
    )
    return confirmed, requests


def _occupancy(occurrence, space, inside):
    """The state a confirmed ``occurrence`` gives ``space``; ``inside`` are the spaces within it."""
    if occurrence.space_id in inside:
        return CellState.CHILD_BOOKED
    if occurrence.booking.kind == Booking.Kind.BLOCKING:
        return CellState.BLOCKED
    if occurrence.space_id == space.pk:
        return CellState.BOOKED
    return CellState.PARENT_BOOKED


def _describe(occurrence, space, viewer, team):
    """A blocking's reason is public; a booking's title only for the team and the person who booked."""
    booking = occurrence.booking
    parts = []
    if booking.kind == Booking.Kind.BLOCKING or _may_see_title(viewer, booking, team):
        parts.append(booking.title)
    if occurrence.space_id != space.pk:
        parts.append(occurrence.space.name)
    return " · ".join(parts)


# When several things overlap an hour, the first state in this list is shown.
PRECEDENCE = [CellState.BLOCKED, CellState.BOOKED, CellState.PARENT_BOOKED, CellState.CHILD_BOOKED]


def _fill(cell, confirmed, requests, viewer, team):
    overlapping = [
        (state, item) for state, item in confirmed if item.start < cell.end and item.end > cell.start
    ]
    if overlapping:
        state, item = min(overlapping, key=lambda pair: PRECEDENCE.index(pair[0]))
        cell.state, cell.detail = state, _describe(item, cell.space, viewer, team)
        return
    asked = [item for item in requests if item.start < cell.end and item.end > cell.start]
    if asked:
        cell.state, cell.detail = CellState.REQUESTED, _describe(asked[0], cell.space, viewer, team)


def build_week_grid(*, space, day, viewer):
    """The hours of the week holding ``day`` for ``space``, each with its state, in six queries."""
    tz = space.campus.tz
    days = [week_start(day) + timedelta(days=offset) for offset in range(7)]
    tree = space_tree(space.campus)
    hours = effective_hours(space, tree)
    closed = closed_dates(space, tree, days[0], days[-1])
    first, last = local_datetime(days[0], time(0), tz), local_datetime(days[-1], 24, tz)
    confirmed, requests = _week_occurrences(space, tree, first, last)
    inside = set(tree.descendants(space.pk))
    confirmed = [(_occupancy(item, space, inside), item) for item in confirmed]
    team = is_campus_team(viewer, space.campus)
    grid = WeekGrid(space=space, days=days)
    for hour in _row_hours(hours):
        cells = []
        for current in days:
            cell = Cell(space, local_datetime(current, hour, tz), local_datetime(current, hour + 1, tz))
            spans = [(time(0), time.max)] if hours is None else hours[current.weekday()]
            cell.bookable_from = _open_from(spans, cell.start, cell.end)
            if current in closed:
                cell.state, cell.detail = CellState.CLOSED, closed[current]
            elif cell.bookable_from is None:
                cell.state = CellState.OUTSIDE_HOURS
            else:
                _fill(cell, confirmed, requests, viewer, team)
            cells.append(cell)
        grid.rows.append((time(hour), cells))
    return grid


# Finding a free room


@dataclass
class FreeSpace:
    space: Space
    may_book: bool
    requested_by_others: bool


def next_part_of_day(*, weekday, part, tz, now=None):
    """The next ``weekday`` (0 = Monday) whose ``part`` of day has not ended: (date, start, end)."""
    now = (now or timezone.now()).astimezone(tz)
    _label, start, end = PARTS_OF_DAY[part]
    ahead = (weekday - now.weekday()) % 7
    if ahead == 0 and now.time() >= end:
        ahead = 7
    return now.date() + timedelta(days=ahead), start, end


def _hours_by_space(campus, weekday):
    by_space = defaultdict(list)
    for hours in OpeningHours.objects.filter(campus=campus).order_by("opens"):
        by_space[hours.space_id].append((hours.weekday, hours.opens, hours.closes))
    return {
        space_id: [(opens, closes) for day, opens, closes in rows if day == weekday]
        for space_id, rows in by_space.items()
    }


def _is_open(space_id, tree, hours_by_space, start, end):
    """Within the hours of the space or its nearest ancestor that has any (none: always open)."""
    for holder in [space_id, *tree.ancestors(space_id)]:
        if holder in hours_by_space:
            end_time = end.time() if end.time() != time(0) else time.max
            return any(
                opens <= start.time() and end_time <= closes for opens, closes in hours_by_space[holder]
            )
    return True


def find_free_spaces(*, campus, start, end, people=1, features=(), viewer):
    """Bookable spaces for ``people`` with every one of ``features``, open and unclaimed from
    ``start`` to ``end`` (one day), smallest sufficient capacity first, in a fixed number of queries.

    A signed-in viewer sees only the spaces they may book; anyone else sees every bookable space.
    """
    tz = campus.tz
    start, end = start.astimezone(tz), end.astimezone(tz)
    candidates = Space.objects.filter(
        campus=campus, is_active=True, is_bookable=True, capacity__gte=people
    ).select_related("campus")
    for feature in features:
        candidates = candidates.filter(features=feature)
    candidates = sorted(candidates, key=lambda space: (space.capacity, space.name.casefold(), space.pk))
    if not candidates:
        return []
    tree = space_tree(campus)
    hours_by_space = _hours_by_space(campus, start.weekday())
    closed = set(
        ClosedDay.objects.filter(campus=campus, date=start.date()).values_list("space_id", flat=True)
    )
    claimed = set(
        SpaceClaim.objects.filter(campus=campus, start__lt=end, end__gt=start).values_list(
            "space_id", flat=True
        )
    )
    requests = Occurrence.objects.filter(
        campus=campus, state=Occurrence.State.PENDING, start__lt=end, end__gt=start
    )
    if viewer.is_authenticated:
        requests = requests.exclude(booking__booked_by=viewer)
    requested = set(requests.values_list("space_id", flat=True))
    found = []
    for space in candidates:
        lineage = {space.pk, *tree.ancestors(space.pk)}
        if None in closed or lineage & closed:
            continue
        if not _is_open(space.pk, tree, hours_by_space, start, end):
            continue
        if claimed.intersection(tree.claimed_by(space.pk)):
            continue
        may_book = may_book_space(viewer, space)
        if viewer.is_authenticated and not may_book:
            continue
        found.append(FreeSpace(space, may_book, bool(requested.intersection(tree.related(space.pk)))))
    return found
