import itertools
import json
import random
from collections import Counter

import pytest

from opencampus.solvers import __main__ as cli
from opencampus.solvers.teams import (
    Option,
    Person,
    Team,
    TeamProblem,
    TeamProblemError,
    Weights,
    evaluate,
    greedy,
    problem_from_json,
    problem_to_json,
    solve,
    solve_json,
)
from opencampus.solvers.teams.scoring import Scorer


def person(name: str, ranking: str = "", **attributes: str) -> Person:
    return Person(id=name, attributes=attributes, ranking=tuple(ranking))


def options(names: str, max_teams: int = 1) -> tuple[Option, ...]:
    return tuple(Option(id=name, max_teams=max_teams) for name in names)


def fast_solve(problem: TeamProblem, **options):
    return solve(problem, **({"time_limit": 5.0, "workers": 1} | options))


def check_plan(problem: TeamProblem, result) -> None:
    """Everyone once, sizes in range, options within their teams: checked on the output alone."""
    placed = Counter(member for team in result.teams for member in team.members)
    assert placed == Counter(p.id for p in problem.people)
    assert all(problem.min_size <= len(team.members) <= problem.max_size for team in result.teams)
    taking = Counter(team.option for team in result.teams)
    assert all(taking[o.id] <= o.max_teams for o in problem.options)


# A cohort of four for hand-computed scores: depth 2 (the longest ranking); d ranked nothing.
FOUR = TeamProblem(
    people=(
        person("a", "xy", gender="w"),
        person("b", "yx", gender="m"),
        person("c", "x", gender="w"),
        person("d", "", gender="m"),
    ),
    options=options("xy"),
    min_size=2,
    max_size=2,
    balance=("gender",),
)


# --- Validation ---------------------------------------------------------------------------------


def test_validate_refuses_people_that_cannot_be_split_into_the_sizes():
    problem = TeamProblem(
        people=tuple(person(f"p{i}") for i in range(7)), options=options("abc"), min_size=4, max_size=6
    )

    with pytest.raises(TeamProblemError) as error:
        fast_solve(problem)

    assert error.value.code == "sizes_cannot_split"
    assert str(error.value) == (
        "7 people cannot be split into teams of 4 to 6: 1 team holds at most 6 and 2 teams need at least 8"
    )
    assert error.value.fields == {"people": 7, "min_size": 4, "max_size": 6}


def test_validate_refuses_options_that_allow_too_few_teams():
    problem = TeamProblem(
        people=tuple(person(f"p{i}") for i in range(30)), options=options("abc"), min_size=4, max_size=6
    )

    with pytest.raises(TeamProblemError) as error:
        fast_solve(problem)

    assert error.value.code == "too_few_teams"
    assert str(error.value) == (
        "30 people need at least 5 teams of at most 6, "
        "but the 3 options allow only 3 teams (at most 18 people)"
    )


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        (
            {"people": (person("a", "q"), person("b"))},
            "unknown_option",
            "person 'a' ranks 'q', which is not an option",
        ),
        ({"people": (person("a", "xx"), person("b"))}, "ranked_twice", "person 'a' ranks 'x' twice"),
        ({"people": (person("a"), person("a"))}, "duplicate_person", "the person id 'a' appears twice"),
        (
            {"options": (Option(id="x"), Option(id="x"))},
            "duplicate_option",
            "the option id 'x' appears twice",
        ),
        ({"options": (Option(id="x", max_teams=0),)}, "invalid_field", "max_teams of option 'x'"),
        (
            {"min_size": 3, "max_size": 2},
            "sizes_crossed",
            "the smallest team size (3) is larger than the largest",
        ),
        ({"min_size": 0}, "invalid_field", "min_size must be a whole number of at least 1"),
        ({"balance": ("age",)}, "unknown_attribute", "balance names the attribute 'age', which nobody has"),
        ({"no_isolation": ("age",)}, "unknown_attribute", "no_isolation names the attribute 'age'"),
        ({"weights": Weights(preference=-1)}, "invalid_field", "the preference weight must be"),
        (
            {"weights": Weights(preference=0), "balance": ()},
            "no_weight",
            "the weights leave nothing to score",
        ),
        ({"people": ()}, "no_people", "there is nobody to place in teams"),
    ],
)
def test_validate_refuses_a_malformed_problem_with_its_reason(change, code, message):
    problem = TeamProblem(
        people=(person("a", "x", gender="w"), person("b", "y", gender="m")),
        options=options("xy"),
        min_size=1,
        max_size=2,
        balance=("gender",),
    )
    fields = {"people": problem.people, "options": problem.options, "min_size": 1, "max_size": 2}
    fields |= {"balance": problem.balance} | change

    with pytest.raises(TeamProblemError) as error:
        evaluate(TeamProblem(**fields), [])

    assert error.value.code == code
    assert message in str(error.value)
    assert isinstance(error.value, ValueError)


