import numpy as np
import pytest
from scipy.stats import kendalltau

from opencampus.solvers.calibration import Score, calibrate_scores, solve_json
from opencampus.solvers.notices import Notice


def synthetic(*, applications=60, reviewers=12, k=3, noise=0.0, seed=0):
    """Scores from known merit and biases; each application gets k distinct reviewers."""
    rng = np.random.default_rng(seed)
    merit = rng.normal(5.0, 1.0, applications)
    bias = rng.normal(0.0, 1.0, reviewers)
    bias -= bias.mean()
    scores = []
    for a in range(applications):
        for r in rng.choice(reviewers, size=k, replace=False):
            value = merit[a] + bias[r] + rng.normal(0.0, noise)
            scores.append(Score(f"a{a}", f"r{r}", float(value)))
    return scores, merit, bias


def test_calibration_recovers_merit_and_bias_exactly_without_noise():
    scores, merit, bias = synthetic()

    result = calibrate_scores(scores=scores, bias_ridge=0.0)

    assert result.connected
    assert [result.merit[f"a{a}"] for a in range(len(merit))] == pytest.approx(merit, abs=1e-9)
    assert [result.bias[f"r{r}"] for r in range(len(bias))] == pytest.approx(bias, abs=1e-9)
    assert result.residual_std == pytest.approx(0.0, abs=1e-9)


def test_calibration_fixes_the_scale_by_biases_summing_to_zero():
    scores, merit, _ = synthetic(seed=1)
    shifted = [Score(s.application, s.reviewer, s.value + 2.0) for s in scores]

    result = calibrate_scores(scores=shifted, bias_ridge=0.0)

    # A uniform +2 from every reviewer is indistinguishable from better applications.
    assert sum(result.bias.values()) == pytest.approx(0.0, abs=1e-9)
    assert result.merit["a0"] == pytest.approx(merit[0] + 2.0)


def test_calibration_ridge_shrinks_biases_towards_zero():
    scores, _, _ = synthetic(seed=2)

    plain = calibrate_scores(scores=scores, bias_ridge=0.0)
    ridged = calibrate_scores(scores=scores, bias_ridge=5.0)

    def spread(result):
        return sum(b * b for b in result.bias.values())

    assert spread(ridged) < 0.9 * spread(plain)
    assert np.corrcoef(list(plain.bias.values()), list(ridged.bias.values()))[0, 1] > 0.95


def test_calibration_ranks_better_than_raw_means_with_harsh_and_lenient_reviewers():
    scores, merit, _ = synthetic(applications=200, reviewers=20, noise=0.3, seed=3)

    result = calibrate_scores(scores=scores)

    ids = [f"a{a}" for a in range(len(merit))]
    tau_raw = kendalltau([result.raw_mean[a] for a in ids], merit).statistic
    tau_calibrated = kendalltau([result.merit[a] for a in ids], merit).statistic
    assert tau_calibrated > tau_raw + 0.1
    assert result.residual_std == pytest.approx(0.3, rel=0.3)


def test_calibration_reports_raw_means_and_review_counts():
    scores = [Score("a", "r1", 4), Score("a", "r2", 2), Score("b", "r1", 5)]

    result = calibrate_scores(scores=scores)

    assert result.raw_mean == {"a": 3.0, "b": 5.0}
    assert result.reviews == {"a": 2, "b": 1}


def test_calibration_warns_when_the_graph_is_not_connected():
    scores, _, _ = synthetic(applications=10, reviewers=4, k=2)
    island = [Score("x1", "lonely", 3.0), Score("x2", "lonely", 4.0), Score("x2", "hermit", 2.0)]

    result = calibrate_scores(scores=scores + island)

    assert not result.connected
    assert result.components == [frozenset(f"a{a}" for a in range(10)), frozenset({"x1", "x2"})]
    group_warning = next(w for w in result.warnings if "groups" in w)
    assert "2 groups" in group_warning
    assert "x1, x2" in group_warning
    assert "hermit" in group_warning
    assert "lonely" in group_warning


def test_calibration_of_a_connected_graph_has_no_group_warning():
    scores, _, _ = synthetic()

    result = calibrate_scores(scores=scores)

    assert result.components == [frozenset(result.merit)]
    assert not any("groups" in w for w in result.warnings)


