"""The solve's phases on the CP-SAT model, each keeping what the previous one reached.

1. **isolated** (only when an attribute is relaxed): fewest people the relaxed rule isolates.
2. **worst**: checks on the whole model asking for every team to score at least W. A plan found
   raises the lower end to its worst score; a proof that there is none lowers the proven bound.
   First a bisection between the two: on a small model with all the phase's time (a check out
   of time sends it lower, looking for plans), on a large one with short checks (one out of time
   sends it higher, towards a bound it can prove). Then checks at one point above the best
   plan's worst and, whenever one runs out of time, a large-neighbourhood search while it
   improves the plan: a team at the worst and one to seven teams it could trade members with
   (more after each run of failures) are re-planned together by CP-SAT so that each ends above
   the worst. The checks' time doubles each round.
3. **total**: the highest sum over people of their team's score before rounding down, every
   team scoring at least the worst found: the whole model for a share of the time, then the
   same neighbourhoods raising the re-planned teams' total.

A plan is better when, in this order, it isolates fewer people (relaxed attributes), has a
higher worst score, fewer teams at the worst (not in phase 3), a higher sum over people of their
team's score. Neither search makes a plan worse.
"""

import random
import time
from collections import Counter
from dataclasses import dataclass

from .isolation import Groups
from .model import Plan, TeamModel, objective_bound, run
from .problem import TeamProblem
from .scoring import SCORE_MAX, Scorer

_ISOLATION_SHARE = 0.25  # of the time, for the isolation phase when there is one
_WORST_SHARE = 0.85  # of the time left then, for the worst-score phase; the rest for the total
# Models of at most this many (person, slot) pairs are small: CP-SAT solves them whole (30 people
# and 8 options: 240; 100 people and 16 options of two teams: 3,200, too large in bench/team_formation.py).
_SMALL_MODEL = 1500
# Of the worst-score phase: the first plan when the greedy's breaks the rule, a large model's
# bisection for a bound and each of its checks, the first check one point above the best worst.
_FIRST_SHARE = 0.5
_BISECTION_SHARE = 0.15
_PROOF_SHARE = 0.04
_CHECK_SHARE = 0.05
_WHOLE_TOTAL_SHARE = 0.3  # of the total-score phase, for the whole model
_STEP_SECONDS = 1.0  # the most one re-planning of a few teams may take
# Teams re-planned together: from the smallest, one more after each run of failures.
_SMALLEST, _LARGEST, _PATIENCE = 2, 8, 8


@dataclass(frozen=True)
class Phase:
    status: str  # optimal, feasible, infeasible or unknown
    objective: int | None
    bound: int | None


@dataclass(frozen=True)
class Outcome:
    plan: Plan | None
    phases: dict[str, Phase]


