import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from opencampus.solvers.mentoring import (
    Assignment,
    Mentee,
    Mentor,
    Problem,
    Weights,
    blocking_pairs,
    capacity_shortfall,
    fit,
    max_fit,
    problem_from_json,
    problem_to_json,
    result_to_json,
    solve,
    solve_json,
    stable,
)

ROOT = Path(__file__).resolve().parents[2]


def strict(*ids: str) -> tuple[tuple[str, ...], ...]:
    """A ranking without ties."""
    return tuple((i,) for i in ids)


def pairs(result) -> dict[str, str]:
    return {a.mentee: a.mentor for a in result.assignments}


# The textbook instance: every mentee has a different first choice, every mentor too, and the
# two sides' optimal stable matchings differ.
TEXTBOOK = Problem(
    mentees=(
        Mentee(id="a", ranking=strict("X", "Y", "Z")),
        Mentee(id="b", ranking=strict("Y", "Z", "X")),
        Mentee(id="c", ranking=strict("Z", "X", "Y")),
    ),
    mentors=(
        Mentor(id="X", capacity=1, ranking=strict("b", "c", "a")),
        Mentor(id="Y", capacity=1, ranking=strict("c", "a", "b")),
        Mentor(id="Z", capacity=1, ranking=strict("a", "b", "c")),
    ),
)


# --- Stable matching ----------------------------------------------------------------------------


def test_stable_gives_the_mentee_optimal_matching():
    result = stable(TEXTBOOK)

    assert pairs(result) == {"a": "X", "b": "Y", "c": "Z"}
    assert result.method == "stable"
    assert result.blocking_pairs == ()
    assert result.first_choices == 3
    assert result.mean_mentee_rank == 1.0
    assert result.mean_mentor_rank == 3.0
    assert result.unmatched == {}


def test_blocking_pairs_accepts_the_mentor_optimal_matching_and_finds_a_planted_pair():
    mentor_optimal = [("b", "X"), ("c", "Y"), ("a", "Z")]
    # a and Y would both rather be together: a ranks Y above Z, Y ranks a above b.
    planted = [("a", "Z"), ("b", "Y"), ("c", "X")]

    assert blocking_pairs(TEXTBOOK, mentor_optimal) == ()
    assert blocking_pairs(TEXTBOOK, planted) == (("a", "Y"),)


def test_blocking_pairs_counts_unmatched_mentees_free_places_and_full_mentors_who_prefer():
    # Y and Z are free; X holds a but prefers both b and c.
    assert blocking_pairs(TEXTBOOK, [("a", "X")]) == tuple((e, m) for e in "bc" for m in "XYZ")


def test_blocking_pairs_refuses_a_matching_that_names_a_stranger_or_a_mentee_twice():
    with pytest.raises(ValueError, match="'q', which is not a mentee"):
        blocking_pairs(TEXTBOOK, [("q", "X")])
    with pytest.raises(ValueError, match="gives mentee 'a' more than one mentor"):
        blocking_pairs(TEXTBOOK, [("a", "X"), ("a", "Y")])


def test_stable_fills_capacities_and_lets_mentors_keep_the_mentees_they_prefer():
    problem = Problem(
        mentees=(
            Mentee(id="a", ranking=strict("X", "Y")),
            Mentee(id="b", ranking=strict("X", "Y")),
            Mentee(id="c", ranking=strict("X", "Y")),
            Mentee(id="d", ranking=strict("Y", "X")),
        ),
        mentors=(
            Mentor(id="X", capacity=2, ranking=strict("c", "a", "b", "d")),
            Mentor(id="Y", capacity=1, ranking=strict("a", "b", "c", "d")),
        ),
    )

    result = stable(problem)

    # b loses X to c and takes Y from d, whom X does not want either.
    assert pairs(result) == {"a": "X", "b": "Y", "c": "X"}
    assert result.unmatched == {"d": "all_full"}
    assert result.matched == 3
    assert result.blocking_pairs == ()


def test_stable_breaks_a_mentees_tie_by_fit_then_by_id():
    mentors = (
        Mentor(id="m1", capacity=1),
        Mentor(id="m2", capacity=1, fields=("energy",)),
        Mentor(id="m3", capacity=1),
    )
    by_fit = Mentee(id="a", fields=("energy",), ranking=(("m1", "m2"),))
    by_id = Mentee(id="a", ranking=(("m3", "m1"),))

    assert pairs(stable(Problem(mentees=(by_fit,), mentors=mentors))) == {"a": "m2"}
    assert pairs(stable(Problem(mentees=(by_id,), mentors=mentors))) == {"a": "m1"}


