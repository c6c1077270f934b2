"""``solve``: validate, check the no-isolation rule, run the greedy, search with CP-SAT, report."""

import time

from .evaluation import score_teams, teams_of
from .greedy import greedy_plan
from .isolation import isolation_groups, relax_impossible, relaxed, unavoidable
from .problem import TeamProblem, validate
from .result import Evaluation, Finding, TeamResult
from .scoring import SCORE_MAX, Scorer
from .search import Outcome, search

GREEDY_RESTARTS = 8
_LEAST_SOLVER_SHARE = 0.1  # of time_limit, for CP-SAT however long the greedy took


def solve(
    problem: TeamProblem, *, time_limit: float = 10.0, workers: int = 8, random_seed: int = 0
) -> TeamResult:
    """Form teams that maximise the worst team's score, then the mean over people of their team's
    score (docs/solvers.md, "Team formation"). ``time_limit`` bounds the whole call in seconds,
    CP-SAT getting what the greedy leaves (at least a tenth).

    Raises TeamProblemError (a ValueError) when the problem is malformed or its sizes cannot work.
    """
    began = time.perf_counter()
    validate(problem)
    if isinstance(time_limit, bool) or not isinstance(time_limit, int | float) or not time_limit > 0:
        raise ValueError(f"time_limit must be a positive number of seconds, not {time_limit!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number >= 1, not {workers!r}")
    scorer = Scorer(problem)
    groups = isolation_groups(problem)
    notes = unavoidable(problem, groups)
    groups, relaxations = relax_impossible(problem, groups)
    notes += relaxations
    start = greedy_plan(problem, scorer, groups, random_seed=random_seed, restarts=GREEDY_RESTARTS)
    greedy = score_teams(problem, scorer, teams_of(problem, start))

    def run(groups) -> Outcome:
        left = max(time_limit - (time.perf_counter() - began), _LEAST_SOLVER_SHARE * time_limit)
        return search(
            problem, scorer, groups, start, time_limit=left, workers=workers, random_seed=random_seed
        )

    outcome = run(groups)
    if _infeasible(outcome) and not all(group.relaxed for group in groups):
        names = [group.name for group in groups if not group.relaxed]
        notes.append(
            Finding(
                code="isolation_relaxed_together",
                detail=(
                    f"no team plan keeps everyone with a peer by {', '.join(names)} at once; the teams "
                    "leave as few people isolated as they can"
                ),
                fields={"attributes": names},
            )
        )
        groups = [relaxed(group) for group in groups]
        outcome = run(groups)
    return _result(problem, scorer, groups, outcome, greedy, notes, began)


def _infeasible(outcome: Outcome) -> bool:
    return any(phase.status == "infeasible" for phase in outcome.phases.values())


def _result(problem, scorer, groups, outcome: Outcome, greedy: Evaluation, notes, began) -> TeamResult:
    found = None
    if outcome.plan is not None:  # teams by option, then by their first member
        found = score_teams(problem, scorer, teams_of(problem, sorted(outcome.plan)))
    status = "optimal" if all(phase.status == "optimal" for phase in outcome.phases.values()) else "feasible"
    if found is None or _rank(greedy, groups) < _rank(found, groups):
        strict = {group.name for group in groups if not group.relaxed}
        if _isolated(greedy, strict):
            status = "infeasible" if _infeasible(outcome) else "unknown"
            found = None
        else:
            status = "feasible"
            found = greedy
            notes.append(
                Finding(
                    code="greedy_plan",
                    detail="CP-SAT found no better plan within the time limit: the greedy plan is given",
                )
            )
    worst, total = outcome.phases.get("worst"), outcome.phases.get("total")
    bound = worst.bound if worst is not None else None
    mean_bound = None
    if total is not None and total.bound is not None:
        mean_bound = min(SCORE_MAX, total.bound / (scorer.denominator(1) * len(problem.people)))
    return TeamResult(
        status=status,
        teams=found.teams if found is not None else (),
        worst=found.worst if found is not None else None,
        bound=bound,
        gap=(bound - found.worst) / max(1, bound) if bound is not None and found is not None else None,
        mean=found.mean if found is not None else None,
        mean_bound=mean_bound,
        seconds=time.perf_counter() - began,
        greedy_worst=greedy.worst,
        greedy_mean=greedy.mean,
        violations=found.violations if found is not None else (),
        notes=tuple(notes),
    )


def _rank(evaluation: Evaluation, groups) -> tuple:
    """Lower is better: isolated people the rule could avoid, then the worst and the mean score."""
    return len(_isolated(evaluation, {group.name for group in groups})), -evaluation.worst, -evaluation.mean


def _isolated(evaluation: Evaluation, names: set[str]) -> list:
    return [
        violation
        for violation in evaluation.violations
        if violation.code == "isolated"
        and violation.fields["attribute"] in names
        and not violation.fields["unavoidable"]
    ]
