import itertools
import random

import numpy as np
import pytest
from scipy.optimize import linprog

from opencampus.solvers.assignment import (
    Application,
    AssignmentProblem,
    Reviewer,
    greedy_assignment,
    solve_assignment,
)
from opencampus.solvers.notices import Notice


def make_problem(*, k=2, reviewers, applications, **pairs):
    return AssignmentProblem(
        reviews_per_application=k,
        reviewers=tuple(Reviewer(**r) for r in reviewers),
        applications=tuple(Application(**a) for a in applications),
        **pairs,
    )


def violations(problem, assignments, *, one_per_organisation=False):
    """Every constraint the assignment breaks, as readable strings (empty when feasible)."""
    broken = []
    pairs = set(assignments)
    if len(pairs) != len(assignments):
        broken.append("a pair is assigned twice")
    reviewers = {r.id: r for r in problem.reviewers}
    applications = {a.id: a for a in problem.applications}
    for a in applications:
        count = sum(1 for app, _ in pairs if app == a)
        if count != problem.reviews_per_application:
            broken.append(f"{a} has {count} reviewers")
    for r, reviewer in reviewers.items():
        load = sum(1 for _, rev in pairs if rev == r)
        if not reviewer.min_load <= load <= reviewer.max_load:
            broken.append(f"{r} has load {load}")
    for a, r in pairs:
        organisation = applications[a].organisation
        if (a, r) in problem.conflicts or (a, r) in problem.forbidden:
            broken.append(f"{(a, r)} is a conflict or forbidden")
        if organisation is not None and organisation == reviewers[r].organisation:
            broken.append(f"{(a, r)} share an organisation")
    broken += [f"pinned {pair} missing" for pair in problem.pinned if pair not in pairs]
    if one_per_organisation:
        for a in applications:
            orgs = [reviewers[r].organisation for app, r in pairs if app == a]
            orgs = [o for o in orgs if o is not None]
            if len(orgs) != len(set(orgs)):
                broken.append(f"{a} has two reviewers from one organisation")
    return broken


def total(problem, assignments):
    return sum(problem.affinity.get(pair, 0.0) for pair in assignments)


def brute_force(problem, *, one_per_organisation=False):
    """The best total affinity over all assignments, or None when none is feasible."""
    reviewer_ids = [r.id for r in problem.reviewers]
    per_application = [
        [
            [(a.id, r) for r in chosen]
            for chosen in itertools.combinations(reviewer_ids, problem.reviews_per_application)
        ]
        for a in problem.applications
    ]
    best = None
    for choice in itertools.product(*per_application):
        assignments = [pair for group in choice for pair in group]
        if not violations(problem, assignments, one_per_organisation=one_per_organisation):
            value = total(problem, assignments)
            best = value if best is None else max(best, value)
    return best


def random_problem(seed, *, k=2, organisations=(None, None, "o1", "o2"), applicants=None, loads=(1, 2)):
    """4 applications x 4 reviewers; organisations from ``organisations`` (applicants' from
    ``applicants`` when given); max_load >= loads[0] and min_load <= loads[1]."""
    n_apps = n_revs = 4
    rng = random.Random(seed)
    reviewers = []
    for i in range(n_revs):
        max_load = rng.randint(loads[0], n_apps)
        reviewers.append(
            {
                "id": f"r{i}",
                "min_load": rng.randint(0, min(loads[1], max_load)),
                "max_load": max_load,
                "organisation": rng.choice(organisations),
            }
        )
    applications = [
        {"id": f"a{i}", "organisation": rng.choice(applicants or organisations)} for i in range(n_apps)
    ]
    pairs = [(a["id"], r["id"]) for a in applications for r in reviewers]
    affinity = {pair: round(rng.uniform(-0.3, 1.0), 2) for pair in pairs if rng.random() < 0.8}
    return make_problem(
        k=k,
        reviewers=reviewers,
        applications=applications,
        affinity=affinity,
        conflicts={pair for pair in pairs if rng.random() < 0.1},
        pinned={rng.choice(pairs)} if rng.random() < 0.3 else set(),
        forbidden={rng.choice(pairs)} if rng.random() < 0.3 else set(),
    )