def test_calibration_warns_about_applications_with_a_single_score():
    scores = [Score("a", "r1", 4), Score("a", "r2", 2), Score("b", "r1", 5)]

    result = calibrate_scores(scores=scores)

    assert any("The calibration of 1 application (b) rests on a single score" in w for w in result.warnings)


def test_calibration_without_spare_degrees_of_freedom_has_no_residual():
    result = calibrate_scores(scores=[Score("a", "r", 3.0)])

    assert result.merit == {"a": 3.0}
    assert result.bias == {"r": 0.0}
    assert result.residual_std is None


def test_calibration_rejects_no_scores():
    with pytest.raises(ValueError, match="no scores"):
        calibrate_scores(scores=[])


@pytest.mark.parametrize("value", ["4", None, float("nan"), float("inf"), True])
def test_calibration_rejects_a_non_numeric_score(value):
    with pytest.raises(ValueError, match="not a finite number"):
        calibrate_scores(scores=[Score("a", "r", 3), Score("b", "r", value)])


def test_calibration_rejects_a_duplicate_pair():
    with pytest.raises(ValueError, match="reviewer r scored application a twice"):
        calibrate_scores(scores=[Score("a", "r", 3), Score("a", "r", 4)])


@pytest.mark.parametrize("scores", [[("a", "r", 3)], [Score("", "r", 3)], [Score("a", None, 3)]])
def test_calibration_rejects_malformed_scores(scores):
    with pytest.raises(ValueError, match=r"Score|id must be"):
        calibrate_scores(scores=scores)


@pytest.mark.parametrize("ridge", [-1.0, float("nan"), "1"])
def test_calibration_rejects_a_bad_ridge(ridge):
    with pytest.raises(ValueError, match="bias_ridge"):
        calibrate_scores(scores=[Score("a", "r", 3)], bias_ridge=ridge)


def test_calibration_json_ranks_applications_with_raw_and_calibrated_side_by_side():
    data = {
        "scores": [
            {"application": "a", "reviewer": "harsh", "value": 2},
            {"application": "a", "reviewer": "kind", "value": 4},
            {"application": "b", "reviewer": "harsh", "value": 3},
            {"application": "c", "reviewer": "kind", "value": 4.5},
        ],
        "bias_ridge": 5.0,
    }

    out = solve_json(data, bias_ridge=0.0)

    assert [a["id"] for a in out["applications"]] == ["b", "c", "a"]
    assert out["applications"][0] == {
        "id": "b",
        "calibrated": pytest.approx(4.0),
        "raw_mean": 3.0,
        "reviews": 1,
    }
    assert out["reviewers"] == [
        {"id": "harsh", "bias": pytest.approx(-1.0)},
        {"id": "kind", "bias": pytest.approx(1.0)},
    ]
    assert out["connected"] is True
    assert out["components"] == [["a", "b", "c"]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "object with a"),
        ({"scores": "x"}, "object with a"),
        ({"scores": [1]}, r"scores\[0\] must be an object"),
        ({"scores": [{"application": "a", "value": 3}]}, r"scores\[0\] lacks 'reviewer'"),
    ],
)
def test_calibration_json_rejects_a_malformed_instance(data, message):
    with pytest.raises(ValueError, match=message):
        solve_json(data)


def test_calibration_notices_name_the_groups_and_the_single_scores():
    scores, _, _ = synthetic(applications=10, reviewers=4, k=2)
    island = [Score("x1", "lonely", 3.0), Score("x2", "lonely", 4.0), Score("x2", "hermit", 2.0)]

    result = calibrate_scores(scores=scores + island)

    split, single = result.notices
    assert split.code == "split_groups"
    assert [set(group["applications"]) for group in split.params["groups"]] == [
        {f"a{a}" for a in range(10)},
        {"x1", "x2"},
    ]
    assert split.params["groups"][1]["reviewers"] == ["lonely", "hermit"]
    assert single == Notice("single_score", {"applications": ["x1"]})
    assert len(result.notices) == len(result.warnings)


def test_calibration_of_a_connected_graph_has_no_notice():
    scores, _, _ = synthetic()

    assert calibrate_scores(scores=scores).notices == ()
