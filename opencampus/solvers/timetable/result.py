"""What a timetable solve returns."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .problem import Id

Status = Literal["optimal", "feasible", "infeasible", "unknown"]


@dataclass(frozen=True, kw_only=True)
class Placement:
    """``start`` and ``end`` are minutes from the horizon start, of the first day; a multi-day
    session repeats them on the following days. ``day`` is the first day's weekday (0 Monday)."""

    session: Id
    week: int
    slot: Id
    day: int
    start: int
    end: int
    room: Id | None


@dataclass(frozen=True, kw_only=True)
class Reason:
    """Why a session is not placed: a stable ``code``, an English ``detail`` and the ``fields``
    (ids, numbers) an application needs to word it in its users' language."""

    code: str
    detail: str
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Unplaced:
    session: Id
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, kw_only=True)
class Penalties:
    """``same_weekday``: distinct weekdays used, summed over cohorts; ``spread``: sessions above
    each cohort's even share per week, summed over cohorts and weeks."""

    same_weekday: int
    spread: int


@dataclass(frozen=True, kw_only=True)
class TimetableResult:
    """``objective`` is None and ``placements`` empty when no timetable was found in time
    (status "unknown"); ``bound`` is the solver's proven lower bound on the objective."""

    status: Status
    objective: int | None
    bound: int | None
    wall_time: float
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    moved: tuple[Id, ...]
    penalties: Penalties | None
