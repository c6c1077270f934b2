"""Score calibration: separate each application's merit from its reviewers' harshness.

Model, one equation per score::

    score[a, r] = merit[a] + bias[r] + noise

``merit[a]`` is the calibrated score on the original scale: what an average reviewer (bias 0)
would give. The overall level μ of the usual ``μ + merit + bias`` form is folded into merit,
which carries no penalty.

The model is identified only up to a shift per connected group of the reviewer-application
graph (add ``c`` to every merit of the group, take it from every bias), so each group's biases
are fixed to **sum to zero**: the group's average reviewer defines its scale. On top of that a
**ridge penalty** ``bias_ridge * Σ bias²`` shrinks the biases of reviewers with few scores
towards zero, as if each reviewer had also given ``bias_ridge`` scores with no bias. Merit is not
penalised, so an application is never pulled towards the call's mean. ``bias_ridge=0`` gives
the plain least-squares fit, which recovers merit and biases exactly from noise-free scores.

The fit solves the normal equations of this least-squares problem exactly, with the sum-to-zero
rows and the ridge added to them; the sum-to-zero rows cost no fit since they only choose along
the shift. The merit block is diagonal and is eliminated first, leaving a dense system with one
row per reviewer (milliseconds for hundreds of reviewers, fine into the low thousands).

Besides the English ``warnings``, a result carries ``notices`` (one per warning, same order):
``split_groups`` with ``groups`` (a list of ``{"applications": [...], "reviewers": [...]}``,
largest first) and ``single_score`` with ``applications``.
"""

import math
import numbers
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .notices import Notice

DEFAULT_BIAS_RIDGE = 1.0
_LISTED_IDS = 5


@dataclass(frozen=True)
class Score:
    application: Hashable
    reviewer: Hashable
    value: float


@dataclass(frozen=True)
class CalibrationResult:
    merit: dict[Hashable, float]
    raw_mean: dict[Hashable, float]
    bias: dict[Hashable, float]
    connected: bool
    # Application ids of each connected group, largest first; scores compare only within a group.
    components: list[frozenset]
    residual_std: float | None
    warnings: list[str]
    reviews: dict[Hashable, int]
    notices: tuple[Notice, ...] = ()


def calibrate_scores(*, scores: Iterable[Score], bias_ridge: float = DEFAULT_BIAS_RIDGE) -> CalibrationResult:
    """Fit merit and reviewer biases to ``scores``; raise ``ValueError`` on bad input."""
    scores = _validated(scores, bias_ridge)
    applications = list(dict.fromkeys(s.application for s in scores))
    reviewers = list(dict.fromkeys(s.reviewer for s in scores))
    n_a, n_r, n = len(applications), len(reviewers), len(scores)
    a_index = {a: i for i, a in enumerate(applications)}
    r_index = {r: i for i, r in enumerate(reviewers)}
    a_col = np.array([a_index[s.application] for s in scores])
    r_col = np.array([r_index[s.reviewer] for s in scores])
    y = np.array([float(s.value) for s in scores])

    incidence = sparse.csr_array((np.ones(n), (a_col, r_col)), shape=(n_a, n_r))
    graph = sparse.block_array([[None, incidence], [incidence.T, None]])
    n_groups, labels = connected_components(graph, directed=False)
    a_group, r_group = labels[:n_a], labels[n_a:]

    # Normal equations [[D_a, N], [Nᵀ, D_r + ridge·I + CᵀC]] · [merit; bias] = [sums per application;
    # sums per reviewer], with N the incidence, D the score counts and C the sum-to-zero rows (one per
    # group). D_a is diagonal, so merit is eliminated first and the system left has one row per reviewer.
    counts = np.bincount(a_col, minlength=n_a)
    sums = np.bincount(a_col, weights=y, minlength=n_a)
    per_application = sparse.diags_array(1.0 / counts) @ incidence
    same_group = (r_group[:, None] == r_group[None, :]).astype(float)
    system = (
        np.diag(np.bincount(r_col, minlength=n_r) + float(bias_ridge))
        + same_group
        - (incidence.T @ per_application).toarray()
    )
    rhs = np.bincount(r_col, weights=y, minlength=n_r) - incidence.T @ (sums / counts)
    bias = np.linalg.solve(system, rhs)
    merit = (sums - incidence @ bias) / counts

    residual = y - merit[a_col] - bias[r_col]
    dof = n - (n_a + n_r - n_groups)
    residual_std = math.sqrt(float(residual @ residual) / dof) if dof > 0 else None

    raw_mean = sums / counts
    groups = _groups(applications, reviewers, a_group, r_group, n_groups)
    warnings = _warnings(groups, applications, counts)
    return CalibrationResult(
        merit={a: float(merit[i]) for i, a in enumerate(applications)},
        raw_mean={a: float(raw_mean[i]) for i, a in enumerate(applications)},
        bias={r: float(bias[i]) for i, r in enumerate(reviewers)},
        connected=n_groups == 1,
        components=[frozenset(apps) for apps, _ in groups],
        residual_std=residual_std,
        warnings=[text for text, _ in warnings],
        reviews={a: int(counts[i]) for i, a in enumerate(applications)},
        notices=tuple(notice for _, notice in warnings),
    )