def test_stable_breaks_a_mentors_tie_by_fit():
    problem = Problem(
        mentees=(Mentee(id="a", ranking=strict("X")), Mentee(id="b", fields=("care",), ranking=strict("X"))),
        mentors=(Mentor(id="X", capacity=1, fields=("care",), ranking=(("a", "b"),)),),
    )

    result = stable(problem)

    assert pairs(result) == {"b": "X"}
    assert result.assignments[0].mentor_rank == 1
    assert result.unmatched == {"a": "all_full"}


def test_stable_orders_unranked_mentors_by_fit_after_the_ranked_ones():
    mentors = (
        Mentor(id="X", capacity=1, ranking=strict("b")),
        Mentor(id="Y", capacity=1, fields=("food",)),
        Mentor(id="Z", capacity=1),
    )
    problem = Problem(
        mentees=(
            Mentee(id="a", fields=("food",)),  # ranks nobody: Y fits best
            Mentee(id="b", ranking=strict("X")),
            Mentee(id="c", fields=("food",), ranking=strict("X")),  # X prefers b; Y is taken by a
        ),
        mentors=mentors,
    )

    result = stable(problem)

    assert pairs(result) == {"a": "Y", "b": "X", "c": "Z"}
    assert [a.mentee_rank for a in result.assignments] == [None, 1, None]
    assert result.mean_mentee_rank == 1.0
    assert result.first_choices == 1


def test_pinned_pairs_come_first_take_a_place_and_never_block():
    problem = Problem(
        mentees=(Mentee(id="a", ranking=strict("X", "Y")), Mentee(id="d", ranking=strict("Y", "X"))),
        mentors=(
            Mentor(id="X", capacity=1, ranking=strict("a", "d")),
            Mentor(id="Y", capacity=1, ranking=strict("d", "a")),
        ),
        pinned=(("d", "X"),),
    )

    for result in solve(problem).values():
        assert pairs(result) == {"a": "Y", "d": "X"}
        assert [a.pinned for a in result.assignments] == [False, True]
        # d would rather have Y and Y would rather have d, but the operator pinned d to X.
        assert result.blocking_pairs == ()


def test_a_forbidden_pair_is_never_matched():
    problem = Problem(
        mentees=(Mentee(id="a", ranking=strict("X", "Y")),),
        mentors=(Mentor(id="X", capacity=1), Mentor(id="Y", capacity=1)),
        forbidden=(("a", "X"),),
    )

    for result in solve(problem).values():
        assert pairs(result) == {"a": "Y"}
        assert result.assignments[0].mentee_rank == 2


def test_a_mentee_without_a_common_language_stays_unmatched_with_the_reason():
    problem = Problem(
        mentees=(
            Mentee(id="en-only", languages=("en",)),
            Mentee(id="ko", fields=("energy",), languages=("ko",)),
            Mentee(id="any"),  # fits X less well than ko does
        ),
        mentors=(Mentor(id="X", capacity=1, fields=("energy",), languages=("ko",)),),
    )

    for result in solve(problem).values():
        assert result.unmatched == {"en-only": "no_acceptable_mentor", "any": "all_full"}
        assert pairs(result) == {"ko": "X"}


def test_capacity_shortfall_counts_mentees_beyond_the_total_capacity():
    mentors = (Mentor(id="X", capacity=2), Mentor(id="Y", capacity=1))
    four = tuple(Mentee(id=f"e{i}") for i in range(4))

    assert capacity_shortfall(Problem(mentees=four, mentors=mentors)) == 1
    assert capacity_shortfall(Problem(mentees=four[:3], mentors=mentors)) == 0
    assert stable(Problem(mentees=four, mentors=mentors)).matched == 3


def test_an_empty_side_leaves_everyone_unmatched():
    problem = Problem(mentees=(Mentee(id="a"),), mentors=())

    results = solve(problem)

    assert results["stable"].unmatched == results["max_fit"].unmatched == {"a": "no_acceptable_mentor"}
    assert solve(Problem(mentees=(), mentors=(Mentor(id="X", capacity=1),)))["max_fit"].matched == 0


# --- Maximum fit --------------------------------------------------------------------------------

# a and X fit perfectly; b speaks only English, which only X does.
TRADE_OFF = Problem(
    mentees=(
        Mentee(id="a", fields=("energy",), keywords=("solar",), languages=("ko",), ranking=strict("X", "Y")),
        Mentee(id="b", fields=("care",), keywords=("elderly",), languages=("en",)),
    ),
    mentors=(
        Mentor(id="X", capacity=1, fields=("energy",), keywords=("solar",), languages=("ko", "en")),
        Mentor(id="Y", capacity=1, fields=("food",), keywords=("farm",), languages=("ko",)),
    ),
)


