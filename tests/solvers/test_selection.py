import itertools
import random

import pytest

from opencampus.solvers.notices import Notice
from opencampus.solvers.selection import (
    Binding,
    Candidate,
    Quota,
    SelectionProblem,
    next_offer,
    solve_json,
    solve_selection,
)


def people(*rows):
    """Candidates from (id, merit, field, gender) rows."""
    return tuple(
        Candidate(cid, merit, {"field": field, "gender": gender}) for cid, merit, field, gender in rows
    )


def violations(problem, chosen):
    """Every rule the chosen ids break, as readable strings (empty when feasible)."""
    by_id = {c.id: c for c in problem.candidates}
    broken = []
    available = len(problem.candidates) - len(problem.pinned_out)
    if len(chosen) != min(problem.places, available):
        broken.append(f"{len(chosen)} chosen for {problem.places} places")
    for q in problem.quotas:
        count = sum(1 for cid in chosen if by_id[cid].attributes.get(q.attribute) == q.value)
        if (q.min is not None and count < q.min) or (q.max is not None and count > q.max):
            broken.append(f"{q.name} has {count}")
    broken += [f"{cid} pinned in but out" for cid in problem.pinned_in if cid not in chosen]
    broken += [f"{cid} pinned out but in" for cid in problem.pinned_out if cid in chosen]
    return broken


def brute_force(problem):
    """The best merit over every feasible choice, or None when there is none."""
    ids = [c.id for c in problem.candidates]
    merit = {c.id: c.merit for c in problem.candidates}
    places = min(problem.places, len(ids) - len(problem.pinned_out))
    totals = [
        sum(merit[cid] for cid in chosen)
        for chosen in itertools.combinations(ids, places)
        if not violations(problem, set(chosen))
    ]
    return max(totals, default=None)


def random_problem(rng):
    fields, genders = ("env", "dig", "man"), ("f", "m")
    candidates = people(
        *((f"c{i}", round(rng.uniform(0, 10), 3), rng.choice(fields), rng.choice(genders)) for i in range(9))
    )
    quotas = []
    for attribute, values in (("field", fields), ("gender", genders)):
        for value in rng.sample(values, rng.randint(0, len(values))):
            low, high = rng.choice([None, 0, 1, 2]), rng.choice([None, 1, 2, 3])
            if low is None and high is None:
                high = 2
            quotas.append(Quota(attribute, value, low, high))
    ids = [c.id for c in candidates]
    pinned = rng.sample(ids, rng.randint(0, 2))
    pinned_in, pinned_out = pinned[:1], pinned[1:]
    return SelectionProblem(candidates, rng.randint(1, 5), tuple(quotas), pinned_in, pinned_out)


@pytest.mark.parametrize("seed", range(40))
def test_selection_matches_brute_force_on_small_instances(seed):
    problem = random_problem(random.Random(seed))

    result = solve_selection(problem=problem)

    best = brute_force(problem)
    if best is None:
        assert result.status == "infeasible"
        assert result.conflicts
        assert not result.selected
    else:
        assert result.status == "optimal"
        assert result.objective == pytest.approx(best)
        assert violations(problem, set(result.selected)) == []
        assert set(result.explanations) == {c.id for c in problem.candidates}


# a, b, c are men; d, f women in environment; e a woman and g a man in digital.
PANEL = people(
    ("a", 10, "env", "m"),
    ("b", 9, "env", "m"),
    ("c", 8, "env", "m"),
    ("d", 7, "env", "f"),
    ("e", 6, "dig", "f"),
    ("f", 5, "env", "f"),
    ("g", 4, "dig", "m"),
)
PANEL_QUOTAS = (Quota("gender", "m", max=2), Quota("field", "dig", min=1))


def test_selection_without_quotas_takes_the_best_by_merit():
    result = solve_selection(problem=SelectionProblem(PANEL, 3))

    assert result.selected == ("a", "b", "c")
    assert result.objective == 27
    assert result.binding == ()
    assert {result.explanations[cid].code for cid in "abc"} == {"merit"}
    assert {result.explanations[cid].code for cid in "defg"} == {"below_cutoff"}