@pytest.mark.parametrize("seed", range(60))
def test_solve_assignment_matches_brute_force(seed):
    problem = random_problem(seed)

    result = solve_assignment(problem)

    best = brute_force(problem)
    if best is None:
        assert result.status == "infeasible"
        assert result.assignments == ()
        assert result.message.startswith("infeasible: ")
    else:
        assert result.status == "optimal", result.message
        assert violations(problem, result.assignments) == []
        assert result.objective == pytest.approx(best, abs=1e-9)
        assert result.objective == pytest.approx(total(problem, result.assignments), abs=1e-12)
        assert result.objective <= result.bound <= best + 1e-9
        assert 0 <= result.gap <= 1e-9


@pytest.mark.parametrize("seed", range(60))
def test_solve_assignment_one_per_organisation_matches_brute_force(seed):
    problem = random_problem(
        1000 + seed, organisations=("lab", "lab", "uni", None, None), applicants=(None, "uni"), loads=(2, 0)
    )

    result = solve_assignment(problem, one_per_organisation=True)

    best = brute_force(problem, one_per_organisation=True)
    if best is None:
        assert result.status == "infeasible"
    else:
        assert result.status == "optimal", result.message
        assert violations(problem, result.assignments, one_per_organisation=True) == []
        assert result.objective == pytest.approx(best, abs=1e-9)
        assert result.objective <= result.bound <= best + 1e-6


def lp_optimum(problem):
    """The LP relaxation's optimum, by HiGHS."""
    apps = [a.id for a in problem.applications]
    revs = [r.id for r in problem.reviewers]
    pairs = [(a, r) for a in apps for r in revs if (a, r) not in problem.conflicts]
    equality = np.array([[1.0 if pair[0] == a else 0.0 for pair in pairs] for a in apps])
    loads = np.array([[1.0 if pair[1] == r else 0.0 for pair in pairs] for r in revs])
    result = linprog(
        c=[-problem.affinity.get(pair, 0.0) for pair in pairs],
        A_ub=np.vstack([loads, -loads]),
        b_ub=[r.max_load for r in problem.reviewers] + [-r.min_load for r in problem.reviewers],
        A_eq=equality,
        b_eq=[problem.reviews_per_application] * len(apps),
        bounds=(0, 1),
        method="highs",
    )
    assert result.status == 0
    return -result.fun


def test_solve_assignment_reaches_the_lp_bound_on_a_medium_instance():
    rng = np.random.default_rng(7)
    apps, revs = [f"a{i}" for i in range(60)], [f"r{j}" for j in range(12)]
    problem = make_problem(
        k=3,
        reviewers=[{"id": r, "min_load": 10, "max_load": 20} for r in revs],
        applications=[{"id": a} for a in apps],
        affinity={(a, r): float(rng.random()) for a in apps for r in revs},
        conflicts={(a, r) for a in apps for r in revs if rng.random() < 0.1},
    )

    result = solve_assignment(problem)

    lp = lp_optimum(problem)
    assert result.status == "optimal"
    assert violations(problem, result.assignments) == []
    assert result.objective == pytest.approx(lp, abs=1e-7)
    assert lp - 1e-7 <= result.bound <= lp + 1e-6


def test_solve_assignment_respects_minimum_and_maximum_loads():
    # Everyone prefers r0; the loads force the work to spread.
    problem = make_problem(
        k=1,
        reviewers=[
            {"id": "r0", "max_load": 2},
            {"id": "r1", "min_load": 2, "max_load": 3},
            {"id": "r2", "min_load": 1, "max_load": 1},
        ],
        applications=[{"id": f"a{i}"} for i in range(5)],
        affinity={(f"a{i}", "r0"): 1.0 for i in range(5)},
    )

    result = solve_assignment(problem)

    loads = {r: sum(1 for _, rev in result.assignments if rev == r) for r in ("r0", "r1", "r2")}
    assert loads == {"r0": 2, "r1": 2, "r2": 1}
    assert result.objective == 2.0


