"""What a timetable is planned from, and the checks that refuse a malformed problem.

Time is in integer minutes from Monday 00:00 of week 1 ("the horizon start"); day d (0 Monday …
6 Sunday) of week w (1 … weeks) starts at ((w - 1) * 7 + d) * 1440. Weekly templates (slots,
instructor windows) are in minutes since midnight. Intervals are half-open ``(start, end)``.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

Id = Hashable  # strings or integers, given back as given
Interval = tuple[int, int]

DAY_MINUTES = 1440
WEEK_MINUTES = 7 * DAY_MINUTES
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, kw_only=True)
class Slot:
    """A weekly start option: sessions placed in it start at ``start`` on ``day`` and end by ``end``."""

    id: Id
    day: int
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Window:
    """A weekly availability window of an instructor."""

    day: int
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Room:
    id: Id
    capacity: int
    features: frozenset[str] = frozenset()
    busy: tuple[Interval, ...] = ()  # existing bookings, minutes from the horizon start


@dataclass(frozen=True, kw_only=True)
class Instructor:
    """Available in the weekly ``available`` windows (none: never), except during ``unavailable``."""

    id: Id
    available: tuple[Window, ...] = ()
    unavailable: tuple[Interval, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Position:
    """Where a session is: a week, a slot and a room (None for an offsite session)."""

    week: int
    slot: Id
    room: Id | None = None


@dataclass(frozen=True, kw_only=True)
class Session:
    """``days`` consecutive days at the same clock times, in one week. ``after``: sessions that must
    end before this one starts (and be placed for it to be). ``rooms``: the allowed rooms (None: any
    room with the capacity and features). ``weeks``: the allowed ``(first, last)`` weeks."""

    id: Id
    cohort: Id
    duration: int
    days: int = 1
    instructors: tuple[Id, ...] = ()
    attendees: int = 0
    features: frozenset[str] = frozenset()
    offsite: bool = False
    rooms: tuple[Id, ...] | None = None
    after: tuple[Id, ...] = ()
    weeks: tuple[int, int] | None = None
    fixed: Position | None = None


@dataclass(frozen=True, kw_only=True)
class Weights:
    """Objective weights per session moved, per weekday a cohort uses, per session above a week's share."""

    move: int = 1000
    same_weekday: int = 10
    spread: int = 5


@dataclass(frozen=True, kw_only=True)
class TimetableProblem:
    weeks: int
    slots: tuple[Slot, ...]
    rooms: tuple[Room, ...]
    instructors: tuple[Instructor, ...]
    sessions: tuple[Session, ...]
    previous: Mapping[Id, Position] = field(default_factory=dict)  # the published plan, when re-planning
    weights: Weights = Weights()


def validate(problem: TimetableProblem) -> list[int]:
    """Raise ValueError naming the offending field; return the sessions' indices in precedence order."""
    _whole(problem.weeks, "weeks", low=1)
    slots = _unique(problem.slots, "slots")
    rooms = _unique(problem.rooms, "rooms")
    _unique(problem.instructors, "instructors")
    sessions = _unique(problem.sessions, "sessions")
    for i, slot in enumerate(problem.slots):
        _clock(slot, f"slots[{i}]")
    for i, room in enumerate(problem.rooms):
        _whole(room.capacity, f"rooms[{i}].capacity", low=0)
        _features(room.features, f"rooms[{i}].features")
        _intervals(room.busy, f"rooms[{i}].busy")
    for i, instructor in enumerate(problem.instructors):
        for j, window in enumerate(instructor.available):
            _clock(window, f"instructors[{i}].available[{j}]")
        _intervals(instructor.unavailable, f"instructors[{i}].unavailable")
    for i, session in enumerate(problem.sessions):
        _session(problem, session, f"sessions[{i}]", sessions=sessions, slots=slots, rooms=rooms)
    for key, position in problem.previous.items():
        if key not in sessions:
            raise ValueError(f"previous: unknown session {key!r}")
        _position(problem, position, f"previous[{key!r}]", slots=slots, rooms=rooms)
    for name in ("move", "same_weekday", "spread"):
        _whole(getattr(problem.weights, name), f"weights.{name}", low=0)
    return _precedence_order(problem.sessions, sessions)


