"""Optimal reviewer assignment.

Each application gets exactly k reviewers, each reviewer's load stays between their minimum and
maximum, conflicts (explicit or a shared organisation) and forbidden pairs are never assigned,
pinned pairs always are, and the total affinity is as large as possible. The problem is a
min-cost flow with lower bounds, solved exactly in one pass; "at most one reviewer from the same
organisation per application" breaks the flow structure and is solved as an integer program.
docs/solvers.md explains the model, the bound and the formats.

Besides its English ``message``, a result carries ``notices`` (one per reason, same order) with
these codes and params (ids as given; lists of ids are complete):

- ``pinned_conflict``, ``pinned_forbidden``: ``pairs`` (``[application, reviewer]`` lists);
- ``too_many_pinned_reviewers``: ``applications``, ``k``; ``too_many_pinned_pairs``: ``reviewers``;
- ``capacity``: ``needed``, ``capacity``, ``missing``;
- ``min_loads_too_high``: ``minimum``, ``needed``, ``excess``;
- ``pinned_same_organisation``: ``applications``;
- ``too_few_eligible``: ``applications``, ``k``, ``missing``, ``distinct_organisations`` (bool);
- ``min_load_unreachable``: ``reviewers``, ``missing``;
- ``bottleneck``: ``placed``, ``total``, ``missing``, ``applications`` (may be empty);
- ``min_loads_unmet``: ``missing``; ``constraints_together``, ``organisation_infeasible``: none;
- ``time_limit``: ``time_limit`` (seconds), ``detail`` (the MIP solver's own words);
- ``greedy_short``: ``unassigned``, ``deficit``; ``greedy``: none;
- ``assigned``: ``optimal`` (bool), ``reviews``, ``applications``, ``slack`` (bound - objective).
"""

import math
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from operator import itemgetter
from typing import Any, Literal

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .notices import Notice

Status = Literal["optimal", "feasible", "infeasible"]
Pair = tuple[Hashable, Hashable]

# A result is "optimal" when (bound - objective) / max(1, |bound|) is at most this.
OPTIMALITY_TOLERANCE = 1e-6
# Largest scaled integer cost; the solver multiplies costs by (nodes + 1) internally, so the
# scale is also capped by the int64 range (see _cost_scale).
_MAX_SCALED_COST = 2**40
_NAMED = 5  # how many ids an infeasibility message names before "and N more"


@dataclass(frozen=True, kw_only=True)
class Reviewer:
    id: Hashable
    min_load: int = 0
    max_load: int
    organisation: Hashable | None = None


@dataclass(frozen=True, kw_only=True)
class Application:
    id: Hashable
    organisation: Hashable | None = None


@dataclass(frozen=True, kw_only=True)
class AssignmentProblem:
    """Pairs are ``(application_id, reviewer_id)``; a pair missing from ``affinity`` scores 0."""

    reviews_per_application: int
    reviewers: tuple[Reviewer, ...]
    applications: tuple[Application, ...]
    affinity: Mapping[Pair, float] = field(default_factory=dict)
    conflicts: Collection[Pair] = frozenset()
    pinned: Collection[Pair] = frozenset()
    forbidden: Collection[Pair] = frozenset()


@dataclass(frozen=True, kw_only=True)
class AssignmentResult:
    """``bound`` is a proven upper bound on the best total affinity; ``gap`` is
    ``(bound - objective) / max(1, |bound|)``. Both are None when there is nothing to bound."""

    status: Status
    objective: float | None
    bound: float | None
    gap: float | None
    assignments: tuple[Pair, ...]
    message: str
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class _Indexed:
    """The problem as arrays: rows are applications, columns reviewers."""

    app_ids: list
    rev_ids: list
    k: int
    min_load: np.ndarray
    max_load: np.ndarray
    affinity: np.ndarray  # float64
    eligible: np.ndarray  # bool: neither a conflict nor forbidden (pinned pairs included)
    pinned: np.ndarray  # bool
    conflict: np.ndarray  # bool: explicit or same organisation
    forbidden: np.ndarray  # bool
    rev_org: np.ndarray  # int organisation code, -1 for none

    @property
    def free(self) -> np.ndarray:
        """Pairs the solver chooses among."""
        return self.eligible & ~self.pinned