def test_selection_explains_why_each_candidate_is_in_or_out():
    result = solve_selection(problem=SelectionProblem(PANEL, 3, PANEL_QUOTAS))

    assert result.selected == ("a", "b", "e")
    why = result.explanations
    assert why["a"].text == "in on merit"
    assert why["e"].code == "minimum"
    assert why["e"].text == "in to meet the minimum for field=dig"
    assert why["c"].code == "maximum"
    assert why["c"].text == "out: would exceed the maximum for gender=m"
    assert why["d"].code == "displaced"
    assert why["d"].quotas == ("field=dig",)
    assert why["f"].text == "out: below the cut-off"
    assert why["g"].code == "below_cutoff"


def test_selection_reports_binding_quotas_with_their_cost():
    result = solve_selection(problem=SelectionProblem(PANEL, 3, PANEL_QUOTAS))

    assert result.binding == (
        Binding("gender=m", "max", 2, pytest.approx(0.0)),
        Binding("field=dig", "min", 1, pytest.approx(1.0)),
    )


def test_selection_explains_a_place_left_by_a_maximum():
    candidates = people(
        ("a", 10, "env", "m"), ("b", 9, "env", "m"), ("c", 8, "env", "f"), ("d", 7, "env", "f")
    )

    result = solve_selection(problem=SelectionProblem(candidates, 2, (Quota("gender", "m", max=1),)))

    assert result.selected == ("a", "c")
    assert result.explanations["c"].code == "replacement"
    assert result.explanations["c"].quotas == ("gender=m",)
    assert result.explanations["b"].code == "maximum"


def test_selection_honours_pins():
    problem = SelectionProblem(PANEL, 3, pinned_in=("g",), pinned_out=("a",))

    result = solve_selection(problem=problem)

    assert result.selected == ("b", "c", "g")
    assert result.explanations["g"].code == "pinned_in"
    assert result.explanations["a"].code == "pinned_out"
    assert "a" not in result.waiting_list


def test_selection_waiting_list_ranks_the_rest_by_merit():
    result = solve_selection(problem=SelectionProblem(PANEL, 3, PANEL_QUOTAS))

    assert result.waiting_list == ("c", "d", "f", "g")


def test_next_offer_skips_whoever_would_exceed_a_maximum():
    problem = SelectionProblem(PANEL, 3, PANEL_QUOTAS)

    # e declines: the men are at their maximum, so c and g are passed over.
    assert next_offer(problem=problem, holding=("a", "b"), waiting_list=("c", "d", "f", "g")) == "d"
    # b declines: a man may take the place again.
    assert next_offer(problem=problem, holding=("a", "e"), waiting_list=("c", "d", "f", "g")) == "c"


def test_next_offer_prefers_who_meets_a_short_minimum():
    problem = SelectionProblem(PANEL, 3, (Quota("field", "dig", min=1),))

    assert next_offer(problem=problem, holding=("a", "b"), waiting_list=("c", "d", "f", "g")) == "g"
    assert next_offer(problem=problem, holding=("a", "b"), waiting_list=("c", "d")) == "c"
    assert next_offer(problem=problem, holding=("a", "b"), waiting_list=()) is None


def test_selection_breaks_ties_by_the_order_of_candidates():
    tied = people(("x", 5, "env", "m"), ("y", 5, "env", "m"), ("z", 5, "env", "m"), ("w", 5, "dig", "f"))

    forwards = solve_selection(problem=SelectionProblem(tied, 2))
    backwards = solve_selection(problem=SelectionProblem(tied[::-1], 2))

    assert forwards.selected == ("x", "y")
    assert backwards.selected == ("w", "z")
    assert forwards.waiting_list == ("z", "w")


def test_selection_takes_everyone_when_places_outnumber_candidates():
    result = solve_selection(problem=SelectionProblem(PANEL[:2], 5))

    assert result.status == "optimal"
    assert result.selected == ("a", "b")
    assert "only 2 candidates can be selected for 5 places" in result.warnings[0]


