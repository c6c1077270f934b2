"""Selection with quotas: choose the places' holders by calibrated merit, within quotas.

An integer program, solved exactly by HiGHS through ``scipy.optimize.milp`` (relative gap 0)::

    maximise  Σ merit[i]·x[i]    over x[i] ∈ {0, 1}
    such that Σ x[i] = places
              min[q] ≤ Σ_{i has q} x[i] ≤ max[q]     for every quota q (attribute = value)
              x[i] = 1 if pinned in, 0 if pinned out

When fewer candidates than places are available, every available candidate is selected.
Ties in merit go to the candidate listed first: a second pass keeps the optimal merit and
prefers higher ranks, where the rank orders by merit, then by position in ``candidates``.

Infeasible quotas are reported by name: simple conflicts are found by counting (a minimum above
its maximum or above the number of candidates who have the value, minimums of one attribute
adding up to more than the places, maximums leaving too few selectable, too many pinned), and any
other infeasibility by a deletion filter that drops quota bounds and pins one at a time while the
rest stays infeasible, leaving a minimal conflicting set.

The waiting list ranks everyone out and not pinned out by merit. A freed place goes to the first
on the list whose entry keeps every maximum (see ``next_offer``); while a minimum is short, only
candidates who help meet it qualify, unless nobody on the list does.

Besides the English ``conflicts`` and ``warnings``, a result carries ``notices``: one per conflict,
then one per warning, in the same order. Quotas are named ``attribute=value``. Conflict codes:
``too_many_pinned_in`` (``pinned``, ``places``), ``min_above_max`` (``quota``, ``min``, ``max``),
``min_above_places`` (``quota``, ``min``, ``places``), ``min_above_candidates`` (``quota``, ``min``,
``having``, ``pinned_out`` whether pinned-out candidates were left out), ``max_below_pinned``
(``quota``, ``max``, ``pinned``), ``minimums_exceed_places`` (``attribute``, ``total``, ``places``,
``quotas``: ``[{"quota", "min"}]``), ``maximums_limit_places`` (``attribute``, ``room``, ``places``,
``quotas``: ``[{"quota", "max"}]``), ``minimal_conflict`` (``places``, ``constraints``: a list of
``{"kind": "min"|"max", "quota", "bound"}`` or ``{"kind": "in"|"out", "candidate"}``). Warning
codes: ``fewer_candidates`` (``available``, ``places``), ``time_limit_none``,
``time_limit_not_optimal``.
"""

import math
import numbers
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .notices import Notice

OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN = "optimal", "feasible", "infeasible", "unknown"


@dataclass(frozen=True)
class Candidate:
    id: Hashable
    merit: float
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Quota:
    attribute: str
    value: str
    min: int | None = None
    max: int | None = None

    @property
    def name(self) -> str:
        return f"{self.attribute}={self.value}"


@dataclass(frozen=True)
class SelectionProblem:
    candidates: Sequence[Candidate]
    places: int
    quotas: Sequence[Quota] = ()
    pinned_in: Collection[Hashable] = ()
    pinned_out: Collection[Hashable] = ()


@dataclass(frozen=True)
class Reason:
    """Why a candidate is in or out: a stable ``code``, a sentence, and the quotas involved.

    Codes: pinned_in, merit, minimum, replacement (in); pinned_out, maximum, displaced,
    quotas (both of the last two), below_cutoff (out).
    """

    code: str
    text: str
    quotas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Binding:
    """A quota at its bound; ``cost`` is the merit the selection would gain without that bound."""

    quota: str
    side: str
    bound: int
    cost: float | None


@dataclass(frozen=True)
class SelectionResult:
    status: str
    selected: tuple[Hashable, ...]
    waiting_list: tuple[Hashable, ...]
    objective: float | None
    explanations: dict[Hashable, Reason]
    binding: tuple[Binding, ...]
    conflicts: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # One per conflict, then one per warning, in the same order (see the module's docstring).
    notices: tuple[Notice, ...] = ()