def _session(problem, session: Session, where: str, *, sessions, slots, rooms) -> None:
    _whole(session.duration, f"{where}.duration", low=1, high=DAY_MINUTES)
    _whole(session.days, f"{where}.days", low=1, high=7)
    _whole(session.attendees, f"{where}.attendees", low=0)
    _features(session.features, f"{where}.features")
    if not isinstance(session.offsite, bool):
        raise ValueError(f"{where}.offsite must be true or false, not {session.offsite!r}")
    for instructor in session.instructors:
        _identifier(instructor, f"{where}.instructors")
    if len(set(session.instructors)) != len(session.instructors):
        raise ValueError(f"{where}.instructors: an instructor is listed twice")
    for room in session.rooms or ():
        if room not in rooms:
            raise ValueError(f"{where}.rooms: unknown room {room!r}")
    for before in session.after:
        if before not in sessions:
            raise ValueError(f"{where}.after: unknown session {before!r}")
        if before == session.id:
            raise ValueError(f"{where}.after: a session cannot come after itself")
    if session.weeks is not None:
        if len(session.weeks) != 2:
            raise ValueError(f"{where}.weeks must be [first, last]")
        first, last = session.weeks
        _whole(first, f"{where}.weeks", low=1)
        _whole(last, f"{where}.weeks", low=first)
    if session.fixed is not None:
        fixed = session.fixed
        _position(problem, fixed, f"{where}.fixed", slots=slots, rooms=rooms)
        slot = problem.slots[slots[fixed.slot]]
        if slot.day + session.days > 7:
            raise ValueError(
                f"{where}.days: {session.days} days from {DAY_NAMES[slot.day]} (fixed slot {fixed.slot!r}) "
                "run past Sunday"
            )
        if session.duration > slot.end - slot.start:
            raise ValueError(f"{where}.fixed.slot: {fixed.slot!r} is shorter than {session.duration} minutes")
        if session.offsite and fixed.room is not None:
            raise ValueError(f"{where}.fixed.room: an offsite session has no room")
        if not session.offsite and fixed.room is None:
            raise ValueError(f"{where}.fixed.room: a session that is not offsite needs its room")


def _position(problem, position: Position, where: str, *, slots, rooms) -> None:
    _whole(position.week, f"{where}.week", low=1, high=problem.weeks)
    if position.slot not in slots:
        raise ValueError(f"{where}.slot: unknown slot {position.slot!r}")
    if position.room is not None and position.room not in rooms:
        raise ValueError(f"{where}.room: unknown room {position.room!r}")


def _precedence_order(items, index: dict) -> list[int]:
    """Indices with every session after those it comes after; a cycle is an error naming it."""
    state: dict[int, str] = {}
    order: list[int] = []
    for root in range(len(items)):
        if root in state:
            continue
        stack = [(root, iter(items[root].after))]
        state[root] = "open"
        while stack:
            node, pending = stack[-1]
            before = next(pending, None)
            if before is None:
                stack.pop()
                state[node] = "done"
                order.append(node)
                continue
            j = index[before]
            if state.get(j) == "open":
                path = [items[n].id for n, _ in stack]
                cycle = [*path[path.index(items[j].id) :], items[j].id]
                chain = " after ".join(map(repr, cycle))
                raise ValueError(f"sessions[{node}].after: cyclic precedence {chain}")
            if j not in state:
                state[j] = "open"
                stack.append((j, iter(items[j].after)))
    return order


def _unique(items, what: str) -> dict[Id, int]:
    index: dict[Id, int] = {}
    for i, item in enumerate(items):
        _identifier(item.id, f"{what}[{i}].id")
        if item.id in index:
            raise ValueError(f"{what}[{i}].id: duplicate id {item.id!r}")
        index[item.id] = i
    return index


def _identifier(value, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"{where}: ids are strings or integers, not {value!r}")


def _whole(value, where: str, *, low: int, high: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where} must be a whole number, not {value!r}")
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValueError(f"{where} must be {bounds}, not {value}")


def _clock(item: Slot | Window, where: str) -> None:
    _whole(item.day, f"{where}.day", low=0, high=6)
    _whole(item.start, f"{where}.start", low=0, high=DAY_MINUTES - 1)
    _whole(item.end, f"{where}.end", low=item.start + 1, high=DAY_MINUTES)


def _intervals(intervals, where: str) -> None:
    for j, interval in enumerate(intervals):
        if len(interval) != 2:
            raise ValueError(f"{where}[{j}] must be [start, end]")
        start, end = interval
        if any(isinstance(v, bool) or not isinstance(v, int) for v in interval) or start >= end:
            raise ValueError(f"{where}[{j}] must be whole minutes with start < end, not {list(interval)!r}")


def _features(features, where: str) -> None:
    if isinstance(features, str) or not all(isinstance(feature, str) for feature in features):
        raise ValueError(f"{where} must be a list of strings")
