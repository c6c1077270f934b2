"""The CP-SAT model of team formation over slots, with the score's numerator as a linear
expression (docs/solvers.md, "Team formation", gives the formulas).

A *slot* is a possible team: one of an option's copies. Variables: ``x[i][s]`` person i is in
slot s; ``sized[s][k]`` slot s has k members (``used[s]`` their sum); per balanced attribute and
value a deviation, exact under ``sized`` and bounded below by a linear cut valid for every size;
per guarded no-isolation group ``has`` (and ``lone`` where the rule is relaxed).

A team's score is ⌊numerator / denominator⌋ with denominator(k) = k · denominator(1) and the
numerator linear in the size, the points and the deviation (scoring.py), so "score ≥ W" for a
fixed W is the linear constraint numerator - W · denominator(1) · size ≥ 0, which an empty slot
satisfies too (``at_least``).

The model may cover a part of the cohort (``people``) and chosen options (``copies``): the local
search re-plans a few teams at a time with it. Its scores stay those of the whole cohort.
"""

import math

from ortools.sat.python import cp_model

from .isolation import Groups
from .problem import TeamProblem, team_counts
from .scoring import Scorer

Plan = list[tuple[int, list[int]]]  # teams as (option index, member indices)

STATUS = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible", cp_model.INFEASIBLE: "infeasible"}