class _Instance:
    """The problem as arrays; constraints are ("min"|"max", quota index) or ("in"|"out", candidate)."""

    def __init__(self, problem: SelectionProblem):
        self.problem = problem
        self.ids = [c.id for c in problem.candidates]
        self.n = len(self.ids)
        self.merit = np.array([float(c.merit) for c in problem.candidates])
        self.order = np.array(sorted(range(self.n), key=lambda i: (-self.merit[i], i)), dtype=int)
        self.rank = np.empty(self.n, dtype=int)
        self.rank[self.order] = np.arange(self.n)
        self.quotas = list(problem.quotas)
        self.members = np.array(
            [[c.attributes.get(q.attribute) == q.value for c in problem.candidates] for q in self.quotas],
            dtype=bool,
        ).reshape(len(self.quotas), self.n)
        index = {cid: i for i, cid in enumerate(self.ids)}
        self.pin_in = np.zeros(self.n, dtype=bool)
        self.pin_in[[index[c] for c in problem.pinned_in]] = True
        self.pin_out = np.zeros(self.n, dtype=bool)
        self.pin_out[[index[c] for c in problem.pinned_out]] = True
        self.available = int((~self.pin_out).sum())
        self.places = min(problem.places, self.available)

    def constraints(self) -> list[tuple[str, int]]:
        bounds = [(side, q) for q, quota in enumerate(self.quotas) for side in ("min", "max")]
        bounds = [(side, q) for side, q in bounds if getattr(self.quotas[q], side) is not None]
        pins = [("in", int(i)) for i in np.flatnonzero(self.pin_in)]
        pins += [("out", int(i)) for i in np.flatnonzero(self.pin_out)]
        return bounds + pins

    def describe(self, constraint: tuple[str, int]) -> str:
        kind, k = constraint
        if kind in ("min", "max"):
            return f"{kind} {getattr(self.quotas[k], kind)} for {self.quotas[k].name}"
        return f"pinned {kind}: {self.ids[k]}"

    def structured(self, constraint: tuple[str, int]) -> dict:
        kind, k = constraint
        if kind in ("min", "max"):
            return {"kind": kind, "quota": self.quotas[k].name, "bound": getattr(self.quotas[k], kind)}
        return {"kind": kind, "candidate": self.ids[k]}

    def solve(self, constraints, objective, *, extra=(), time_limit=None) -> tuple[str, np.ndarray | None]:
        lower, upper = np.zeros(self.n), np.ones(self.n)
        q_low = np.zeros(len(self.quotas))
        q_high = np.full(len(self.quotas), np.inf)
        for kind, k in constraints:
            if kind == "in":
                lower[k] = 1
            elif kind == "out":
                upper[k] = 0
            elif kind == "min":
                q_low[k] = self.quotas[k].min
            else:
                q_high[k] = self.quotas[k].max
        rows = [LinearConstraint(np.ones((1, self.n)), self.places, self.places), *extra]
        if self.quotas:
            rows.append(LinearConstraint(sparse.csr_array(self.members.astype(float)), q_low, q_high))
        # Presolve probes every binary and costs ~10x the solve here (11 rows); the LP bound is already tight.
        options = {"mip_rel_gap": 0.0, "presolve": False} | ({"time_limit": time_limit} if time_limit else {})
        result = milp(
            -objective,
            integrality=np.ones(self.n),
            bounds=Bounds(lower, upper),
            constraints=rows,
            options=options,
        )
        if result.status == 2:
            return INFEASIBLE, None
        if result.x is None:
            if result.status == 1:
                return UNKNOWN, None
            raise RuntimeError(f"the selection solver failed: {result.message}")
        return (OPTIMAL if result.status == 0 else FEASIBLE), np.round(result.x).astype(bool)


