"""The ``timetable`` command's JSON: instances in, results out (docs/solvers.md, "Timetable")."""

from typing import Any

from ..json_reading import json_field, json_list, json_object
from .problem import Instructor, Position, Room, Session, Slot, TimetableProblem, Weights, Window
from .result import TimetableResult
from .solver import solve_timetable


def solve_json(data: Any, *, time_limit: float = 30.0, workers: int = 8, random_seed: int = 0) -> dict:
    """Raises ValueError with a message naming the offending field when the instance is malformed."""
    problem = problem_from_json(data)
    return result_to_json(
        solve_timetable(problem, time_limit=time_limit, workers=workers, random_seed=random_seed)
    )


def problem_from_json(data: Any) -> TimetableProblem:
    json_object(data, "the instance")
    sessions = tuple(
        _session(item, f"sessions[{i}]") for i, item in enumerate(json_list(data, "sessions", "the instance"))
    )
    # JSON object keys are strings: "12" names session 12 when no session has the id "12".
    ids = {session.id for session in sessions}
    by_text = {str(session.id): session.id for session in sessions}
    previous = json_field(data, "previous", "the instance", default={})
    json_object(previous, "previous")
    weights = json_field(data, "weights", "the instance", default={})
    json_object(weights, "weights")
    for name in weights:
        if name not in Weights.__dataclass_fields__:
            raise ValueError(f"weights.{name}: unknown weight (move, same_weekday, spread)")
    return TimetableProblem(
        weeks=json_field(data, "weeks", "the instance"),
        slots=tuple(
            Slot(**_fields(item, f"slots[{i}]", ("id", "day", "start", "end")))
            for i, item in enumerate(json_list(data, "slots", "the instance"))
        ),
        rooms=tuple(
            Room(
                **_fields(item, f"rooms[{i}]", ("id", "capacity")),
                features=_features(item, f"rooms[{i}]"),
                busy=_intervals(item, "busy", f"rooms[{i}]"),
            )
            for i, item in enumerate(json_list(data, "rooms", "the instance"))
        ),
        instructors=tuple(
            Instructor(
                id=json_field(item, "id", f"instructors[{i}]"),
                available=tuple(
                    Window(**_fields(window, f"instructors[{i}].available[{j}]", ("day", "start", "end")))
                    for j, window in enumerate(json_list(item, "available", f"instructors[{i}]", default=[]))
                ),
                unavailable=_intervals(item, "unavailable", f"instructors[{i}]"),
            )
            for i, item in enumerate(json_list(data, "instructors", "the instance", default=[]))
        ),
        sessions=sessions,
        previous={
            key if key in ids else by_text.get(key, key): _position(value, f"previous[{key!r}]")
            for key, value in previous.items()
        },
        weights=Weights(**weights),
    )


def result_to_json(result: TimetableResult) -> dict:
    return {
        "status": result.status,
        "objective": result.objective,
        "bound": result.bound,
        "wall_time": round(result.wall_time, 3),
        "placements": [
            {
                "session": p.session,
                "week": p.week,
                "slot": p.slot,
                "day": p.day,
                "start": p.start,
                "end": p.end,
                "room": p.room,
            }
            for p in result.placements
        ],
        "unplaced": [
            {
                "session": u.session,
                "reasons": [{"code": r.code, "detail": r.detail, **r.fields} for r in u.reasons],
            }
            for u in result.unplaced
        ],
        "moved": list(result.moved),
        "penalties": (
            {"same_weekday": result.penalties.same_weekday, "spread": result.penalties.spread}
            if result.penalties is not None
            else None
        ),
    }


def _session(item: Any, where: str) -> Session:
    rooms = json_field(item, "rooms", where, default=None)
    weeks = json_field(item, "weeks", where, default=None)
    fixed = json_field(item, "fixed", where, default=None)
    return Session(
        **_fields(item, where, ("id", "cohort", "duration")),
        days=json_field(item, "days", where, default=1),
        instructors=tuple(json_list(item, "instructors", where, default=[])),
        attendees=json_field(item, "attendees", where, default=0),
        features=_features(item, where),
        offsite=json_field(item, "offsite", where, default=False),
        rooms=tuple(json_list(item, "rooms", where)) if rooms is not None else None,
        after=tuple(json_list(item, "after", where, default=[])),
        weeks=tuple(json_list(item, "weeks", where)) if weeks is not None else None,
        fixed=_position(fixed, f"{where}.fixed") if fixed is not None else None,
    )


def _position(item: Any, where: str) -> Position:
    return Position(
        **_fields(item, where, ("week", "slot")), room=json_field(item, "room", where, default=None)
    )


def _features(item: dict, where: str) -> frozenset[str]:
    features = json_list(item, "features", where, default=[])
    if not all(isinstance(feature, str) for feature in features):
        raise ValueError(f"{where}.features must be a list of strings")
    return frozenset(features)


def _intervals(item: dict, name: str, where: str) -> tuple[tuple[int, int], ...]:
    intervals = json_list(item, name, where, default=[])
    for j, interval in enumerate(intervals):
        if not isinstance(interval, list) or len(interval) != 2:
            raise ValueError(f"{where}.{name}[{j}] must be [start, end]")
    return tuple((start, end) for start, end in intervals)


def _fields(item: Any, where: str, names: tuple[str, ...]) -> dict:
    return {name: json_field(item, name, where) for name in names}