def test_max_fit_matches_the_most_mentees_before_the_highest_fit():
    result = max_fit(TRADE_OFF)

    assert pairs(result) == {"a": "Y", "b": "X"}
    assert [a.fit for a in result.assignments] == [20.0, 20.0]
    assert result.total_fit == 40.0
    assert result.method == "max_fit"
    # a and X would both rather be together: the trade-off shown to the operator.
    assert result.blocking_pairs == (("a", "X"),)


def test_stable_keeps_the_pair_that_max_fit_splits():
    result = stable(TRADE_OFF)

    assert pairs(result) == {"a": "X"}
    assert result.total_fit == 100.0
    assert result.unmatched == {"b": "all_full"}


def test_max_fit_takes_the_highest_total_among_full_matchings():
    problem = Problem(
        mentees=(Mentee(id="a", fields=("energy", "care")), Mentee(id="b", fields=("energy",))),
        mentors=(
            Mentor(id="X", capacity=1, fields=("energy",)),
            Mentor(id="Y", capacity=1, fields=("care",)),
        ),
    )

    result = max_fit(problem)

    # a-X + b-Y = 60 + 35 = 95 against a-Y + b-X = 60 + 85 = 145.
    assert pairs(result) == {"a": "Y", "b": "X"}
    assert result.total_fit == 145.0


# --- Fit ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mentee", "mentor", "weights", "expected"),
    [
        # fields 2/2, keywords 1/2 (case and spaces ignored), a shared language
        (
            Mentee(id="e", fields=("energy", "digital"), keywords=(" Solar", "grid"), languages=("ko",)),
            Mentor(
                id="m", capacity=1, fields=("energy", "digital"), keywords=("solar ",), languages=("ko", "en")
            ),
            Weights(),
            85.0,
        ),
        # a mentee that names nothing is neutral on fields and keywords
        (Mentee(id="e"), Mentor(id="m", capacity=1, fields=("energy",)), Weights(), 60.0),
        # no shared language: that part is 0
        (
            Mentee(id="e", fields=("energy",), languages=("en",)),
            Mentor(id="m", capacity=1, fields=("energy",), languages=("ko",)),
            Weights(),
            65.0,
        ),
        # a third of the fields, rounded to one decimal: 50/3 + 20 = 36.67
        (
            Mentee(id="e", fields=("energy", "care", "food"), keywords=("x",)),
            Mentor(id="m", capacity=1, fields=("food",)),
            Weights(),
            36.7,
        ),
        # other weights are scaled to 100: (1 * 1 + 1 * 0.5) / 2
        (
            Mentee(id="e", fields=("energy",), keywords=("solar", "grid")),
            Mentor(id="m", capacity=1, fields=("energy",), keywords=("grid",)),
            Weights(fields=1, keywords=1, language=0),
            75.0,
        ),
    ],
)
def test_fit_compares_fields_keywords_and_languages(mentee, mentor, weights, expected):
    problem = Problem(mentees=(mentee,), mentors=(mentor,), weights=weights)

    assert fit(problem, mentee, mentor) == expected


# --- Validation -----------------------------------------------------------------------------------


def problem_with(**changes) -> Problem:
    base = {
        "mentees": (Mentee(id="a", languages=("ko",)), Mentee(id="b")),
        "mentors": (Mentor(id="X", capacity=1), Mentor(id="Y", capacity=1, languages=("en",))),
    }
    return Problem(**(base | changes))


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        (problem_with(mentees=(Mentee(id="a"), Mentee(id="a"))), "the mentee id 'a' appears twice"),
        (
            problem_with(mentors=(Mentor(id="X", capacity=0),)),
            "mentor 'X' needs a capacity of at least 1, not 0",
        ),
        (
            problem_with(mentees=(Mentee(id="a", ranking=strict("Q")),)),
            "mentee 'a' ranks 'Q', which is not a mentor",
        ),
        (
            problem_with(mentors=(Mentor(id="X", capacity=1, ranking=(("a",), ("b", "a"))),)),
            "mentor 'X' ranks 'a' twice",
        ),
        (
            problem_with(mentees=(Mentee(id="a", ranking=(("X",), ())),)),
            "the ranking of mentee 'a' must be a list of non-empty tiers",
        ),
        (problem_with(pinned=(("q", "X"),)), "pinned names 'q', which is not a mentee"),
        (problem_with(forbidden=(("a", "Q"),)), "forbidden names 'Q', which is not a mentor"),
        (
            problem_with(pinned=(("a", "X"),), forbidden=(("a", "X"),)),
            "the pair ('a', 'X') is both pinned and forbidden",
        ),
        (problem_with(pinned=(("b", "X"), ("b", "Y"))), "mentee 'b' is pinned more than once"),
        (
            problem_with(pinned=(("a", "X"), ("b", "X"))),
            "mentor 'X' has 2 pinned mentees but a capacity of 1",
        ),
        (problem_with(pinned=(("a", "Y"),)), "the pinned pair ('a', 'Y') shares no language"),
        (problem_with(weights=Weights(fields=0, keywords=0, language=0)), "the weights must not all be 0"),
        (problem_with(mentees=(Mentee(id="a", fields="energy"),)), "the fields of mentee 'a' must be a list"),
    ],
)
def test_validation_names_what_is_wrong(problem, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}"):
        solve(problem)