def solve_selection(
    *, problem: SelectionProblem, time_limit: float | None = None, binding_costs: bool = True
) -> SelectionResult:
    """Solve ``problem``; infeasible quotas come back by name, bad input raises ``ValueError``."""
    _validate(problem)
    inst = _Instance(problem)
    warnings = []
    if inst.places < problem.places:
        warnings.append(
            (
                f"only {inst.available} candidates can be selected for {problem.places} places; "
                "the selection takes all of them",
                Notice("fewer_candidates", {"available": inst.available, "places": problem.places}),
            )
        )

    def stopped(status, conflicts=()):
        found = list(conflicts) + warnings
        texts = tuple(text for text, _ in conflicts), tuple(text for text, _ in warnings)
        return SelectionResult(
            status, (), (), None, {}, (), *texts, notices=tuple(notice for _, notice in found)
        )

    conflicts = _simple_conflicts(inst)
    if conflicts:
        return stopped(INFEASIBLE, conflicts)
    constraints = inst.constraints()
    status, x = inst.solve(constraints, inst.merit, time_limit=time_limit)
    if status == INFEASIBLE:
        return stopped(INFEASIBLE, [_minimal_conflict(inst, constraints, time_limit)])
    if status == UNKNOWN:
        warnings.append(("the time limit ran out before any selection was found", Notice("time_limit_none")))
        return stopped(UNKNOWN)
    if status == FEASIBLE:
        warnings.append(
            (
                "the time limit ran out before the selection was proven optimal",
                Notice("time_limit_not_optimal"),
            )
        )
    x = _break_ties(inst, constraints, x, time_limit)
    objective = float(inst.merit @ x)
    binding = _binding(inst, constraints, x, objective if binding_costs and status == OPTIMAL else None)
    selected = [i for i in inst.order if x[i]]
    waiting = [i for i in inst.order if not x[i] and not inst.pin_out[i]]
    return SelectionResult(
        status=status,
        selected=tuple(inst.ids[i] for i in selected),
        waiting_list=tuple(inst.ids[i] for i in waiting),
        objective=objective,
        explanations=_explanations(inst, x),
        binding=binding,
        warnings=tuple(text for text, _ in warnings),
        notices=tuple(notice for _, notice in warnings),
    )


def _break_ties(inst: _Instance, constraints, x: np.ndarray, time_limit) -> np.ndarray:
    free = ~inst.pin_in & ~inst.pin_out
    if len(np.unique(inst.merit[free])) == int(free.sum()):
        return x
    best = float(inst.merit @ x)
    tolerance = 1e-9 * max(1.0, float(np.abs(inst.merit).sum()))
    keep_merit = LinearConstraint(inst.merit.reshape(1, -1), best - tolerance, np.inf)
    preference = (inst.n - inst.rank).astype(float)
    _, tied = inst.solve(constraints, preference, extra=[keep_merit], time_limit=time_limit)
    if tied is None or float(inst.merit @ tied) < best - tolerance:
        return x
    return tied


def _binding(inst: _Instance, constraints, x: np.ndarray, objective: float | None) -> tuple[Binding, ...]:
    counts = inst.members @ x.astype(int) if inst.quotas else np.zeros(0, dtype=int)
    found = []
    for constraint in constraints:
        side, q = constraint
        if side not in ("min", "max"):
            continue
        bound = getattr(inst.quotas[q], side)
        if counts[q] != bound or (side == "min" and bound == 0):
            continue
        cost = None
        if objective is not None:
            relaxed = [c for c in constraints if c != constraint]
            status, better = inst.solve(relaxed, inst.merit)
            cost = max(0.0, float(inst.merit @ better) - objective) if status == OPTIMAL else None
        found.append(Binding(inst.quotas[q].name, side, bound, cost))
    return tuple(found)