def test_solve_assignment_never_assigns_conflicts_or_shared_organisations():
    problem = make_problem(
        k=1,
        reviewers=[{"id": "r0", "max_load": 2, "organisation": "org-a"}, {"id": "r1", "max_load": 2}],
        applications=[{"id": "a0", "organisation": "org-a"}, {"id": "a1"}],
        affinity={("a0", "r0"): 5.0, ("a1", "r1"): 5.0, ("a0", "r1"): 0.1, ("a1", "r0"): 0.1},
        conflicts={("a1", "r1")},
    )

    result = solve_assignment(problem)

    assert set(result.assignments) == {("a0", "r1"), ("a1", "r0")}
    assert result.objective == pytest.approx(0.2)


def test_solve_assignment_honours_pinned_and_forbidden_pairs():
    problem = make_problem(
        k=1,
        reviewers=[{"id": "r0", "max_load": 2}, {"id": "r1", "max_load": 2}],
        applications=[{"id": "a0"}, {"id": "a1"}],
        affinity={("a0", "r0"): 1.0, ("a0", "r1"): -1.0, ("a1", "r0"): 1.0, ("a1", "r1"): 0.0},
        pinned={("a0", "r1")},
        forbidden={("a1", "r0")},
    )

    result = solve_assignment(problem)

    assert set(result.assignments) == {("a0", "r1"), ("a1", "r1")}
    assert result.status == "optimal"
    assert result.objective == -1.0


def test_solve_assignment_reports_missing_capacity():
    problem = make_problem(
        k=3,
        reviewers=[{"id": f"r{j}", "max_load": 70} for j in range(12)],
        applications=[{"id": f"a{i}"} for i in range(300)],
    )

    result = solve_assignment(problem)

    assert result.status == "infeasible"
    assert "needs 900 reviews but reviewers can take at most 840 (60 missing)" in result.message
    assert result.objective is None
    assert result.assignments == ()


def test_solve_assignment_names_applications_with_too_few_eligible_reviewers():
    problem = make_problem(
        k=2,
        reviewers=[{"id": f"r{j}", "max_load": 5} for j in range(3)],
        applications=[{"id": "a0"}, {"id": "a-short"}],
        conflicts={("a-short", "r0"), ("a-short", "r1")},
    )

    result = solve_assignment(problem)

    assert result.status == "infeasible"
    assert "a-short has fewer than 2 eligible reviewers (1 missing)" in result.message


def test_solve_assignment_reports_minimum_loads_above_the_reviews_needed():
    problem = make_problem(
        k=1,
        reviewers=[{"id": "r0", "min_load": 3, "max_load": 5}, {"id": "r1", "min_load": 2, "max_load": 5}],
        applications=[{"id": "a0"}, {"id": "a1"}, {"id": "a2"}],
    )

    result = solve_assignment(problem)

    assert result.status == "infeasible"
    assert "minimum loads add up to 5 reviews but only 3 are needed (2 too many)" in result.message


def test_solve_assignment_names_the_bottleneck_when_applications_compete():
    # Each application alone has two eligible reviewers, but together they need four
    # reviews from r0 and r1, who can take one each.
    problem = make_problem(
        k=2,
        reviewers=[{"id": r, "max_load": 1} for r in ("r0", "r1")]
        + [{"id": r, "max_load": 9} for r in ("r2", "r3")],
        applications=[{"id": "a0"}, {"id": "a1"}, {"id": "a2"}],
        conflicts={("a0", "r2"), ("a0", "r3"), ("a1", "r2"), ("a1", "r3")},
    )

    result = solve_assignment(problem)

    assert result.status == "infeasible"
    assert "room for only 4 of the 6 reviews still to assign (2 missing)" in result.message
    assert "the bottleneck is a0, a1" in result.message


def test_solve_assignment_reports_minimum_loads_that_cannot_be_met_together():
    problem = make_problem(
        k=1,
        reviewers=[
            {"id": "r0", "min_load": 1, "max_load": 1},
            {"id": "r1", "min_load": 1, "max_load": 1},
            {"id": "r2", "max_load": 1},
        ],
        applications=[{"id": "a0"}, {"id": "a1"}],
        forbidden={("a1", "r0"), ("a1", "r1"), ("a0", "r2")},
    )

    result = solve_assignment(problem)

    assert result.status == "infeasible"
    assert "minimum loads cannot all be met with the eligible pairs (1 missing)" in result.message


