"""``solve_timetable``: validate, presolve, solve the CP-SAT model, and report."""

import math
import time
from collections import defaultdict

from .candidates import Start, find_candidates
from .crowding import explain
from .model import solve_model
from .problem import DAY_MINUTES, TimetableProblem, validate
from .result import Penalties, Placement, TimetableResult, Unplaced


def solve_timetable(
    problem: TimetableProblem, *, time_limit: float = 30.0, workers: int = 8, random_seed: int = 0
) -> TimetableResult:
    """Place as many sessions as possible, then move as few as possible from ``problem.previous``,
    then keep each cohort on few weekdays and spread over the weeks (see docs/solvers.md).

    Raises ValueError naming the offending field when the problem is malformed.
    """
    began = time.perf_counter()
    order = validate(problem)
    if not (isinstance(time_limit, int | float) and time_limit > 0):
        raise ValueError(f"time_limit must be a positive number of seconds, not {time_limit!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number >= 1, not {workers!r}")
    candidates = find_candidates(problem, order)
    solution = solve_model(
        problem, candidates, time_limit=time_limit, workers=workers, random_seed=random_seed
    )
    reasons = dict(candidates.reasons)
    placed: dict[int, tuple[Start, int | None]] = {}
    if solution.objective is not None:
        placed = {
            i: (start, _pick_room(problem, i, start, rooms)) for i, (start, rooms) in solution.chosen.items()
        }
        reasons |= explain(problem, candidates.starts, placed)
    placements = sorted(
        (_placement(problem, i, start, room) for i, (start, room) in placed.items()),
        key=lambda placement: placement.start,
    )
    return TimetableResult(
        status=solution.status,
        objective=solution.objective,
        bound=solution.bound,
        wall_time=time.perf_counter() - began,
        placements=tuple(placements),
        unplaced=tuple(Unplaced(session=problem.sessions[i].id, reasons=reasons[i]) for i in sorted(reasons)),
        moved=tuple(_moved(problem, placements)),
        penalties=_penalties(problem, placed) if solution.objective is not None else None,
    )


def _pick_room(problem: TimetableProblem, i: int, start: Start, rooms: tuple[int, ...]) -> int | None:
    """Any of ``rooms`` is free: the previous room if the session keeps its time, else the
    smallest that is large enough (the larger ones stay free for other bookings)."""
    if not rooms:
        return None
    session = problem.sessions[i]
    previous = problem.previous.get(session.id)
    if previous is not None and (previous.week, previous.slot) == (start.week, problem.slots[start.slot].id):
        kept = [r for r in rooms if problem.rooms[r].id == previous.room]
        if kept:
            return kept[0]
    return min(rooms, key=lambda r: (problem.rooms[r].capacity, r))


def _placement(problem: TimetableProblem, i: int, start: Start, room: int | None) -> Placement:
    slot = problem.slots[start.slot]
    return Placement(
        session=problem.sessions[i].id,
        week=start.week,
        slot=slot.id,
        day=slot.day,
        start=start.begin,
        end=start.intervals[0][1],
        room=problem.rooms[room].id if room is not None else None,
    )


def _moved(problem: TimetableProblem, placements: list[Placement]):
    """Sessions whose position differs from the previous plan, where a session missing from it,
    or unplaced now, has no position; nothing when there is no previous plan."""
    if not problem.previous:
        return
    now = {p.session: (p.week, p.slot, p.room) for p in placements}
    for session in problem.sessions:
        before = problem.previous.get(session.id)
        if now.get(session.id) != (None if before is None else (before.week, before.slot, before.room)):
            yield session.id


def _penalties(problem: TimetableProblem, placed: dict[int, tuple[Start, int | None]]) -> Penalties:
    weekdays = defaultdict(set)
    starting = defaultdict(lambda: defaultdict(int))
    size = defaultdict(int)
    for session in problem.sessions:
        size[session.cohort] += 1
    for i, (start, _) in placed.items():
        cohort = problem.sessions[i].cohort
        weekdays[cohort].update((begin // DAY_MINUTES) % 7 for begin, _ in start.intervals)
        starting[cohort][start.week] += 1
    spread = sum(
        max(0, count - math.ceil(size[cohort] / problem.weeks))
        for cohort, weeks in starting.items()
        for count in weeks.values()
    )
    return Penalties(same_weekday=sum(map(len, weekdays.values())), spread=spread)