@pytest.mark.parametrize(
    ("quotas", "pinned_in", "conflict"),
    [
        ((Quota("field", "dig", min=3),), (), "min 3 for field=dig but only 2 candidates have it"),
        ((Quota("field", "env", min=3, max=2),), (), "min 3 is above max 2 for field=env"),
        ((Quota("gender", "f", min=4),), (), "min 4 for gender=f but only 3 places"),
        (
            (Quota("field", "env", min=2), Quota("field", "dig", min=2)),
            (),
            "minimums for field add up to 4 (min 2 for field=env, min 2 for field=dig), "
            "more than the 3 places",
        ),
        (
            (Quota("gender", "m", max=1), Quota("gender", "f", max=1)),
            (),
            "maximums for gender (max 1 for gender=m, max 1 for gender=f) allow at most 2 of the 3 places",
        ),
        ((Quota("gender", "m", max=1),), ("a", "b"), "max 1 for gender=m but 2 pinned-in candidates have it"),
        ((), ("a", "b", "c", "d"), "4 candidates are pinned in but there are only 3 places"),
    ],
)
def test_selection_names_simple_infeasible_quotas(quotas, pinned_in, conflict):
    result = solve_selection(problem=SelectionProblem(PANEL, 3, quotas, pinned_in=pinned_in))

    assert result.status == "infeasible"
    assert conflict in result.conflicts
    assert result.selected == ()
    assert result.objective is None


def test_selection_names_a_minimal_set_of_conflicting_quotas():
    quotas = (
        Quota("field", "env", max=5),
        Quota("field", "dig", min=2),
        Quota("gender", "f", min=3),
        Quota("gender", "m", max=4),
    )

    result = solve_selection(problem=SelectionProblem(PANEL, 3, quotas))

    # Only e is a woman in digital: 2 digital and 3 women need 4 of the 3 places.
    assert result.conflicts == (
        "no selection of 3 meets all of these together: min 2 for field=dig; min 3 for gender=f",
    )


def test_selection_counts_pins_among_the_conflicts():
    problem = SelectionProblem(PANEL, 2, (Quota("field", "dig", min=2),), pinned_in=("a",))

    result = solve_selection(problem=problem)

    assert result.conflicts == (
        "no selection of 2 meets all of these together: min 2 for field=dig; pinned in: a",
    )


def test_selection_notes_pinned_out_candidates_in_a_shortage():
    problem = SelectionProblem(PANEL, 3, (Quota("field", "dig", min=2),), pinned_out=("g",))

    result = solve_selection(problem=problem)

    assert result.conflicts == ("min 2 for field=dig but only 1 candidate who is not pinned out has it",)


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        (SelectionProblem((), 3), "no candidates"),
        (SelectionProblem(PANEL, -1), "places"),
        (SelectionProblem(PANEL, 2.5), "places"),
        (SelectionProblem(PANEL + PANEL[:1], 3), "candidate a appears twice"),
        (SelectionProblem((Candidate("x", float("nan")),), 1), "not a finite number"),
        (SelectionProblem((Candidate("x", "9"),), 1), "not a finite number"),
        (SelectionProblem((Candidate("x", 1, {"year": 2020}),), 1), "strings to strings"),
        (SelectionProblem(PANEL, 3, (Quota("field", "dig"),)), "neither a min nor a max"),
        (SelectionProblem(PANEL, 3, (Quota("field", "dig", min=-1),)), "whole numbers"),
        (
            SelectionProblem(PANEL, 3, (Quota("field", "dig", max=1), Quota("field", "dig", min=1))),
            "two quotas",
        ),
        (SelectionProblem(PANEL, 3, pinned_in=("zz",)), "unknown candidates: zz"),
        (SelectionProblem(PANEL, 3, pinned_in="a"), "not one string"),
        (SelectionProblem(PANEL, 3, pinned_out=(["a"],)), "must list candidate ids"),
        (SelectionProblem(PANEL, 3, pinned_in=("a",), pinned_out=("a",)), "pinned both in and out: a"),
    ],
)
def test_selection_rejects_bad_input(problem, message):
    with pytest.raises(ValueError, match=message):
        solve_selection(problem=problem)