def test_solve_refuses_a_bad_time_limit_and_workers():
    with pytest.raises(ValueError, match="time_limit must be a positive number"):
        solve(FOUR, time_limit=0)
    with pytest.raises(ValueError, match="workers must be a whole number >= 1"):
        solve(FOUR, workers=0)


# --- Score and evaluate -------------------------------------------------------------------------


def test_evaluate_scores_preference_and_balance_as_documented():
    # x: a 2 points (rank 1 of depth 2), c 2, b 1, d 2 (no ranking: every option suits);
    # y: b 2, d 2. Gender shares are 1/2, so a team of two should be one w and one m.
    plan = [Team(option="x", members=("a", "c")), Team(option="y", members=("b", "d"))]

    evaluation = evaluate(FOUR, plan)

    first, second = evaluation.teams
    assert (first.preference, first.balance, first.score) == (1000, {"gender": 500}, 750)
    assert (second.preference, second.balance, second.score) == (1000, {"gender": 500}, 750)
    assert (evaluation.worst, evaluation.mean, evaluation.violations) == (750, 750.0, ())


def test_evaluate_weights_preference_against_balance():
    problem = TeamProblem(**{**FOUR.__dict__, "weights": Weights(preference=3, balance=1)})

    evaluation = evaluate(
        problem, [Team(option="x", members=("a", "b")), Team(option="y", members=("c", "d"))]
    )

    # a+b on x: points 2 + 1 of 4 -> 750, balanced -> 1000: (3 * 750 + 1000) / 4 = 812.5, rounded down.
    # c+d on y: points 0 + 2 -> 500, balanced: (3 * 500 + 1000) / 4 = 625.
    assert [team.score for team in evaluation.teams] == [812, 625]
    assert evaluation.worst == 625
    assert evaluation.mean == pytest.approx((2 * 812 + 2 * 625) / 4)


def test_evaluate_lists_every_violation_with_codes_and_ids():
    problem = TeamProblem(
        people=tuple(person(name, "x", age="60+" if name in "ab" else "under 60") for name in "abcdef"),
        options=options("xy"),
        min_size=2,
        max_size=3,
        no_isolation=("age",),
    )
    plan = [
        Team(option="x", members=("a", "c", "d", "e")),  # too large; a is the only 60+
        Team(option="x", members=("b", "c")),  # x taken twice; c placed twice; b alone by age
        Team(option="z", members=("zz",)),  # unknown option, unknown person, too small
    ]

    violations = evaluate(problem, plan).violations

    assert {v.code for v in violations} == {
        "team_too_large",
        "team_too_small",
        "unknown_person",
        "unknown_option",
        "person_missing",
        "person_repeated",
        "option_overused",
        "isolated",
    }
    by_code = {v.code: v.fields for v in violations if v.code != "isolated"}
    assert by_code["person_missing"] == {"person": "f"}
    assert by_code["person_repeated"] == {"person": "c", "teams": [0, 1]}
    assert by_code["option_overused"] == {"option": "x", "teams": [0, 1], "max_teams": 1}
    assert by_code["unknown_person"] == {"team": 2, "person": "zz"}
    isolated = sorted((v.fields["team"], v.fields["person"]) for v in violations if v.code == "isolated")
    assert isolated == [(0, "a"), (1, "b"), (1, "c")]


