"""Why a session that had candidate starts was left out of the timetable: its predecessor is
not placed (``precedence``), or every start is taken by the placed sessions (``crowded``)."""

from collections import defaultdict

from . import reasons
from .candidates import Start
from .problem import DAY_MINUTES, TimetableProblem
from .result import Reason


def explain(
    problem: TimetableProblem,
    starts: tuple[tuple[Start, ...], ...],
    placed: dict[int, tuple[Start, int | None]],
) -> dict[int, tuple[Reason, ...]]:
    """For every session with candidate ``starts`` that is not ``placed`` (index -> start, room)."""
    sessions = problem.sessions
    index = {session.id: i for i, session in enumerate(sessions)}
    occupied = defaultdict(list)
    for j, (start, room) in placed.items():
        for interval in start.intervals:
            occupied[interval[0] // DAY_MINUTES].append((interval, j, room))
    found = {}
    for i, session in enumerate(sessions):
        if not starts[i] or i in placed:
            continue
        missing = [p for p in session.after if index[p] not in placed]
        if missing:
            found[i] = tuple(reasons.precedence("not_placed", p) for p in missing)
            continue
        blockers: set[int] = set()
        for start in starts[i]:
            taken_rooms: dict[int, set[int]] = defaultdict(set)
            for begin, end in start.intervals:
                for (other_begin, other_end), j, room in occupied[begin // DAY_MINUTES]:
                    if other_begin < end and begin < other_end:
                        other = sessions[j]
                        if other.cohort == session.cohort or set(other.instructors) & set(
                            session.instructors
                        ):
                            blockers.add(j)
                        if room is not None:
                            taken_rooms[room].add(j)
            if start.rooms and all(r in taken_rooms for r in start.rooms):
                blockers.update(j for r in start.rooms for j in taken_rooms[r])
            blockers.update(index[p] for p in session.after if placed[index[p]][0].end > start.begin)
        found[i] = (
            reasons.crowded(starts=len(starts[i]), sessions=[sessions[j].id for j in sorted(blockers)]),
        )
    return found
