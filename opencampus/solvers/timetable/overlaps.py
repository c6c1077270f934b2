"""Which uses of one resource overlap, as cliques: at every point where a use starts, the uses
that contain that point. Two intervals overlap exactly when one contains the other's start, so
"at most one use per clique" is the same as "no two uses overlap", and these cliques are what
makes the time-indexed model's linear relaxation tight."""

from collections import defaultdict
from collections.abc import Hashable, Iterable

from .problem import DAY_MINUTES, Interval


def cliques(uses: Iterable[tuple[Interval, Hashable]]) -> list[tuple[int, list]]:
    """``(day, members)`` for every distinct start point, ``day`` counted from the horizon start.

    Intervals never cross midnight (a slot ends by 24:00), so each day is handled apart.
    """
    by_day: dict[int, dict[Interval, list]] = defaultdict(lambda: defaultdict(list))
    for interval, item in uses:
        by_day[interval[0] // DAY_MINUTES][interval].append(item)
    found = []
    for day in sorted(by_day):
        intervals = sorted(by_day[day].items())
        for point in sorted({start for (start, _), _ in intervals}):
            members = [item for (start, end), items in intervals if start <= point < end for item in items]
            found.append((day, members))
    return found


def merged(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of the intervals as sorted disjoint intervals (touching ones joined)."""
    union: list[Interval] = []
    for start, end in sorted(intervals):
        if union and start <= union[-1][1]:
            union[-1] = (union[-1][0], max(union[-1][1], end))
        else:
            union.append((start, end))
    return union