def solve_assignment(
    problem: AssignmentProblem, *, one_per_organisation: bool = False, time_limit: float = 60.0
) -> AssignmentResult:
    """The assignment of maximum total affinity, or why there is none.

    ``time_limit`` (seconds) applies to the integer program of ``one_per_organisation``; the
    min-cost flow is polynomial and always runs to optimality.
    """
    ix = _index(problem)
    reasons = _static_infeasibility(ix, one_per_organisation=one_per_organisation)
    if reasons:
        return _infeasible(reasons)
    flow = _solve_flow(ix)
    if flow is None:
        return _infeasible(_flow_infeasibility(ix))
    selected, bound = flow
    if one_per_organisation and len(_clashing_applications(ix, selected)):
        return _solve_organisation_program(ix, flow_bound=bound, time_limit=time_limit)
    return _result(ix, selected, bound=bound, proven=True)


def greedy_assignment(problem: AssignmentProblem) -> AssignmentResult:
    """Baseline: pinned pairs, then the highest-affinity eligible pairs while both sides have room.

    Once the reviews still to assign only just cover the reviewers still below their minimum
    load, only those reviewers take more. Being greedy, it can still leave applications short or
    reviewers under their minimum; the status and message say so.
    """
    ix = _index(problem)
    reasons = _static_infeasibility(ix, one_per_organisation=False)
    if reasons:
        return _infeasible(reasons)
    selected = ix.pinned.copy()
    need = (ix.k - selected.sum(axis=1)).tolist()
    load = selected.sum(axis=0).tolist()
    max_load, min_load = ix.max_load.tolist(), ix.min_load.tolist()
    left = sum(need)
    deficit = sum(max(0, low - n) for low, n in zip(min_load, load, strict=True))
    rows, cols = np.nonzero(ix.free)
    order = np.argsort(-ix.affinity[rows, cols], kind="stable")
    for a, r in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if left == 0:
            break
        below = load[r] < min_load[r]
        if need[a] and load[r] < max_load[r] and (below or left > deficit):
            selected[a, r] = True
            need[a] -= 1
            load[r] += 1
            left -= 1
            deficit -= below
    objective = math.fsum(ix.affinity[selected].tolist())
    if left or deficit:
        return AssignmentResult(
            status="infeasible",
            objective=objective,
            bound=None,
            gap=None,
            assignments=_pairs(ix, selected),
            message=f"greedy left {left} reviews unassigned and reviewers {deficit} reviews below "
            "their minimum loads",
            notices=(Notice("greedy_short", {"unassigned": left, "deficit": deficit}),),
        )
    return AssignmentResult(
        status="feasible",
        objective=objective,
        bound=None,
        gap=None,
        assignments=_pairs(ix, selected),
        message="greedy assignment (no optimality claim)",
        notices=(Notice("greedy"),),
    )


# --- Indexing and validation ---------------------------------------------------------------