def test_solve_assignment_refuses_a_pinned_conflict():
    problem = make_problem(
        k=1,
        reviewers=[{"id": "r0", "max_load": 1, "organisation": "org"}],
        applications=[{"id": "a0", "organisation": "org"}],
        pinned={("a0", "r0")},
    )

    result = solve_assignment(problem)

    assert result.status == "infeasible"
    assert "pinned (a0, r0) is a conflict of interest" in result.message


def organisation_problem():
    # The two experts share an organisation; without the side constraint both review a0.
    return make_problem(
        k=2,
        reviewers=[
            {"id": "r0", "max_load": 2, "organisation": "lab"},
            {"id": "r1", "max_load": 2, "organisation": "lab"},
            {"id": "r2", "max_load": 2},
        ],
        applications=[{"id": "a0"}, {"id": "a1"}],
        affinity={("a0", "r0"): 1.0, ("a0", "r1"): 0.9, ("a0", "r2"): 0.2, ("a1", "r2"): 0.5},
    )


def test_solve_assignment_one_per_organisation_separates_colleagues():
    problem = organisation_problem()

    unconstrained = solve_assignment(problem)
    result = solve_assignment(problem, one_per_organisation=True)

    assert {("a0", "r0"), ("a0", "r1")} <= set(unconstrained.assignments)
    assert result.status == "optimal"
    assert violations(problem, result.assignments, one_per_organisation=True) == []
    assert result.objective == pytest.approx(brute_force(problem, one_per_organisation=True))
    assert result.objective < unconstrained.objective
    assert result.objective <= result.bound <= result.objective + 1e-6
    assert result.gap <= 1e-6


def test_solve_assignment_one_per_organisation_reports_too_few_organisations():
    problem = make_problem(
        k=2,
        reviewers=[
            {"id": "r0", "max_load": 2, "organisation": "lab"},
            {"id": "r1", "max_load": 2, "organisation": "lab"},
        ],
        applications=[{"id": "a0"}],
    )

    result = solve_assignment(problem, one_per_organisation=True)

    assert result.status == "infeasible"
    assert "a0 has fewer than 2 eligible reviewers from distinct organisations (1 missing)" in result.message


def test_greedy_assignment_is_feasible_and_no_better_than_optimal():
    rng = np.random.default_rng(3)
    apps, revs = [f"a{i}" for i in range(30)], [f"r{j}" for j in range(6)]
    problem = make_problem(
        k=3,
        reviewers=[{"id": r, "max_load": 18} for r in revs],
        applications=[{"id": a} for a in apps],
        affinity={(a, r): float(rng.random()) for a in apps for r in revs},
    )

    greedy = greedy_assignment(problem)
    optimal = solve_assignment(problem)

    assert greedy.status == "feasible"
    assert violations(problem, greedy.assignments) == []
    assert greedy.objective <= optimal.objective


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"affinity": {("a9", "r0"): 1.0}}, "unknown application or reviewer 'a9'"),
        ({"conflicts": {("a0", "r9")}}, "unknown application or reviewer 'r9'"),
        (
            {"reviewers": (Reviewer(id="r0", max_load=1), Reviewer(id="r0", max_load=1))},
            "duplicate reviewer ids",
        ),
        ({"reviewers": (Reviewer(id="r0", min_load=2, max_load=1),)}, "0 <= min_load <= max_load"),
        ({"reviews_per_application": -1}, "non-negative integer"),
    ],
)
def test_solve_assignment_rejects_malformed_problems(change, message):
    fields = {
        "reviews_per_application": 1,
        "reviewers": (Reviewer(id="r0", max_load=1),),
        "applications": (Application(id="a0"),),
    }
    problem = AssignmentProblem(**(fields | change))

    with pytest.raises(ValueError, match=message):
        solve_assignment(problem)


# Notices: the message's reasons, structured (one per reason, same order)