def test_evaluate_marks_an_isolation_no_plan_can_avoid():
    problem = TeamProblem(
        people=(person("a", age="60+"), *(person(n, age="under 60") for n in "bcd")),
        options=options("x"),
        min_size=4,
        max_size=4,
        no_isolation=("age",),
    )

    violations = evaluate(problem, [Team(option="x", members=("a", "b", "c", "d"))]).violations

    assert [(v.code, v.fields["person"], v.fields["unavoidable"]) for v in violations] == [
        ("isolated", "a", True)
    ]


# --- Solve --------------------------------------------------------------------------------------

# Nine people, three options (x may take two teams), teams of two or three: small enough to try
# every plan. 'age' 60+ is a pair that must stay together.
NINE = TeamProblem(
    people=(
        person("p0", "xy", field="design", age="60+"),
        person("p1", "yx", field="design", age="under 60"),
        person("p2", "xz", field="tech", age="60+"),
        person("p3", "zx", field="tech", age="under 60"),
        person("p4", "x", field="policy", age="under 60"),
        person("p5", "yz", field="design", age="under 60"),
        person("p6", "xyz", field="tech", age="under 60"),
        person("p7", "", field="policy", age="under 60"),
        person("p8", "zy", field="design", age="under 60"),
    ),
    options=(Option(id="x", max_teams=2), Option(id="y"), Option(id="z")),
    min_size=2,
    max_size=3,
    balance=("field",),
    no_isolation=("age",),
)


def best_by_brute_force(problem: TeamProblem) -> tuple[int, float]:
    """The best worst score of every plan keeping the rule, and the best mean among those plans."""
    scorer = Scorer(problem)
    count = len(problem.options)
    seniors = {i for i, p in enumerate(problem.people) if p.attributes["age"] == "60+"}
    scores = {}
    best = (-1, -1.0)
    for blocks in partitions(list(range(len(problem.people)))):
        if not all(problem.min_size <= len(b) <= problem.max_size for b in blocks):
            continue
        if any(len(seniors & set(b)) == 1 for b in blocks):
            continue
        for choice in itertools.product(range(count), repeat=len(blocks)):
            if any(choice.count(j) > problem.options[j].max_teams for j in range(count)):
                continue
            for b, j in zip(blocks, choice, strict=True):
                if (tuple(b), j) not in scores:
                    scores[tuple(b), j] = scorer.team_score(b, j)
            team = [scores[tuple(b), j] for b, j in zip(blocks, choice, strict=True)]
            mean = sum(len(b) * s for b, s in zip(blocks, team, strict=True)) / len(problem.people)
            best = max(best, (min(team), mean))
    return best


def partitions(items: list[int]):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in partitions(rest):
        yield [[first], *partition]
        for k in range(len(partition)):
            yield [*partition[:k], [first, *partition[k]], *partition[k + 1 :]]


def test_solve_proves_the_optimum_that_brute_force_finds():
    worst, mean = best_by_brute_force(NINE)

    result = fast_solve(NINE)

    check_plan(NINE, result)
    assert result.status == "optimal"
    assert (result.worst, result.bound, result.gap) == (worst, worst, 0.0)
    # The model maximises the total before rounding each team's score down: within a point.
    assert mean - 1 < result.mean <= mean
    assert result.greedy_worst <= result.worst
    assert not [v for v in result.violations if v.code == "isolated"]


def test_solve_keeps_every_group_together_by_no_isolation():
    # The two seniors want different options (apart, the worst team would score 937).
    only = {0: "a", 5: "b"}
    people = tuple(
        person(
            f"p{i}",
            only.get(i, "ab" if i % 2 else "ba"),
            sector="public" if i % 2 else "private",
            age="60+" if i in only else "",
        )
        for i in range(8)
    )
    problem = TeamProblem(
        people=people,
        options=options("abc"),
        min_size=4,
        max_size=4,
        balance=("sector",),
        no_isolation=("age",),
    )

    result = fast_solve(problem)

    check_plan(problem, result)
    assert any({"p0", "p5"} <= set(team.members) for team in result.teams)
    assert result.violations == ()
    assert (result.status, result.worst, result.bound) == ("optimal", 812, 812)