def _explanations(inst: _Instance, x: np.ndarray) -> dict[Hashable, Reason]:
    members, free = inst.members, ~inst.pin_in & ~inst.pin_out
    counts = members @ x.astype(int)
    at_min = np.array(
        [q.min is not None and q.min > 0 and counts[k] == q.min for k, q in enumerate(inst.quotas)]
    )
    at_max = np.array([q.max is not None and counts[k] == q.max for k, q in enumerate(inst.quotas)])
    at_min, at_max = at_min.reshape(-1, 1).astype(bool), at_max.reshape(-1, 1).astype(bool)
    # What merit alone would choose, pins kept: the yardstick for "in on merit".
    on_merit = inst.pin_in.copy()
    on_merit[[i for i in inst.order if free[i]][: max(0, inst.places - int(inst.pin_in.sum()))]] = True
    passed_over = on_merit & ~x
    movable = x & free
    # Selected movable candidates ordered by rank: those an out candidate could swap with.
    movable_by_rank = [i for i in inst.order if movable[i]]

    def names(mask) -> tuple[str, ...]:
        return tuple(inst.quotas[k].name for k in np.flatnonzero(mask))

    reasons = {}
    for i in inst.order:
        if inst.pin_in[i]:
            reason = Reason("pinned_in", "in: pinned in by the operator")
        elif inst.pin_out[i]:
            reason = Reason("pinned_out", "out: pinned out by the operator")
        elif x[i] and on_merit[i]:
            reason = Reason("merit", "in on merit")
        elif x[i]:
            needed = names(at_min[:, 0] & members[:, i])
            if needed:
                reason = Reason("minimum", f"in to meet the minimum for {', '.join(needed)}", needed)
            elif capped := names(at_max[:, 0] & members[:, passed_over].any(axis=1)):
                text = "in: takes a place that higher-ranked candidates cannot, because of the maximum for "
                reason = Reason("replacement", text + ", ".join(capped), capped)
            else:
                reason = Reason("merit", "in on merit among the candidates the quotas allow")
        else:
            reason = _why_out(inst, i, movable_by_rank, at_min, at_max, names)
        reasons[inst.ids[i]] = reason
    return reasons


def _why_out(inst: _Instance, i: int, movable_by_rank: list[int], at_min, at_max, names) -> Reason:
    if not movable_by_rank or inst.rank[i] > inst.rank[movable_by_rank[-1]]:
        return Reason("below_cutoff", "out: below the cut-off")
    below = [j for j in movable_by_rank if inst.rank[j] > inst.rank[i]]
    # Swapping i for a lower-ranked j is blocked by a full maximum i has and j lacks, or by a
    # minimum at its bound that j has and i lacks; optimality means every such swap is blocked.
    has_i, has_j = inst.members[:, [i]], inst.members[:, below]
    by_max, by_min = at_max & has_i & ~has_j, at_min & has_j & ~has_i
    if not (by_max | by_min).any(axis=0).all():
        return Reason("below_cutoff", "out: below the cut-off")
    maxima, minima = names(by_max.any(axis=1)), names(by_min.any(axis=1))
    exceed = f"would exceed the maximum for {', '.join(maxima)}"
    needed = f"the selected candidates ranked below are needed for the minimum for {', '.join(minima)}"
    if by_max.any(axis=0).all():
        return Reason("maximum", f"out: {exceed}", maxima)
    if not maxima:
        return Reason("displaced", f"out: {needed}", minima)
    return Reason("quotas", f"out: {exceed}, and {needed}", maxima + minima)


def _simple_conflicts(inst: _Instance) -> list[tuple[str, Notice]]:
    problem, places, available = inst.problem, inst.places, ~inst.pin_out
    conflicts = []
    pinned_in = int(inst.pin_in.sum())
    if pinned_in > problem.places:
        conflicts.append(
            (
                f"{pinned_in} candidates are pinned in but there are only {problem.places} places",
                Notice("too_many_pinned_in", {"pinned": pinned_in, "places": problem.places}),
            )
        )
    for k, q in enumerate(inst.quotas):
        having, pinned = int((inst.members[k] & available).sum()), int((inst.members[k] & inst.pin_in).sum())
        if q.min is not None and q.max is not None and q.min > q.max:
            conflicts.append(
                (
                    f"min {q.min} is above max {q.max} for {q.name}",
                    Notice("min_above_max", {"quota": q.name, "min": q.min, "max": q.max}),
                )
            )
        if q.min is not None and q.min > places:
            conflicts.append(
                (
                    f"min {q.min} for {q.name} but only {places} places",
                    Notice("min_above_places", {"quota": q.name, "min": q.min, "places": places}),
                )
            )
        elif q.min is not None and q.min > having:
            one = having == 1
            left_out = having < inst.members[k].sum()
            aside = f" who {'is' if one else 'are'} not pinned out" if left_out else ""
            who = f"{having} candidate{'' if one else 's'}{aside} {'has' if one else 'have'}"
            params = {"quota": q.name, "min": q.min, "having": having, "pinned_out": bool(left_out)}
            conflicts.append(
                (f"min {q.min} for {q.name} but only {who} it", Notice("min_above_candidates", params))
            )
        if q.max is not None and pinned > q.max:
            conflicts.append(
                (
                    f"max {q.max} for {q.name} but {pinned} pinned-in candidates have it",
                    Notice("max_below_pinned", {"quota": q.name, "max": q.max, "pinned": pinned}),
                )
            )
    for attribute in dict.fromkeys(q.attribute for q in inst.quotas):
        own = [(k, q) for k, q in enumerate(inst.quotas) if q.attribute == attribute]
        minimums = [q for _, q in own if q.min]
        if sum(q.min for q in minimums) > places:
            listed = ", ".join(f"min {q.min} for {q.name}" for q in minimums)
            total = sum(q.min for q in minimums)
            params = {
                "attribute": attribute,
                "total": total,
                "places": places,
                "quotas": [{"quota": q.name, "min": q.min} for q in minimums],
            }
            conflicts.append(
                (
                    f"minimums for {attribute} add up to {total} ({listed}), more than the {places} places",
                    Notice("minimums_exceed_places", params),
                )
            )
        capped = [(k, q) for k, q in own if q.max is not None]
        room = int(available.sum()) - sum(
            max(0, int((inst.members[k] & available).sum()) - q.max) for k, q in capped
        )
        if capped and room < places:
            listed = ", ".join(f"max {q.max} for {q.name}" for _, q in capped)
            params = {
                "attribute": attribute,
                "room": room,
                "places": places,
                "quotas": [{"quota": q.name, "max": q.max} for _, q in capped],
            }
            conflicts.append(
                (
                    f"maximums for {attribute} ({listed}) allow at most {room} of the {places} places",
                    Notice("maximums_limit_places", params),
                )
            )
    return conflicts