def _index(problem: AssignmentProblem) -> _Indexed:
    k = problem.reviews_per_application
    if not _is_int(k) or k < 0:
        raise ValueError(f"reviews_per_application must be a non-negative integer, not {k!r}")
    app_ids = [a.id for a in problem.applications]
    rev_ids = [r.id for r in problem.reviewers]
    app_index = _positions(app_ids, "application")
    rev_index = _positions(rev_ids, "reviewer")
    for r in problem.reviewers:
        if not (_is_int(r.min_load) and _is_int(r.max_load) and 0 <= r.min_load <= r.max_load):
            raise ValueError(
                f"reviewer {r.id!r}: loads must be integers with 0 <= min_load <= max_load, "
                f"not {r.min_load!r}..{r.max_load!r}"
            )
    shape = (len(app_ids), len(rev_ids))

    affinity = np.zeros(shape)
    if problem.affinity:
        rows, cols = _pair_positions(problem.affinity.keys(), app_index, rev_index, "affinity")
        values = np.fromiter(problem.affinity.values(), dtype=np.float64, count=len(problem.affinity))
        if not np.isfinite(values).all():
            raise ValueError("affinity scores must be finite numbers")
        affinity[rows, cols] = values

    def mask(pairs: Collection[Pair], what: str) -> np.ndarray:
        matrix = np.zeros(shape, dtype=bool)
        if pairs:
            matrix[_pair_positions(pairs, app_index, rev_index, what)] = True
        return matrix

    organisations: dict[Hashable, int] = {}
    app_org = np.array([_code(organisations, a.organisation) for a in problem.applications], dtype=np.int64)
    rev_org = np.array([_code(organisations, r.organisation) for r in problem.reviewers], dtype=np.int64)
    same_org = (app_org[:, None] == rev_org[None, :]) & (rev_org[None, :] >= 0)
    conflict = mask(problem.conflicts, "conflicts") | same_org
    forbidden = mask(problem.forbidden, "forbidden")
    return _Indexed(
        app_ids=app_ids,
        rev_ids=rev_ids,
        k=k,
        min_load=np.array([r.min_load for r in problem.reviewers], dtype=np.int64),
        max_load=np.array([r.max_load for r in problem.reviewers], dtype=np.int64),
        affinity=affinity,
        eligible=~(conflict | forbidden),
        pinned=mask(problem.pinned, "pinned"),
        conflict=conflict,
        forbidden=forbidden,
        rev_org=rev_org,
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _positions(ids: list, what: str) -> dict[Hashable, int]:
    positions = {identifier: i for i, identifier in enumerate(ids)}
    if len(positions) != len(ids):
        duplicates = sorted({repr(i) for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate {what} ids: {', '.join(duplicates)}")
    return positions


def _pair_positions(pairs, app_index, rev_index, what: str) -> tuple[np.ndarray, np.ndarray]:
    try:
        rows = np.fromiter(map(app_index.__getitem__, map(itemgetter(0), pairs)), dtype=np.int64)
        cols = np.fromiter(map(rev_index.__getitem__, map(itemgetter(1), pairs)), dtype=np.int64)
    except KeyError as missing:
        raise ValueError(f"{what} refers to an unknown application or reviewer {missing.args[0]!r}") from None
    return rows, cols


def _code(codes: dict[Hashable, int], organisation: Hashable | None) -> int:
    if organisation is None:
        return -1
    return codes.setdefault(organisation, len(codes))


# --- Infeasibility ---------------------------------------------------------------------------


def _static_infeasibility(ix: _Indexed, *, one_per_organisation: bool) -> list[tuple[str, Notice]]:
    """Reasons visible without solving anything, most fundamental first."""
    reasons = []
    for what, code, matrix in (
        ("a conflict of interest", "pinned_conflict", ix.conflict),
        ("forbidden", "pinned_forbidden", ix.forbidden),
    ):
        rows, cols = np.nonzero(ix.pinned & matrix)
        if len(rows):
            found = [(ix.app_ids[a], ix.rev_ids[r]) for a, r in zip(rows, cols, strict=True)]
            pairs = [f"({a}, {r})" for a, r in found]
            reasons.append(
                (
                    f"pinned {_names(pairs)} {'is' if len(pairs) == 1 else 'are'} {what}",
                    Notice(code, {"pairs": [[a, r] for a, r in found]}),
                )
            )
    pinned_per_app = ix.pinned.sum(axis=1)
    pinned_per_rev = ix.pinned.sum(axis=0)
    over = np.nonzero(pinned_per_app > ix.k)[0]
    if len(over):
        ids = [ix.app_ids[a] for a in over]
        reasons.append(
            (
                f"{_names(ids)} {_have(over)} more pinned reviewers than {ix.k}",
                Notice("too_many_pinned_reviewers", {"applications": ids, "k": ix.k}),
            )
        )
    over = np.nonzero(pinned_per_rev > ix.max_load)[0]
    if len(over):
        ids = [ix.rev_ids[r] for r in over]
        reasons.append(
            (
                f"{_names(ids)} {_have(over)} more pinned pairs than max_load",
                Notice("too_many_pinned_pairs", {"reviewers": ids}),
            )
        )

    needed = len(ix.app_ids) * ix.k
    capacity = int(ix.max_load.sum())
    if capacity < needed:
        reasons.append(
            (
                f"needs {needed} reviews but reviewers can take at most {capacity} "
                f"({needed - capacity} missing)",
                Notice("capacity", {"needed": needed, "capacity": capacity, "missing": needed - capacity}),
            )
        )
    minimum = int(np.maximum(ix.min_load, pinned_per_rev).sum())
    if minimum > needed:
        reasons.append(
            (
                f"minimum loads add up to {minimum} reviews but only {needed} are needed "
                f"({minimum - needed} too many)",
                Notice(
                    "min_loads_too_high", {"minimum": minimum, "needed": needed, "excess": minimum - needed}
                ),
            )
        )

    available = ix.eligible.sum(axis=1)
    if one_per_organisation:
        available = _distinct_organisations(ix)
        doubled = _clashing_applications(ix, ix.pinned)
        if len(doubled):
            ids = [ix.app_ids[a] for a in doubled]
            reasons.append(
                (
                    f"{_names(ids)} {_have(doubled)} two pinned reviewers from the same organisation",
                    Notice("pinned_same_organisation", {"applications": ids}),
                )
            )
    short = np.nonzero(available < ix.k)[0]
    if len(short):
        missing = int((ix.k - available[short]).sum())
        each = "from distinct organisations " if one_per_organisation else ""
        ids = [ix.app_ids[a] for a in short]
        params = {"applications": ids, "k": ix.k, "missing": missing}
        reasons.append(
            (
                f"{_names(ids)} {_have(short)} fewer than {ix.k} eligible reviewers "
                f"{each}({missing} missing)",
                Notice("too_few_eligible", params | {"distinct_organisations": one_per_organisation}),
            )
        )
    reachable = np.minimum(ix.eligible.sum(axis=0), ix.max_load)
    short = np.nonzero(reachable < ix.min_load)[0]
    if len(short):
        missing = int((ix.min_load[short] - reachable[short]).sum())
        ids = [ix.rev_ids[r] for r in short]
        reasons.append(
            (
                f"{_names(ids)} cannot reach their minimum load "
                f"with the applications they may review ({missing} missing)",
                Notice("min_load_unreachable", {"reviewers": ids, "missing": missing}),
            )
        )
    return reasons


def _distinct_organisations(ix: _Indexed) -> np.ndarray:
    """Per application, how many reviewers it could get with at most one per organisation."""
    no_org = ix.eligible[:, ix.rev_org < 0].sum(axis=1)
    with_org = ix.rev_org >= 0
    if not with_org.any():
        return no_org
    codes = ix.rev_org[with_org]
    columns = np.zeros((ix.eligible.shape[1], codes.max() + 1), dtype=np.int64)
    columns[np.nonzero(with_org)[0], codes] = 1
    per_org = ix.eligible.astype(np.int64) @ columns
    return no_org + (per_org > 0).sum(axis=1)


def _flow_infeasibility(ix: _Indexed) -> list[tuple[str, Notice]]:
    """Why the flow has no solution although every single count adds up: some applications
    compete for too few reviewers, or some minimum loads cannot be met together."""
    free = ix.free
    need = ix.k - ix.pinned.sum(axis=1)
    taken = ix.pinned.sum(axis=0)
    total = int(need.sum())
    placed, source_side = _max_flow(free, need, ix.max_load - taken)
    if placed < total:
        crowded = [ix.app_ids[a] for a in source_side if a < len(ix.app_ids)]
        where = f"; the bottleneck is {_names(crowded)}" if crowded else ""
        params = {"placed": placed, "total": total, "missing": total - placed, "applications": crowded}
        return [
            (
                f"conflicts and maximum loads leave room for only {placed} of the {total} reviews still "
                f"to assign ({total - placed} missing){where}",
                Notice("bottleneck", params),
            )
        ]
    minimum = np.maximum(ix.min_load - taken, 0)
    met, _ = _max_flow(free, need, minimum)
    if met < int(minimum.sum()):
        missing = int(minimum.sum()) - met
        return [
            (
                f"minimum loads cannot all be met with the eligible pairs ({missing} missing)",
                Notice("min_loads_unmet", {"missing": missing}),
            )
        ]
    return [("no assignment satisfies all constraints together", Notice("constraints_together"))]


def _max_flow(free: np.ndarray, need: np.ndarray, capacity: np.ndarray) -> tuple[int, list[int]]:
    """Max flow source → applications (need) → reviewers (free pairs) → sink (capacity); also the
    nodes on the source side of a minimum cut."""
    n_apps, n_revs = free.shape
    source, sink = n_apps + n_revs, n_apps + n_revs + 1
    rows, cols = np.nonzero(free)
    solver = max_flow.SimpleMaxFlow()
    solver.add_arcs_with_capacity(
        rows.astype(np.int32), (n_apps + cols).astype(np.int32), np.ones(len(rows), dtype=np.int64)
    )
    solver.add_arcs_with_capacity(
        np.full(n_apps, source, dtype=np.int32), np.arange(n_apps, dtype=np.int32), need.astype(np.int64)
    )
    solver.add_arcs_with_capacity(
        np.arange(n_apps, n_apps + n_revs, dtype=np.int32),
        np.full(n_revs, sink, dtype=np.int32),
        np.maximum(capacity, 0).astype(np.int64),
    )
    solver.solve(source, sink)
    return solver.optimal_flow(), sorted(solver.get_source_side_min_cut())


def _infeasible(reasons: list[tuple[str, Notice]]) -> AssignmentResult:
    return AssignmentResult(
        status="infeasible",
        objective=None,
        bound=None,
        gap=None,
        assignments=(),
        message="infeasible: " + "; ".join(text for text, _ in reasons),
        notices=tuple(notice for _, notice in reasons),
    )


def _names(items: list) -> str:
    shown = ", ".join(str(i) for i in items[:_NAMED])
    return shown + (f" and {len(items) - _NAMED} more" if len(items) > _NAMED else "")


def _have(items) -> str:
    return "has" if len(items) == 1 else "have"


# --- Min-cost flow ---------------------------------------------------------------------------


def _solve_flow(ix: _Indexed) -> tuple[np.ndarray, Fraction] | None:
    """The optimal selection (pinned pairs included) and a proven upper bound, or None.

    Nodes are applications, reviewers and one sink. Application a supplies its remaining
    k'; reviewer r demands its remaining minimum load m' (the lower bound on its arc to the
    sink, moved into the node demands) and passes up to max' - m' more to the sink, which
    demands the rest. Costs are negated scaled affinities.
    """
    n_apps, n_revs = ix.eligible.shape
    rows, cols = np.nonzero(ix.free)
    affinity = ix.affinity[rows, cols]
    need = ix.k - ix.pinned.sum(axis=1)
    taken = ix.pinned.sum(axis=0)
    upper = ix.max_load - taken
    lower = np.maximum(ix.min_load - taken, 0)
    sink = n_apps + n_revs
    supplies = np.concatenate([need, -lower, [-(need.sum() - lower.sum())]]).astype(np.int64)

    exponent = _cost_scale(affinity, nodes=sink + 1, units=int(need.sum()))
    for _attempt in range(4):
        scale = 2.0**exponent
        scaled = np.rint(affinity * scale).astype(np.int64)
        solver = min_cost_flow.SimpleMinCostFlow()
        arcs = solver.add_arcs_with_capacity_and_unit_cost(
            rows.astype(np.int32),
            (n_apps + cols).astype(np.int32),
            np.ones(len(rows), dtype=np.int64),
            -scaled,
        )
        solver.add_arcs_with_capacity_and_unit_cost(
            np.arange(n_apps, sink, dtype=np.int32),
            np.full(n_revs, sink, dtype=np.int32),
            (upper - lower).astype(np.int64),
            np.zeros(n_revs, dtype=np.int64),
        )
        solver.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
        status = solver.solve()
        if status != solver.BAD_COST_RANGE:
            break
        exponent -= 8
    if status == solver.INFEASIBLE:
        return None
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status.name}")

    selected = ix.pinned.copy()
    chosen = solver.flows(arcs) > 0
    selected[rows[chosen], cols[chosen]] = True
    # Every feasible flow uses exactly `units` free pairs, each worth at most its scaled cost
    # plus the largest rounding error, so the scaled optimum plus that slack bounds the true
    # optimum (and the LP relaxation, which the integral flow optimum equals).
    units = int(need.sum())
    rounding = Fraction(float((affinity - scaled / scale).max())) if units else Fraction(0)
    pinned_value = sum(map(Fraction, ix.affinity[ix.pinned].tolist()), Fraction(0))
    bound = Fraction(-solver.optimal_cost()) / Fraction(2) ** exponent + units * rounding + pinned_value
    return selected, bound


def _cost_scale(affinity: np.ndarray, *, nodes: int, units: int) -> int:
    """The exponent e of the scale 2**e: as fine as the int64 arithmetic of the solver allows."""
    largest = float(np.abs(affinity).max()) if len(affinity) else 0.0
    if largest == 0.0:
        return 0
    limit = min(_MAX_SCALED_COST, np.iinfo(np.int64).max // (4 * (nodes + 1)), 2**62 // max(units, 1))
    exponent = min(math.floor(math.log2(limit) - math.log2(largest)), 900)
    while largest * 2.0**exponent > limit:
        exponent -= 1
    return exponent


# --- One reviewer per organisation per application --------------------------------------------


def _clashing_applications(ix: _Indexed, selected: np.ndarray) -> np.ndarray:
    """Applications with two selected reviewers from the same organisation."""
    rows, cols = np.nonzero(selected)
    orgs = ix.rev_org[cols]
    keep = orgs >= 0
    if not keep.any():
        return np.zeros(0, dtype=np.int64)
    width = int(orgs.max()) + 1
    keys, counts = np.unique(rows[keep] * width + orgs[keep], return_counts=True)
    return np.unique(keys[counts > 1] // width)


def _solve_organisation_program(ix: _Indexed, *, flow_bound: Fraction, time_limit: float) -> AssignmentResult:
    """The flow model plus "sum of x over reviewers of one organisation <= 1" per application,
    as a 0-1 program for HiGHS. The flow optimum, a relaxation, also bounds it."""
    # Imported here: scipy.optimize takes longer to import than most assignments take to solve.
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp

    n_apps, n_revs = ix.eligible.shape
    rows, cols = np.nonzero(ix.free)
    count = len(rows)
    arcs = np.arange(count)
    need = ix.k - ix.pinned.sum(axis=1)
    taken = ix.pinned.sum(axis=0)

    orgs = ix.rev_org[cols]
    grouped = orgs >= 0
    width = int(ix.rev_org.max()) + 1
    groups, group_of = np.unique(rows[grouped] * width + orgs[grouped], return_inverse=True)
    pinned_rows, pinned_cols = np.nonzero(ix.pinned)
    pinned_orgs = ix.rev_org[pinned_cols]
    pinned_keys = pinned_rows[pinned_orgs >= 0] * width + pinned_orgs[pinned_orgs >= 0]
    pinned_in_group = np.isin(groups, pinned_keys).astype(np.int64)

    matrix = sparse.vstack(
        [
            sparse.csr_matrix((np.ones(count), (rows, arcs)), shape=(n_apps, count)),
            sparse.csr_matrix((np.ones(count), (cols, arcs)), shape=(n_revs, count)),
            sparse.csr_matrix(
                (np.ones(int(grouped.sum())), (group_of, arcs[grouped])), shape=(len(groups), count)
            ),
        ],
        format="csr",
    )
    lower = np.concatenate([need, np.maximum(ix.min_load - taken, 0), np.zeros(len(groups))])
    upper = np.concatenate([need, ix.max_load - taken, 1 - pinned_in_group])
    solution = milp(
        -ix.affinity[rows, cols],
        constraints=LinearConstraint(matrix, lower, upper),
        integrality=np.ones(count),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": OPTIMALITY_TOLERANCE / 10, "disp": False},
    )
    if solution.x is None:
        if solution.status == 2:
            return _infeasible(
                [
                    (
                        "no assignment has at most one reviewer per organisation per application",
                        Notice("organisation_infeasible"),
                    )
                ]
            )
        # "infeasible" means "no assignment to apply" to callers; the message says it is unproven.
        return AssignmentResult(
            status="infeasible",
            objective=None,
            bound=float(flow_bound),
            gap=None,
            assignments=(),
            message=f"no assignment found within the time limit of {time_limit:g} s, and none proven "
            f"impossible either: raise the time limit ({solution.message})",
            notices=(Notice("time_limit", {"time_limit": time_limit, "detail": str(solution.message)}),),
        )
    pinned_value = sum(map(Fraction, ix.affinity[ix.pinned].tolist()), Fraction(0))
    bound = flow_bound
    if solution.mip_dual_bound is not None and math.isfinite(solution.mip_dual_bound):
        bound = min(bound, pinned_value - Fraction(solution.mip_dual_bound))
    selected = ix.pinned.copy()
    chosen = solution.x > 0.5
    selected[rows[chosen], cols[chosen]] = True
    return _result(ix, selected, bound=bound, proven=solution.status == 0)


# --- Results ---------------------------------------------------------------------------------


def _result(ix: _Indexed, selected: np.ndarray, *, bound: Fraction, proven: bool) -> AssignmentResult:
    values = ix.affinity[selected].tolist()
    objective = math.fsum(values)
    exact = sum(map(Fraction, values), Fraction(0))
    # HiGHS's dual bound holds up to its tolerances; never report a bound below the objective.
    bound = max(bound, exact)
    bound_float = float(bound)
    if Fraction(bound_float) < bound:
        bound_float = math.nextafter(bound_float, math.inf)
    gap = (bound_float - objective) / max(1.0, abs(bound_float))
    optimal = proven and gap <= OPTIMALITY_TOLERANCE
    return AssignmentResult(
        status="optimal" if optimal else "feasible",
        objective=objective,
        bound=bound_float,
        gap=gap,
        assignments=_pairs(ix, selected),
        message=f"{'optimal' if optimal else 'feasible'}: {len(values)} reviews assigned to "
        f"{len(ix.app_ids)} applications; bound - objective = {bound_float - objective:.3g}",
        notices=(
            Notice(
                "assigned",
                {
                    "optimal": optimal,
                    "reviews": len(values),
                    "applications": len(ix.app_ids),
                    "slack": bound_float - objective,
                },
            ),
        ),
    )


def _pairs(ix: _Indexed, selected: np.ndarray) -> tuple[Pair, ...]:
    rows, cols = np.nonzero(selected)
    return tuple((ix.app_ids[a], ix.rev_ids[r]) for a, r in zip(rows.tolist(), cols.tolist(), strict=True))


# --- JSON ------------------------------------------------------------------------------------


def solve_json(data: Any, *, one_per_organisation: bool = False, time_limit: float = 60.0) -> dict:
    """The command line's ``assign``: an instance as decoded JSON in, the result as JSON out.

    Raises ValueError with a message naming the offending field when the instance is malformed.
    """
    result = solve_assignment(
        problem_from_json(data), one_per_organisation=one_per_organisation, time_limit=time_limit
    )
    return result_to_json(result)


def problem_from_json(data: Any) -> AssignmentProblem:
    if not isinstance(data, dict):
        raise ValueError("the instance must be a JSON object")
    k = _field(data, "reviews_per_application", "the instance")
    reviewers = tuple(
        Reviewer(
            id=_field(item, "id", f"reviewers[{i}]"),
            min_load=_field(item, "min_load", f"reviewers[{i}]", default=0),
            max_load=_field(item, "max_load", f"reviewers[{i}]"),
            organisation=_field(item, "organisation", f"reviewers[{i}]", default=None),
        )
        for i, item in enumerate(_list(data, "reviewers"))
    )
    applications = tuple(
        Application(
            id=_field(item, "id", f"applications[{i}]"),
            organisation=_field(item, "organisation", f"applications[{i}]", default=None),
        )
        for i, item in enumerate(_list(data, "applications"))
    )
    affinity = {}
    for i, item in enumerate(_list(data, "affinity", required=False)):
        score = _field(item, "score", f"affinity[{i}]")
        if not isinstance(score, int | float) or isinstance(score, bool):
            raise ValueError(f"affinity[{i}].score must be a number, not {score!r}")
        pair = _pair(item, f"affinity[{i}]")
        if pair in affinity:
            raise ValueError(f"affinity[{i}] repeats the pair {pair}")
        affinity[pair] = float(score)
    return AssignmentProblem(
        reviews_per_application=k,
        reviewers=reviewers,
        applications=applications,
        affinity=affinity,
        conflicts=_pairs_field(data, "conflicts"),
        pinned=_pairs_field(data, "pinned"),
        forbidden=_pairs_field(data, "forbidden"),
    )


def result_to_json(result: AssignmentResult) -> dict:
    return {
        "status": result.status,
        "objective": result.objective,
        "bound": result.bound,
        "gap": result.gap,
        "message": result.message,
        "assignments": [{"application": a, "reviewer": r} for a, r in result.assignments],
    }


_MISSING = object()


def _field(item: Any, name: str, where: str, *, default: Any = _MISSING) -> Any:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be a JSON object")
    value = item.get(name, default)
    if value is _MISSING:
        raise ValueError(f"{where} is missing the field {name!r}")
    if name in {"id", "application", "reviewer", "organisation"} and isinstance(value, dict | list):
        raise ValueError(f"{where}.{name} must be a string or a number")
    return value


def _list(data: dict, name: str, *, required: bool = True) -> list:
    value = _field(data, name, "the instance", default=_MISSING if required else [])
    if not isinstance(value, list):
        raise ValueError(f"{name!r} must be a list")
    return value


def _pair(item: Any, where: str) -> Pair:
    return (_field(item, "application", where), _field(item, "reviewer", where))


def _pairs_field(data: dict, name: str) -> frozenset[Pair]:
    return frozenset(_pair(item, f"{name}[{i}]") for i, item in enumerate(_list(data, name, required=False)))