class _Search:
    def __init__(
        self, problem: TeamProblem, scorer: Scorer, groups: list[Groups], *, workers: int, random_seed: int
    ):
        self.problem, self.scorer, self.groups = problem, scorer, groups
        self.workers, self.random_seed = workers, random_seed
        self.rng = random.Random(random_seed)
        self.whole = TeamModel(problem, scorer, groups)
        self.failures = 0  # re-plannings in a row that found nothing better
        # The worst-score phase's state: the best plan, the proven bound, the checks' statuses.
        self.plan: Plan | None = None
        self.proven = SCORE_MAX
        self.statuses: list[str] = []

    def scores(self, plan: Plan) -> list[int]:
        return [self.scorer.team_score(members, option) for option, members in plan]

    def lone(self, plan: Plan) -> int | None:
        """People isolated by the relaxed attributes; None where the plan breaks a strict one."""
        lone = 0
        for _, members in plan:
            for group in self.groups:
                isolated = group.isolated(members)
                if isolated and not group.relaxed:
                    return None
                lone += isolated
        return lone

    def key(self, plan: Plan, *, total: bool = False) -> tuple[int, ...]:
        """Higher is better (see the module's docstring); with ``total`` the number of teams at
        the worst does not count."""
        scores = self.scores(plan)
        worst = min(scores)
        weighted = sum(len(members) * score for (_, members), score in zip(plan, scores, strict=True))
        if total:
            return -self.lone(plan), worst, weighted
        return -self.lone(plan), worst, -scores.count(worst), weighted

    def _no_more_isolated(self, model, part: TeamModel, plan: Plan) -> None:
        if part.lone:
            model.add(sum(part.lone) <= self.lone(plan))

    # --- Phases ---------------------------------------------------------------------------------

    def isolated(self, start: Plan, time_limit: float) -> tuple[Phase, Plan | None]:
        whole = self.whole
        model = whole.model.clone()
        model.minimize(sum(whole.lone))
        whole.hint(model, start)
        status, solver = run(model, time_limit=time_limit, workers=self.workers, random_seed=self.random_seed)
        if status not in ("optimal", "feasible"):
            return Phase(status, None, None), None
        fewest = round(solver.objective_value)
        whole.model.add(sum(whole.lone) <= fewest)
        return Phase(status, fewest, objective_bound(solver, maximise=False)), whole.plan(solver)

    def worst(self, plan: Plan | None, hint: Plan, time_limit: float) -> tuple[Phase, Plan | None]:
        """The highest worst score: a bisection, then checks one point above the best plan's
        worst and, whenever one runs out of time, the large-neighbourhood search."""
        deadline = time.perf_counter() + time_limit
        self.plan = plan
        if plan is None and self._check(0, hint, time_limit * _FIRST_SHARE) != "feasible":
            status = "infeasible" if "infeasible" in self.statuses else "unknown"
            return Phase(status, None, None), None
        self._bisect(deadline, time_limit)
        limit = time_limit * _CHECK_SHARE
        while self.lower < self.proven and time.perf_counter() < deadline:
            if (
                self._check(self.lower + 1, self.plan, min(limit, deadline - time.perf_counter()))
                != "unknown"
            ):
                continue
            # Re-plan teams while that improves the plan; when it stalls, check again for longer.
            while time.perf_counter() < deadline:
                before = self.plan
                self.plan = self.improve(self.plan, min(deadline, time.perf_counter() + limit))
                if self.plan is before:
                    break
            limit *= 2
        lower = self.lower
        status = "optimal" if lower >= self.proven else "feasible"
        return Phase(status, lower, max(lower, self.proven)), self.plan

    def _bisect(self, deadline: float, time_limit: float) -> None:
        """Bisect between the best plan's worst and the proven bound. A small model gets the
        phase's time, shared among the checks still needed, and looks below a check out of time
        for a plan; a large one gets short checks and looks above it for a bound it can prove."""
        small = len(self.whole.x) * len(self.whole.slots) <= _SMALL_MODEL
        end = deadline if small else time.perf_counter() + time_limit * _BISECTION_SHARE
        low, high = self.lower + 1, self.proven
        while low <= high and time.perf_counter() < end:
            target = (low + high) // 2
            if small:
                limit = (end - time.perf_counter()) / (high - low + 1).bit_length()
            else:
                limit = time_limit * _PROOF_SHARE
            status = self._check(target, self.plan, limit)
            if status == "infeasible" or (status == "unknown" and small):
                high = target - 1
            else:
                low = max(target, self.lower) + 1

    @property
    def lower(self) -> int:
        return min(self.scores(self.plan))

    def _check(self, target: int, hint: Plan, time_limit: float) -> str:
        """Is there a plan whose every team scores at least ``target``? A plan found becomes
        the best when it is better; a proof that there is none lowers the proven bound."""
        model = self.whole.model.clone()
        self.whole.at_least(model, target)
        if self.plan is not None:
            self._no_more_isolated(model, self.whole, self.plan)
        self.whole.hint(model, hint)
        status, solver = run(model, time_limit=time_limit, workers=self.workers, random_seed=self.random_seed)
        self.statuses.append(status)
        if status in ("optimal", "feasible"):
            found = self.whole.plan(solver)
            if self.plan is None or self.key(found) > self.key(self.plan):
                self.plan = found
            return "feasible"
        if status == "infeasible":
            self.proven = min(self.proven, target - 1)
        return status

    def total(self, plan: Plan, worst: int, time_limit: float) -> tuple[Phase, Plan]:
        """The highest total with every team at ``worst`` or above: the whole model for a share of
        the time, then re-planning a few teams at a time when it is not proven."""
        deadline = time.perf_counter() + time_limit
        whole = self.whole
        model = whole.model.clone()
        whole.at_least(model, worst)
        self._no_more_isolated(model, whole, plan)
        model.maximize(whole.total())
        whole.hint(model, plan)
        status, solver = run(
            model,
            time_limit=time_limit * _WHOLE_TOTAL_SHARE,
            workers=self.workers,
            random_seed=self.random_seed,
        )
        bound = None  # CP-SAT's bound means something only once it has found a plan
        if status in ("optimal", "feasible"):
            bound = objective_bound(solver, maximise=True)
            found = whole.plan(solver)
            if self.key(found, total=True) > self.key(plan, total=True):
                plan = found
        if status != "optimal":
            self.failures = 0
            plan = self.improve(plan, deadline, total=True)
            status = "feasible"
        return Phase(status, None, bound), plan

    # --- Large-neighbourhood search -------------------------------------------------------------

    def improve(self, plan: Plan, deadline: float, *, total: bool = False) -> Plan:
        """Re-plan a few teams at a time until ``deadline``, keeping each better plan: raise the
        teams at the worst score, or with ``total`` the sum of scores."""
        key = self.key(plan, total=total)
        while time.perf_counter() < deadline:
            size = min(_SMALLEST + self.failures // _PATIENCE, _LARGEST)
            time_limit = min(_STEP_SECONDS, deadline - time.perf_counter())
            found = self._replan(plan, size, time_limit, total=total)
            if found is not None and self.key(found, total=total) > key:
                plan, key, self.failures = found, self.key(found, total=total), 0
            else:
                self.failures += 1
        return plan

    def _replan(self, plan: Plan, size: int, time_limit: float, *, total: bool) -> Plan | None:
        """Re-plan ``size`` teams: one at the worst score (any with ``total``) and others drawn
        among the teams it could trade members with (their option is ranked by its members, or
        theirs rank its option), else at random. Without ``total`` each of them must end above
        the worst score; with it, stay at or above it and raise their total. Neither may isolate
        more people."""
        scores = self.scores(plan)
        worst = min(scores)
        bottom = [t for t, score in enumerate(scores) if score == worst]
        first = self.rng.randrange(len(plan)) if total else self.rng.choice(bottom)
        chosen = {first}
        points = self.scorer.points
        option, members = plan[first]
        liked = {j for i in members for j, p in enumerate(points[i]) if p}
        related = [
            t
            for t, (j, others) in enumerate(plan)
            if t != first and (j in liked or any(points[i][option] for i in others))
        ]
        chosen.update(self.rng.sample(related, min(len(related), size - 1)))
        others = [t for t in range(len(plan)) if t not in chosen]
        chosen.update(self.rng.sample(others, min(len(others), size - len(chosen))))
        people = sorted(i for t in chosen for i in plan[t][1])
        kept = Counter(plan[t][0] for t in range(len(plan)) if t not in chosen)
        wanted = {plan[t][0] for t in chosen} | {
            j for i in people for j, points in enumerate(self.scorer.points[i]) if points
        }
        copies = {}
        for j in wanted:
            spare = self.problem.options[j].max_teams - kept[j]
            if spare > 0:
                copies[j] = min(spare, len(chosen))
        part = TeamModel(self.problem, self.scorer, self.groups, people=people, copies=copies)
        model = part.model
        current = [plan[t] for t in sorted(chosen)]
        self._no_more_isolated(model, part, current)
        part.at_least(model, worst + (not total))
        if total:
            model.maximize(part.total())
        part.hint(model, current)
        status, solver = run(model, time_limit=time_limit, workers=1, random_seed=self.random_seed)
        if status not in ("optimal", "feasible"):
            return None
        return [plan[t] for t in range(len(plan)) if t not in chosen] + part.plan(solver)


def search(
    problem: TeamProblem,
    scorer: Scorer,
    groups: list[Groups],
    start: Plan,
    *,
    time_limit: float,
    workers: int,
    random_seed: int,
) -> Outcome:
    """Run the phases from ``start`` (the greedy plan) within ``time_limit`` seconds."""
    began = time.perf_counter()
    phases: dict[str, Phase] = {}
    searcher = _Search(problem, scorer, groups, workers=workers, random_seed=random_seed)
    plan, fewest = start, 0
    if searcher.whole.lone:
        phases["isolated"], plan = searcher.isolated(start, time_limit * _ISOLATION_SHARE)
        if plan is None:
            return Outcome(None, phases)
        fewest = phases["isolated"].objective
    lone = searcher.lone(plan)
    valid = plan if lone is not None and lone <= fewest else None
    left = time_limit - (time.perf_counter() - began)
    phases["worst"], plan = searcher.worst(valid, plan, left * _WORST_SHARE)
    if plan is None:
        return Outcome(None, phases)
    left = time_limit - (time.perf_counter() - began)
    phases["total"], plan = searcher.total(plan, phases["worst"].objective, left)
    return Outcome(plan, phases)