def _validated(scores: Iterable[Score], bias_ridge: float) -> list[Score]:
    if not _is_number(bias_ridge) or bias_ridge < 0:
        raise ValueError(f"bias_ridge must be a finite number ≥ 0, not {bias_ridge!r}")
    scores = list(scores)
    if not scores:
        raise ValueError("no scores to calibrate")
    seen = set()
    for position, score in enumerate(scores):
        if not isinstance(score, Score):
            raise ValueError(f"score {position} is a {type(score).__name__}, not a Score")
        for role in ("application", "reviewer"):
            key = getattr(score, role)
            if key is None or isinstance(key, bool) or not isinstance(key, str | int) or key == "":
                raise ValueError(f"score {position}: {role} id must be a non-empty string or an integer")
        if not _is_number(score.value):
            raise ValueError(
                f"score {position} ({score.application}, {score.reviewer}): value {score.value!r} "
                "is not a finite number"
            )
        pair = (score.application, score.reviewer)
        if pair in seen:
            raise ValueError(f"reviewer {score.reviewer} scored application {score.application} twice")
        seen.add(pair)
    return scores


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _groups(applications, reviewers, a_group, r_group, n_groups) -> list[tuple[list, list]]:
    groups = [([], []) for _ in range(n_groups)]
    for application, group in zip(applications, a_group, strict=True):
        groups[group][0].append(application)
    for reviewer, group in zip(reviewers, r_group, strict=True):
        groups[group][1].append(reviewer)
    # Largest first; ties keep the order in which the scores first mention them.
    return sorted(groups, key=lambda g: -len(g[0]))


def _warnings(groups, applications, counts) -> list[tuple[str, Notice]]:
    warnings = []
    if len(groups) > 1:
        described = "; ".join(
            f"group {number}: {_listed(apps, 'application')} scored by {_listed(revs, 'reviewer')}"
            for number, (apps, revs) in enumerate(groups, start=1)
        )
        warnings.append(
            (
                f"The reviewers and applications fall into {len(groups)} groups that share no reviewer; "
                f"calibrated scores compare only within a group ({described}).",
                Notice(
                    "split_groups",
                    {"groups": [{"applications": apps, "reviewers": revs} for apps, revs in groups]},
                ),
            )
        )
    single = [a for a, count in zip(applications, counts, strict=True) if count == 1]
    if single:
        warnings.append(
            (
                f"The calibration of {_listed(single, 'application')} rests on a single score each, "
                "hence on one reviewer's bias.",
                Notice("single_score", {"applications": single}),
            )
        )
    return warnings


def _listed(ids, noun: str) -> str:
    shown = ", ".join(str(i) for i in ids[:_LISTED_IDS])
    more = f" and {len(ids) - _LISTED_IDS} more" if len(ids) > _LISTED_IDS else ""
    return f"{len(ids)} {noun}{'' if len(ids) == 1 else 's'} ({shown}{more})"


def solve_json(data: dict, **options) -> dict:
    """Calibrate a JSON instance (see docs/solvers.md, "Score calibration").

    In: ``{"scores": [{"application": "a1", "reviewer": "r1", "value": 4}], "bias_ridge": 1.0}``;
    a ``bias_ridge`` option overrides the instance's. Out: applications ranked by calibrated
    score with their raw mean side by side, reviewer biases, groups, residual and warnings.
    """
    if not isinstance(data, dict) or not isinstance(data.get("scores"), list):
        raise ValueError('the instance must be an object with a "scores" list')
    scores = []
    for position, item in enumerate(data["scores"]):
        if not isinstance(item, dict):
            raise ValueError(f"scores[{position}] must be an object")
        missing = [key for key in ("application", "reviewer", "value") if key not in item]
        if missing:
            raise ValueError(f"scores[{position}] lacks {', '.join(repr(k) for k in missing)}")
        scores.append(Score(item["application"], item["reviewer"], item["value"]))
    bias_ridge = options.get("bias_ridge", data.get("bias_ridge", DEFAULT_BIAS_RIDGE))
    result = calibrate_scores(scores=scores, bias_ridge=bias_ridge)
    ranked = sorted(result.merit, key=lambda a: -result.merit[a])
    return {
        "connected": result.connected,
        "components": [sorted(group, key=str) for group in result.components],
        "residual_std": result.residual_std,
        "warnings": result.warnings,
        "applications": [
            {
                "id": a,
                "calibrated": result.merit[a],
                "raw_mean": result.raw_mean[a],
                "reviews": result.reviews[a],
            }
            for a in ranked
        ],
        "reviewers": [{"id": r, "bias": b} for r, b in result.bias.items()],
    }