class TeamModel:
    def __init__(
        self,
        problem: TeamProblem,
        scorer: Scorer,
        groups: list[Groups],
        *,
        people: list[int] | None = None,
        copies: dict[int, int] | None = None,
    ):
        """``people``: the person indices to place (default everyone); ``copies``: the slots per
        option index (default each option's ``max_teams``, at most the most teams there can be)."""
        self.problem, self.scorer, self.groups = problem, scorer, groups
        model = self.model = cp_model.CpModel()
        counts = team_counts(problem)
        whole = people is None
        self.people = list(range(scorer.people)) if whole else people
        if copies is None:
            copies = {j: min(option.max_teams, counts.stop - 1) for j, option in enumerate(problem.options)}
        self.slots = [j for j, n in sorted(copies.items()) for _ in range(n)]
        rows, slots = range(len(self.people)), range(len(self.slots))
        self.x = [[model.new_bool_var(f"x{i}_{s}") for s in slots] for i in self.people]
        for row in self.x:
            model.add_exactly_one(row)
        self.sizes = range(problem.min_size, problem.max_size + 1)
        self.sized = [{k: model.new_bool_var(f"sized{s}_{k}") for k in self.sizes} for s in slots]
        self.used = [model.new_bool_var(f"used{s}") for s in slots]
        self.size = [sum(self.x[r][s] for r in rows) for s in slots]
        for s in slots:
            model.add(sum(self.sized[s].values()) == self.used[s])
            model.add(self.size[s] == sum(k * b for k, b in self.sized[s].items()))
        if whole:  # a part's team count follows from its sizes
            model.add(sum(self.used) >= counts.start)
            model.add(sum(self.used) <= counts.stop - 1)
        for s in slots[1:]:
            if self.slots[s] == self.slots[s - 1]:  # copies of an option: used ones first, largest first
                model.add_implication(self.used[s], self.used[s - 1])
                model.add(self.size[s] <= self.size[s - 1])
        # Per attribute, per value, the rows of the people holding it.
        self.holders = {
            name: self._holders(scorer.value_of[name], len(scorer.values[name])) for name in scorer.attributes
        }
        self.group_holders = [self._holders(group.value_of, len(group.values)) for group in groups]
        self.lone: list[cp_model.IntVar] = []
        # For complete hints: (deviation, slot, attribute, value), (has, lone or None, slot, group, value).
        self.deviation_vars: list[tuple] = []
        self.group_vars: list[tuple] = []
        for s in slots:
            self._isolation(s)
        self.numerators = []
        for s, j in enumerate(self.slots):
            points = sum(
                scorer.points[i][j] * self.x[r][s] for r, i in enumerate(self.people) if scorer.points[i][j]
            )
            self.numerators.append(scorer.numerator(self.size[s], points, self._deviation(s)))

    def _holders(self, value_of: list[int], values: int) -> list[list[int]]:
        holders = [[] for _ in range(values)]
        for r, i in enumerate(self.people):
            holders[value_of[i]].append(r)
        return holders

    def _deviation(self, s: int):
        """The team's deviation summed over the balanced attributes (scoring.py)."""
        model, scorer, n = self.model, self.scorer, self.scorer.people
        deviations = []
        for name in scorer.attributes:
            for v, rows in enumerate(self.holders[name]):
                bands = {k: scorer.band(name, v, k) for k in self.sizes}
                over = [k for k, (_, high) in bands.items() if high < min(len(rows), k)]
                under = [k for k, (low, _) in bands.items() if low > 0]
                if not (over or under):
                    continue
                members = sum(self.x[r][s] for r in rows)
                deviation = model.new_int_var(0, self.problem.max_size, f"dev{s}_{name}_{v}")
                self.deviation_vars.append((deviation, s, name, v))
                for k in over:
                    model.add(deviation >= members - bands[k][1]).only_enforce_if(self.sized[s][k])
                for k in under:
                    model.add(deviation >= bands[k][0] - members).only_enforce_if(self.sized[s][k])
                # ⌈size·c/n⌉ ≤ (size·c + n - 1)/n and ⌊size·c/n⌋ ≥ (size·c - n + 1)/n for any size.
                share = scorer.counts[name][v]
                model.add(n * deviation >= n * members - share * self.size[s] - (n - 1))
                model.add(n * deviation >= share * self.size[s] - n * members - (n - 1))
                deviations.append(deviation)
        return sum(deviations)

    def _isolation(self, s: int) -> None:
        model, high = self.model, self.problem.max_size
        for group, holders in zip(self.groups, self.group_holders, strict=True):
            for v in group.guarded:
                if not holders[v]:
                    continue
                members = sum(self.x[r][s] for r in holders[v])
                has = model.new_bool_var(f"has{s}_{group.name}_{v}")
                model.add(members <= min(len(holders[v]), high) * has)
                lone = None
                if group.relaxed:
                    lone = model.new_bool_var(f"lone{s}_{group.name}_{v}")
                    model.add(members >= 2 * has - lone)
                    self.lone.append(lone)
                else:
                    model.add(members >= 2 * has)
                self.group_vars.append((has, lone, s, group, v))

    # --- Objectives -----------------------------------------------------------------------------

    def at_least(self, model: cp_model.CpModel, worst: int) -> None:
        """Every team of ``model`` (this model or a clone) scores at least ``worst``."""
        unit = self.scorer.denominator(1)
        for numerator, size in zip(self.numerators, self.size, strict=True):
            model.add(numerator - worst * unit * size >= 0)

    def total(self):
        """Σ numerator: denominator(1) times the sum over people of their team's score before
        rounding down."""
        return sum(self.numerators)

    # --- Plans ----------------------------------------------------------------------------------

    def hint(self, model: cp_model.CpModel, plan: Plan) -> None:
        """Hint ``plan`` (teams of this model's people on its options) to ``model``."""
        row = {i: r for r, i in enumerate(self.people)}
        free: dict[int, list[int]] = {}
        for s in reversed(range(len(self.slots))):
            free.setdefault(self.slots[s], []).append(s)
        slot_of = [0] * len(self.people)
        sizes = [0] * len(self.slots)
        for option, members in sorted(plan, key=lambda team: -len(team[1])):
            s = free[option].pop()
            sizes[s] = len(members)
            for i in members:
                slot_of[row[i]] = s
        model.clear_hints()
        for r, xs in enumerate(self.x):
            for s, x in enumerate(xs):
                model.add_hint(x, slot_of[r] == s)
        for s, size in enumerate(sizes):
            model.add_hint(self.used[s], size > 0)
            for k, sized in self.sized[s].items():
                model.add_hint(sized, size == k)
        # The derived variables too: CP-SAT then takes the hint as a solution without searching.
        members = [[] for _ in self.slots]
        for r, s in enumerate(slot_of):
            members[s].append(self.people[r])
        for deviation, s, name, v in self.deviation_vars:
            held = sum(self.scorer.value_of[name][i] == v for i in members[s])
            model.add_hint(deviation, self.scorer.deviation(name, v, held, sizes[s]) if sizes[s] else 0)
        for has, lone, s, group, v in self.group_vars:
            held = sum(group.value_of[i] == v for i in members[s])
            model.add_hint(has, held > 0)
            if lone is not None:
                model.add_hint(lone, held == 1)

    def plan(self, solver: cp_model.CpSolver) -> Plan:
        members: dict[int, list[int]] = {}
        for r, xs in enumerate(self.x):
            s = next(s for s, x in enumerate(xs) if solver.boolean_value(x))
            members.setdefault(s, []).append(self.people[r])
        return [(self.slots[s], people) for s, people in sorted(members.items())]


def run(
    model: cp_model.CpModel, *, time_limit: float, workers: int, random_seed: int
) -> tuple[str, cp_model.CpSolver]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = random_seed
    return STATUS.get(solver.solve(model), "unknown"), solver


def objective_bound(solver: cp_model.CpSolver, *, maximise: bool) -> int | None:
    """CP-SAT's proven bound on the objective as an integer; None if it has none."""
    bound = solver.best_objective_bound
    if not math.isfinite(bound):
        return None
    return math.floor(bound + 1e-6) if maximise else math.ceil(bound - 1e-6)