def test_solve_reports_a_group_of_one_instead_of_failing():
    problem = TeamProblem(
        people=(person("a", "x", age="60+"), *(person(n, "x", age="under 60") for n in "bcdefg")),
        options=options("xy"),
        min_size=3,
        max_size=4,
        no_isolation=("age",),
    )

    result = fast_solve(problem)

    check_plan(problem, result)
    assert result.status == "optimal"
    assert [(n.code, n.fields) for n in result.notes] == [
        ("isolation_unavoidable", {"attribute": "age", "value": "60+", "person": "a"})
    ]
    assert [(v.code, v.fields["person"], v.fields["unavoidable"]) for v in result.violations] == [
        ("isolated", "a", True)
    ]


def test_solve_relaxes_an_attribute_whose_groups_cannot_stay_together():
    # Teams of three and three pairs: every team has someone alone; two is the fewest.
    problem = TeamProblem(
        people=tuple(person(f"p{i}", "x", career="abc"[i // 2]) for i in range(6)),
        options=options("xy"),
        min_size=3,
        max_size=3,
        no_isolation=("career",),
    )

    result = fast_solve(problem)

    check_plan(problem, result)
    assert [n.code for n in result.notes] == ["isolation_relaxed"]
    assert result.notes[0].fields == {
        "attribute": "career",
        "groups": {"a": 2, "b": 2, "c": 2},
        "min_size": 3,
        "max_size": 3,
    }
    assert "cannot all be split into teams of 3 to 3" in result.notes[0].detail
    assert [v.code for v in result.violations] == ["isolated", "isolated"]
    assert result.status == "optimal"


def test_solve_relaxes_attributes_that_cannot_hold_together():
    # Alone, 'origin' keeps a, b, c apart from d, e, f and 'role' keeps {a, d, e} and {b, c, f};
    # together every split isolates someone.
    roles = {"a": "lead", "d": "lead", "e": "lead"}
    problem = TeamProblem(
        people=tuple(
            person(name, "x", origin="north" if name in "abc" else "south", role=roles.get(name, "member"))
            for name in "abcdef"
        ),
        options=options("xy"),
        min_size=3,
        max_size=3,
        no_isolation=("origin", "role"),
    )
    attributes = {p.id: p.attributes for p in problem.people}

    def isolated(team) -> int:
        return sum(
            list(Counter(attributes[n][name] for n in team).values()).count(1) for name in ("origin", "role")
        )

    fewest = min(
        isolated(team) + isolated(set("abcdef") - set(team)) for team in itertools.combinations("abcdef", 3)
    )

    result = fast_solve(problem)

    check_plan(problem, result)
    assert [n.code for n in result.notes] == ["isolation_relaxed_together"]
    assert result.notes[0].fields == {"attributes": ["origin", "role"]}
    assert len([v for v in result.violations if v.code == "isolated"]) == fewest
    assert result.status == "optimal"


def test_solve_lets_a_popular_option_take_several_teams():
    problem = TeamProblem(
        people=tuple(person(f"p{i}", "xy") for i in range(8)),
        options=(Option(id="x", max_teams=2), Option(id="y")),
        min_size=4,
        max_size=4,
    )

    result = fast_solve(problem)

    check_plan(problem, result)
    assert [team.option for team in result.teams] == ["x", "x"]
    assert result.worst == 1000


def test_solve_keeps_the_rules_and_the_greedy_worst_in_a_cohort_too_large_to_solve_whole():
    rng = random.Random(5)
    people = tuple(
        person(
            f"p{i}",
            "".join(rng.sample("abcdefghijkl", 3)),
            sector=rng.choice(["public", "private", "civil"]),
            gender=rng.choice(["w", "m"]),
            age="60+" if rng.random() < 0.1 else "under 60",
        )
        for i in range(70)
    )
    problem = TeamProblem(
        people=people,
        options=options("abcdefghijkl", max_teams=2),
        min_size=4,
        max_size=6,
        balance=("sector", "gender"),
        no_isolation=("age",),
    )

    result = solve(problem, time_limit=3.0, workers=1)

    check_plan(problem, result)
    assert result.status in ("optimal", "feasible")
    assert result.greedy_worst <= result.worst <= result.bound
    assert not [v for v in result.violations if not v.fields.get("unavoidable")]


def test_solve_is_reproducible_with_a_seed_on_one_worker():
    first = fast_solve(NINE, random_seed=7)
    second = fast_solve(NINE, random_seed=7)

    assert first.teams == second.teams


def test_greedy_is_deterministic_for_a_seed_and_places_everyone():
    first = greedy(NINE, random_seed=3)
    second = greedy(NINE, random_seed=3)

    assert first == second
    assert Counter(m for team in first for m in team.members) == Counter(p.id for p in NINE.people)
    assert all(2 <= len(team.members) <= 3 for team in first)


# --- JSON and command line ----------------------------------------------------------------------

INSTANCE = {
    "people": [
        {"id": "kim", "attributes": {"sector": "public", "gender": "w"}, "ranking": ["housing", "care"]},
        {"id": "lee", "attributes": {"sector": "private", "gender": "m"}, "ranking": ["housing"]},
        {"id": "park", "attributes": {"sector": "civil", "gender": "w"}, "ranking": ["care", "housing"]},
        {"id": "choi", "attributes": {"sector": "public", "gender": "m"}, "ranking": []},
    ],
    "options": [{"id": "housing"}, {"id": "care", "max_teams": 1}],
    "min_size": 2,
    "max_size": 2,
    "balance": ["sector"],
    "no_isolation": ["gender"],
    "weights": {"preference": 2, "balance": 1},
}


def test_solve_json_returns_teams_scores_and_bounds():
    output = solve_json(INSTANCE, time_limit=5.0, workers=1)

    assert set(output) == {
        "status",
        "worst",
        "bound",
        "gap",
        "mean",
        "mean_bound",
        "seconds",
        "greedy",
        "teams",
        "violations",
        "notes",
    }
    assert output["status"] == "optimal"
    assert output["worst"] == output["bound"]
    # gender pairs must stay together: kim with park and lee with choi.
    assert sorted(sorted(team["members"]) for team in output["teams"]) == [["choi", "lee"], ["kim", "park"]]
    assert all(
        set(team) == {"option", "members", "score", "preference", "balance"} for team in output["teams"]
    )
    assert json.loads(json.dumps(output)) == output


def test_problem_from_json_reads_defaults():
    problem = problem_from_json(
        {"people": [{"id": 1}], "options": [{"id": "x"}], "min_size": 1, "max_size": 1}
    )

    assert problem.people == (Person(id=1, attributes={}, ranking=()),)
    assert problem.options == (Option(id="x", max_teams=1),)
    assert (problem.balance, problem.no_isolation, problem.weights) == ((), (), Weights())


def test_problem_to_json_reads_back_as_the_same_problem():
    problem = TeamProblem(
        people=(Person(id=1, attributes={"gender": "woman"}, ranking=("x", "y")), Person(id=2)),
        options=(Option(id="x", max_teams=2), Option(id="y")),
        min_size=1,
        max_size=2,
        balance=("gender",),
        no_isolation=("gender",),
        weights=Weights(preference=3, balance=1),
    )

    assert problem_from_json(json.loads(json.dumps(problem_to_json(problem)))) == problem


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ({"options": [], "min_size": 1, "max_size": 1}, "the instance is missing the field 'people'"),
        (INSTANCE | {"people": [{"ranking": []}]}, "people[0] is missing the field 'id'"),
        (INSTANCE | {"weights": {"speed": 1}}, "weights.speed: unknown weight"),
        (INSTANCE | {"balance": "sector"}, "balance must be a list"),
        ([], "the instance must be a JSON object"),
    ],
)
def test_solve_json_refuses_a_malformed_instance(instance, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        solve_json(instance)


def test_cli_teams_prints_the_plan_as_json(tmp_path, capsys):
    path = tmp_path / "teams.json"
    path.write_text(json.dumps(INSTANCE), encoding="utf-8")

    code = cli.main(["teams", str(path), "--time-limit", "5", "--workers", "1"])

    assert code == 0
    output = json.loads(capsys.readouterr().out)
    assert output["status"] == "optimal"
    assert len(output["teams"]) == 2


def test_cli_teams_reports_an_impossible_split_with_exit_code_2(tmp_path, capsys):
    path = tmp_path / "teams.json"
    path.write_text(json.dumps(INSTANCE | {"min_size": 3, "max_size": 3}), encoding="utf-8")

    code = cli.main(["teams", str(path)])

    assert code == 2
    assert "error: invalid teams instance" in capsys.readouterr().err