def _minimal_conflict(inst: _Instance, constraints, time_limit) -> tuple[str, Notice]:
    core = list(constraints)
    zero = np.zeros(inst.n)
    for constraint in list(core):
        trial = [c for c in core if c != constraint]
        if inst.solve(trial, zero, time_limit=time_limit)[0] == INFEASIBLE:
            core = trial
    listed = "; ".join(inst.describe(c) for c in core)
    params = {"places": inst.places, "constraints": [inst.structured(c) for c in core]}
    return (
        f"no selection of {inst.places} meets all of these together: {listed}",
        Notice("minimal_conflict", params),
    )


def next_offer(
    *, problem: SelectionProblem, holding: Collection[Hashable], waiting_list: Sequence[Hashable]
) -> Hashable | None:
    """Who is offered a freed place: the first on ``waiting_list`` (not holding one) whose entry
    exceeds no maximum given who holds places now; while a minimum is short, the first who also
    helps meet it, if anyone on the list does. ``None`` when nobody fits."""
    by_id = {c.id: c for c in problem.candidates}
    holders = [by_id[h] for h in holding]
    counts = {q: sum(1 for c in holders if c.attributes.get(q.attribute) == q.value) for q in problem.quotas}
    short = [q for q in problem.quotas if q.min is not None and counts[q] < q.min]
    fitting = [
        c
        for c in (by_id[w] for w in waiting_list if w not in set(holding))
        if all(q.max is None or counts[q] < q.max or c.attributes.get(q.attribute) != q.value for q in counts)
    ]
    helping = [c for c in fitting if any(c.attributes.get(q.attribute) == q.value for q in short)]
    chosen = helping or fitting
    return chosen[0].id if chosen else None