def test_selection_json_round_trip():
    data = {
        "places": 3,
        "candidates": [{"id": c.id, "merit": c.merit, "attributes": dict(c.attributes)} for c in PANEL],
        "quotas": [
            {"attribute": "gender", "value": "m", "max": 2},
            {"attribute": "field", "value": "dig", "min": 1},
        ],
    }

    out = solve_json(data, binding_costs=False)

    assert out["status"] == "optimal"
    assert out["selected"] == ["a", "b", "e"]
    assert out["waiting_list"] == ["c", "d", "f", "g"]
    assert out["objective"] == 25
    assert out["explanations"]["e"] == {
        "code": "minimum",
        "text": "in to meet the minimum for field=dig",
        "quotas": ["field=dig"],
    }
    assert out["binding"] == [
        {"quota": "gender=m", "side": "max", "bound": 2, "cost": None},
        {"quota": "field=dig", "side": "min", "bound": 1, "cost": None},
    ]
    assert out["conflicts"] == []


def test_selection_json_reports_infeasible_quotas():
    data = {
        "places": 1,
        "candidates": [{"id": "a", "merit": 1}],
        "quotas": [{"attribute": "field", "value": "dig", "min": 1}],
    }

    out = solve_json(data)

    assert out["status"] == "infeasible"
    assert out["conflicts"] == ["min 1 for field=dig but only 0 candidates have it"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"candidates": []}, '"places"'),
        ({"places": 1}, '"candidates"'),
        ({"places": 1, "candidates": {}}, '"candidates" must be a list'),
        ({"places": 1, "candidates": [{"id": "a"}]}, r"candidates\[0\] lacks 'merit'"),
        (
            {"places": 1, "candidates": [{"id": "a", "merit": 1}], "quotas": [{"value": "x"}]},
            "lacks 'attribute'",
        ),
    ],
)
def test_selection_json_rejects_a_malformed_instance(data, message):
    with pytest.raises(ValueError, match=message):
        solve_json(data)


@pytest.mark.parametrize(
    ("quotas", "pinned_in", "notice"),
    [
        (
            (Quota("field", "dig", min=3),),
            (),
            Notice(
                "min_above_candidates", {"quota": "field=dig", "min": 3, "having": 2, "pinned_out": False}
            ),
        ),
        (
            (Quota("field", "env", min=3, max=2),),
            (),
            Notice("min_above_max", {"quota": "field=env", "min": 3, "max": 2}),
        ),
        (
            (Quota("gender", "f", min=4),),
            (),
            Notice("min_above_places", {"quota": "gender=f", "min": 4, "places": 3}),
        ),
        (
            (Quota("field", "env", min=2), Quota("field", "dig", min=2)),
            (),
            Notice(
                "minimums_exceed_places",
                {
                    "attribute": "field",
                    "total": 4,
                    "places": 3,
                    "quotas": [{"quota": "field=env", "min": 2}, {"quota": "field=dig", "min": 2}],
                },
            ),
        ),
        (
            (Quota("gender", "m", max=1), Quota("gender", "f", max=1)),
            (),
            Notice(
                "maximums_limit_places",
                {
                    "attribute": "gender",
                    "room": 2,
                    "places": 3,
                    "quotas": [{"quota": "gender=m", "max": 1}, {"quota": "gender=f", "max": 1}],
                },
            ),
        ),
        (
            (Quota("gender", "m", max=1),),
            ("a", "b"),
            Notice("max_below_pinned", {"quota": "gender=m", "max": 1, "pinned": 2}),
        ),
        ((), ("a", "b", "c", "d"), Notice("too_many_pinned_in", {"pinned": 4, "places": 3})),
    ],
)
def test_selection_notices_structure_simple_conflicts(quotas, pinned_in, notice):
    result = solve_selection(problem=SelectionProblem(PANEL, 3, quotas, pinned_in=pinned_in))

    assert notice in result.notices
    assert len(result.notices) == len(result.conflicts) + len(result.warnings)


def test_selection_notices_list_a_minimal_conflict_and_the_warnings():
    pinned = SelectionProblem(PANEL, 2, (Quota("field", "dig", min=2),), pinned_in=("a",))

    assert solve_selection(problem=pinned).notices == (
        Notice(
            "minimal_conflict",
            {
                "places": 2,
                "constraints": [
                    {"kind": "min", "quota": "field=dig", "bound": 2},
                    {"kind": "in", "candidate": "a"},
                ],
            },
        ),
    )
    assert solve_selection(problem=SelectionProblem(PANEL[:2], 5)).notices == (
        Notice("fewer_candidates", {"available": 2, "places": 5}),
    )
    assert solve_selection(problem=SelectionProblem(PANEL, 3)).notices == ()
