"""The reasons a session is left unplaced: codes, their fields, and their English detail.

Presolve finds every reason that rules a session out on its own (several can apply at once);
``precedence`` and ``crowded`` come from the other sessions.
"""

from collections.abc import Iterable

from .problem import Id
from .result import Reason


def unknown_instructor(instructor: Id) -> Reason:
    return Reason(
        code="unknown_instructor",
        detail=f"instructor {instructor!r} is not among the instructors, so their availability is unknown",
        fields={"instructor": instructor},
    )


def no_slot_fits(cause: str, *, duration: int, days: int, weeks: tuple[int, int] | None) -> Reason:
    """``cause``: "weeks" (its week window misses the horizon), "duration" (no slot is long
    enough) or "days" (from every long enough slot, the days run past Sunday)."""
    detail = {
        "weeks": f"its weeks {weeks} lie outside the planned weeks",
        "duration": f"no slot is long enough for a {duration}-minute session",
        "days": f"no slot long enough for {duration} minutes leaves {days} days before the week ends",
    }[cause]
    return Reason(
        code="no_slot_fits",
        detail=detail,
        fields={"cause": cause, "duration": duration, "days": days, "weeks": list(weeks) if weeks else None},
    )


def no_room(*, capacity: int, features: Iterable[str], rooms: Iterable[Id] | None) -> Reason:
    features = sorted(features)
    wanted = f"capacity >= {capacity}" + (f" and features {', '.join(features)}" if features else "")
    among = f" among the allowed rooms {', '.join(map(str, rooms))}" if rooms is not None else ""
    return Reason(
        code="no_room",
        detail=f"no room has {wanted}{among}",
        fields={
            "capacity": capacity,
            "features": features,
            "rooms": list(rooms) if rooms is not None else None,
        },
    )


def instructor_never_available(instructor: Id, *, duration: int, days: int) -> Reason:
    run = f"a {duration}-minute session" + (f" on {days} consecutive days" if days > 1 else "")
    return Reason(
        code="instructor_never_available",
        detail=f"instructor {instructor!r} has no weekly window that fits {run} in any slot",
        fields={"instructor": instructor, "duration": duration, "days": days},
    )


def instructor_unavailable(instructor: Id) -> Reason:
    return Reason(
        code="instructor_unavailable",
        detail=f"instructor {instructor!r} is unavailable (exceptions) at every start their windows allow",
        fields={"instructor": instructor},
    )


def instructors_never_together(instructors: Iterable[Id]) -> Reason:
    instructors = list(instructors)
    return Reason(
        code="instructors_never_together",
        detail=f"instructors {', '.join(map(repr, instructors))} are never available at the same start",
        fields={"instructors": instructors},
    )


def rooms_booked(rooms: Iterable[Id]) -> Reason:
    rooms = list(rooms)
    return Reason(
        code="rooms_booked",
        detail=f"every fitting room ({_names(rooms)}) is booked at every time that fits",
        fields={"rooms": rooms},
    )


def precedence(cause: str, predecessor: Id) -> Reason:
    """``cause``: "unplaceable" (the predecessor can never be placed), "too_late" (no start is
    left after the predecessor's earliest end) or "not_placed" (the predecessor lost out)."""
    detail = {
        "unplaceable": f"it comes after {predecessor!r}, which cannot be placed",
        "too_late": f"no start is left after the earliest end of {predecessor!r}",
        "not_placed": f"it comes after {predecessor!r}, which is not placed",
    }[cause]
    return Reason(code="precedence", detail=detail, fields={"cause": cause, "predecessor": predecessor})


def crowded(*, starts: int, sessions: Iterable[Id]) -> Reason:
    sessions = list(sessions)
    return Reason(
        code="crowded",
        detail=f"each of its {starts} possible starts is taken by other sessions of its cohort, its "
        f"instructors or its rooms ({_names(sessions)})",
        fields={"starts": starts, "sessions": sessions},
    )


def _names(ids: list, shown: int = 5) -> str:
    names = ", ".join(map(str, ids[:shown]))
    return names + (f" and {len(ids) - shown} more" if len(ids) > shown else "")
