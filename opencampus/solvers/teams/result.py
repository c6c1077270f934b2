"""What ``evaluate`` and ``solve`` return."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .problem import Id

Status = Literal["optimal", "feasible", "infeasible", "unknown"]


@dataclass(frozen=True, kw_only=True)
class Finding:
    """A violation or a note: a stable ``code``, an English ``detail`` and the ``fields`` (ids,
    numbers) an application needs to word it in its users' language."""

    code: str
    detail: str
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ScoredTeam:
    """A team with its score and the score's parts (each 0 to 1000); ``score``, ``preference``
    and ``balance`` are None for a team without a known member."""

    option: Id
    members: tuple[Id, ...]
    score: int | None
    preference: int | None
    balance: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Evaluation:
    """``worst``: the lowest team score; ``mean``: the mean over people of their team's score.
    Both None when no team has a known member."""

    teams: tuple[ScoredTeam, ...]
    worst: int | None
    mean: float | None
    violations: tuple[Finding, ...]


@dataclass(frozen=True, kw_only=True)
class TeamResult:
    """``bound``: a proven upper bound on the worst team score; ``gap`` = (bound - worst) / bound;
    ``mean_bound``: one on the mean among plans with that worst score. ``teams`` is empty and the
    scores None when no plan was found (status "unknown")."""

    status: Status
    teams: tuple[ScoredTeam, ...]
    worst: int | None
    bound: int | None
    gap: float | None
    mean: float | None
    mean_bound: float | None
    seconds: float
    greedy_worst: int | None
    greedy_mean: float | None
    violations: tuple[Finding, ...]
    notes: tuple[Finding, ...]