# --- JSON and the command line -------------------------------------------------------------------

INSTANCE = {
    "mentees": [
        {
            "id": "kim",
            "fields": ["energy"],
            "keywords": ["solar"],
            "languages": ["ko"],
            "ranking": ["lee", "park"],
        },
        {"id": "choi", "fields": ["care"], "ranking": [["lee", "park"]]},
        {"id": "jung", "languages": ["en"]},
    ],
    "mentors": [
        {"id": "lee", "capacity": 1, "fields": ["energy"], "keywords": ["Solar"], "ranking": ["choi", "kim"]},
        {"id": "park", "capacity": 1, "fields": ["care"], "languages": ["ko"]},
    ],
    "pinned": [],
    "forbidden": [{"mentee": "choi", "mentor": "lee"}],
    "weights": {"fields": 50, "keywords": 30, "language": 20},
}


def test_problem_from_json_reads_flat_rankings_and_tiers():
    problem = problem_from_json(INSTANCE)

    assert problem.mentees[0].ranking == (("lee",), ("park",))
    assert problem.mentees[1].ranking == (("lee", "park"),)
    assert problem.forbidden == (("choi", "lee"),)
    assert problem_from_json(problem_to_json(problem)) == problem


def test_solve_json_gives_both_results_and_the_shortfall():
    output = solve_json(INSTANCE)

    assert output["capacity_shortfall"] == 1
    stable_result = output["stable"]
    assert stable_result["assignments"] == [
        {"mentee": "kim", "mentor": "lee", "fit": 100.0, "mentee_rank": 1, "mentor_rank": 2, "pinned": False},
        {
            "mentee": "choi",
            "mentor": "park",
            "fit": 85.0,
            "mentee_rank": 1,
            "mentor_rank": None,
            "pinned": False,
        },
    ]
    assert stable_result["unmatched"] == {"jung": "all_full"}
    assert stable_result["blocking_pairs"] == []
    assert stable_result["total_fit"] == 185.0
    assert stable_result["mean_mentee_rank"] == 1.0
    assert stable_result["mean_mentor_rank"] == 2.0
    assert output["max_fit"]["matched"] == 2
    assert result_to_json(solve(problem_from_json(INSTANCE))["max_fit"])["method"] == "max_fit"


@pytest.mark.parametrize(
    ("instance", "message"),
    [
        ({"mentors": []}, "the instance is missing the field 'mentees'"),
        ({"mentees": [], "mentors": [{"id": "lee"}]}, "mentors[0] is missing the field 'capacity'"),
        ({"mentees": [{"id": "kim", "ranking": "lee"}], "mentors": []}, "mentees[0].ranking must be a list"),
        (
            {"mentees": [], "mentors": [], "pinned": [{"mentee": "kim"}]},
            "pinned[0] is missing the field 'mentor'",
        ),
        ({"mentees": [], "mentors": [], "weights": {"age": 1}}, "weights.age: unknown weight"),
        ({"mentees": [{"id": 7}], "mentors": []}, "mentee ids are text, not 7"),
    ],
)
def test_problem_from_json_names_the_field_at_fault(instance, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        solve_json(instance)


def run_cli(tmp_path, instance):
    path = tmp_path / "mentoring.json"
    path.write_text(json.dumps(instance), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "opencampus.solvers", "mentoring", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_mentoring_prints_both_results(tmp_path):
    completed = run_cli(tmp_path, INSTANCE)

    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert set(output) == {"capacity_shortfall", "stable", "max_fit"}
    assert [(a["mentee"], a["mentor"]) for a in output["stable"]["assignments"]] == [
        ("kim", "lee"),
        ("choi", "park"),
    ]


def test_cli_mentoring_rejects_a_malformed_instance_with_exit_code_2(tmp_path):
    completed = run_cli(tmp_path, INSTANCE | {"pinned": [{"mentee": "jung", "mentor": "park"}]})

    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "error: invalid mentoring instance" in completed.stderr
    assert "the pinned pair ('jung', 'park') shares no language" in completed.stderr


def test_assignment_objects_and_pairs_give_the_same_blocking_pairs():
    result = max_fit(TRADE_OFF)
    as_pairs = [(a.mentee, a.mentor) for a in result.assignments]

    assert blocking_pairs(TRADE_OFF, result.assignments) == blocking_pairs(TRADE_OFF, as_pairs)
    assert isinstance(result.assignments[0], Assignment)