def test_notices_structure_the_capacity_and_minimum_load_reasons():
    problem = make_problem(
        k=1,
        reviewers=[{"id": "r0", "min_load": 3, "max_load": 3}, {"id": "r1", "min_load": 2, "max_load": 2}],
        applications=[{"id": f"a{i}"} for i in range(6)],
    )
    short = make_problem(
        k=3,
        reviewers=[{"id": f"r{j}", "max_load": 70} for j in range(12)],
        applications=[{"id": f"a{i}"} for i in range(300)],
    )

    result = solve_assignment(problem)

    assert Notice("capacity", {"needed": 6, "capacity": 5, "missing": 1}) in result.notices
    assert solve_assignment(short).notices == (
        Notice("capacity", {"needed": 900, "capacity": 840, "missing": 60}),
    )
    overloaded = make_problem(
        k=1,
        reviewers=[{"id": "r0", "min_load": 3, "max_load": 5}, {"id": "r1", "min_load": 2, "max_load": 5}],
        applications=[{"id": "a0"}, {"id": "a1"}, {"id": "a2"}],
    )
    assert solve_assignment(overloaded).notices == (
        Notice("min_loads_too_high", {"minimum": 5, "needed": 3, "excess": 2}),
    )


def test_notices_name_applications_short_of_eligible_reviewers_and_pinned_conflicts():
    short = make_problem(
        k=2,
        reviewers=[{"id": f"r{j}", "max_load": 5} for j in range(3)],
        applications=[{"id": "a0"}, {"id": "a-short"}],
        conflicts={("a-short", "r0"), ("a-short", "r1")},
    )
    pinned = make_problem(
        k=1,
        reviewers=[{"id": "r0", "max_load": 1, "organisation": "org"}],
        applications=[{"id": "a0", "organisation": "org"}],
        pinned={("a0", "r0")},
    )
    colleagues = make_problem(
        k=2,
        reviewers=[
            {"id": "r0", "max_load": 2, "organisation": "lab"},
            {"id": "r1", "max_load": 2, "organisation": "lab"},
        ],
        applications=[{"id": "a0"}],
    )

    assert solve_assignment(short).notices == (
        Notice(
            "too_few_eligible",
            {"applications": ["a-short"], "k": 2, "missing": 1, "distinct_organisations": False},
        ),
    )
    assert Notice("pinned_conflict", {"pairs": [["a0", "r0"]]}) in solve_assignment(pinned).notices
    assert solve_assignment(colleagues, one_per_organisation=True).notices == (
        Notice(
            "too_few_eligible",
            {"applications": ["a0"], "k": 2, "missing": 1, "distinct_organisations": True},
        ),
    )


def test_notices_name_the_bottleneck_and_unmet_minimum_loads():
    bottleneck = make_problem(
        k=2,
        reviewers=[{"id": r, "max_load": 1} for r in ("r0", "r1")]
        + [{"id": r, "max_load": 9} for r in ("r2", "r3")],
        applications=[{"id": "a0"}, {"id": "a1"}, {"id": "a2"}],
        conflicts={("a0", "r2"), ("a0", "r3"), ("a1", "r2"), ("a1", "r3")},
    )
    minimums = make_problem(
        k=1,
        reviewers=[
            {"id": "r0", "min_load": 1, "max_load": 1},
            {"id": "r1", "min_load": 1, "max_load": 1},
            {"id": "r2", "max_load": 1},
        ],
        applications=[{"id": "a0"}, {"id": "a1"}],
        forbidden={("a1", "r0"), ("a1", "r1"), ("a0", "r2")},
    )

    assert solve_assignment(bottleneck).notices == (
        Notice("bottleneck", {"placed": 4, "total": 6, "missing": 2, "applications": ["a0", "a1"]}),
    )
    assert solve_assignment(minimums).notices == (Notice("min_loads_unmet", {"missing": 1}),)


def test_notices_of_a_solved_assignment_and_of_greedy():
    problem = organisation_problem()

    solved = solve_assignment(problem)
    greedy = greedy_assignment(problem)

    (notice,) = solved.notices
    assert notice.code == "assigned"
    assert notice.params["optimal"] is True
    assert (notice.params["reviews"], notice.params["applications"]) == (4, 2)
    assert greedy.status == "feasible"
    assert greedy.notices == (Notice("greedy"),)