def _validate(problem: SelectionProblem) -> None:
    if not isinstance(problem, SelectionProblem):
        raise ValueError("problem must be a SelectionProblem")
    if not _is_count(problem.places):
        raise ValueError(f"places must be a whole number ≥ 0, not {problem.places!r}")
    if not problem.candidates:
        raise ValueError("no candidates to select from")
    seen = set()
    for position, c in enumerate(problem.candidates):
        if not isinstance(c, Candidate):
            raise ValueError(f"candidate {position} is a {type(c).__name__}, not a Candidate")
        if c.id is None or isinstance(c.id, bool) or not isinstance(c.id, str | int) or c.id == "":
            raise ValueError(f"candidate {position}: id must be a non-empty string or an integer")
        if c.id in seen:
            raise ValueError(f"candidate {c.id} appears twice")
        seen.add(c.id)
        if not (
            isinstance(c.merit, numbers.Real) and not isinstance(c.merit, bool) and math.isfinite(c.merit)
        ):
            raise ValueError(f"candidate {c.id}: merit {c.merit!r} is not a finite number")
        if not isinstance(c.attributes, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in c.attributes.items()
        ):
            raise ValueError(f"candidate {c.id}: attributes must map strings to strings")
    named = set()
    for q in problem.quotas:
        if not isinstance(q, Quota) or not (isinstance(q.attribute, str) and isinstance(q.value, str)):
            raise ValueError(f"{q!r} is not a Quota on a string attribute and value")
        if q.min is None and q.max is None:
            raise ValueError(f"quota {q.name} has neither a min nor a max")
        if not all(bound is None or _is_count(bound) for bound in (q.min, q.max)):
            raise ValueError(f"quota {q.name}: min and max must be whole numbers ≥ 0")
        if q.name in named:
            raise ValueError(f"two quotas for {q.name}")
        named.add(q.name)
    for label, pins in (("pinned_in", problem.pinned_in), ("pinned_out", problem.pinned_out)):
        if isinstance(pins, str):
            raise ValueError(f"{label} must be a collection of ids, not one string")
        if not all(isinstance(p, str | int) and not isinstance(p, bool) for p in pins):
            raise ValueError(f"{label} must list candidate ids")
        unknown = [p for p in pins if p not in seen]
        if unknown:
            raise ValueError(f"{label} names unknown candidates: {', '.join(map(str, unknown))}")
    both = set(problem.pinned_in) & set(problem.pinned_out)
    if both:
        raise ValueError(f"pinned both in and out: {', '.join(map(str, sorted(both, key=str)))}")


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def solve_json(data: dict, **options) -> dict:
    """Select from a JSON instance (see docs/solvers.md, "Selection with quotas").

    In: ``{"places": 30, "candidates": [{"id": "a1", "merit": 4.2, "attributes": {"field":
    "digital"}}], "quotas": [{"attribute": "field", "value": "digital", "min": 5, "max": 12}],
    "pinned_in": [], "pinned_out": []}``. Options ``time_limit`` (seconds) and ``binding_costs``
    override the instance's keys of the same names.
    """
    if not isinstance(data, dict):
        raise ValueError("the instance must be a JSON object")
    for key, kind in (("candidates", list), ("quotas", list), ("pinned_in", list), ("pinned_out", list)):
        if not isinstance(data.get(key, []), kind):
            raise ValueError(f'"{key}" must be a list')
    for key in ("places", "candidates"):
        if key not in data:
            raise ValueError(f'the instance lacks "{key}"')
    candidates = [
        Candidate(item["id"], item["merit"], item.get("attributes", {}))
        for item in _objects(data["candidates"], "candidates", ("id", "merit"))
    ]
    quotas = [
        Quota(item["attribute"], item["value"], item.get("min"), item.get("max"))
        for item in _objects(data.get("quotas", []), "quotas", ("attribute", "value"))
    ]
    problem = SelectionProblem(
        candidates,
        data["places"],
        quotas,
        tuple(data.get("pinned_in", ())),
        tuple(data.get("pinned_out", ())),
    )
    result = solve_selection(
        problem=problem,
        time_limit=options.get("time_limit", data.get("time_limit")),
        binding_costs=options.get("binding_costs", data.get("binding_costs", True)),
    )
    return {
        "status": result.status,
        "objective": result.objective,
        "selected": list(result.selected),
        "waiting_list": list(result.waiting_list),
        "explanations": {
            cid: {"code": r.code, "text": r.text, "quotas": list(r.quotas)}
            for cid, r in result.explanations.items()
        },
        "binding": [
            {"quota": b.quota, "side": b.side, "bound": b.bound, "cost": b.cost} for b in result.binding
        ],
        "conflicts": list(result.conflicts),
        "warnings": list(result.warnings),
    }


def _objects(items: list, label: str, required: tuple[str, ...]) -> list[dict]:
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            raise ValueError(f"{label}[{position}] must be an object")
        missing = [key for key in required if key not in item]
        if missing:
            raise ValueError(f"{label}[{position}] lacks {', '.join(repr(k) for k in missing)}")
    return items
