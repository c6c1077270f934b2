"""An experiment's progress is the weighted average of its milestones, rounded half up, and the
SQL annotation for lists gives the same number as the Python function on every database."""

import random

import pytest
from django_scopes import scopes_disabled

from opencampus.experiments.models import Experiment, Milestone
from opencampus.experiments.services.progress import experiment_progress, weighted_progress, with_progress


def steps(*pairs):
    return [Milestone(weight=weight, progress=progress) for weight, progress in pairs]


def test_weighted_progress_without_milestones_is_none():
    assert weighted_progress([]) is None


def test_weighted_progress_counts_each_milestone_by_its_weight():
    assert weighted_progress(steps((1, 100), (3, 0))) == 25


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (((1, 0), (1, 1)), 1),  # 0.5 rounds up
        (((1, 50), (1, 51)), 51),  # 50.5 rounds up
        (((1, 50), (2, 75)), 67),  # 66.67
        (((2, 10), (1, 11)), 10),  # 10.33
        (((3, 33), (3, 34)), 34),  # 33.5 rounds up
    ],
)
def test_weighted_progress_rounds_half_up(pairs, expected):
    assert weighted_progress(steps(*pairs)) == expected


def annotated(experiment):
    with scopes_disabled():
        return with_progress(Experiment.objects.filter(pk=experiment.pk)).get().progress


def test_progress_annotation_without_milestones_is_none(make_experiment):
    experiment = make_experiment()

    assert annotated(experiment) is None


def test_progress_annotation_rounds_half_up_like_python(make_experiment):
    # 50.5 and 33.5: truncating or float division in SQL would give 50 and 33.
    half = make_experiment(milestones=[(1, 50), (1, 51)])
    third = make_experiment(milestones=[(3, 33), (3, 34)])

    assert (annotated(half), annotated(third)) == (51, 34)


def test_progress_annotation_survives_weights_beyond_small_integers(make_experiment):
    # 1000 · 100 overflows PostgreSQL's smallint, the type the columns have.
    experiment = make_experiment(milestones=[(1000, 100), (999, 0)])

    assert annotated(experiment) == 50


def test_progress_annotation_agrees_with_python_on_random_experiments(make_experiment):
    generator = random.Random(20261206)
    experiments = [
        make_experiment(
            milestones=[
                (generator.randint(1, 1000), generator.randint(0, 100))
                for _ in range(generator.randint(0, 6))
            ]
        )
        for _ in range(60)
    ]

    with scopes_disabled():
        in_sql = dict(with_progress(Experiment.objects.all()).values_list("pk", "progress"))
        in_python = {experiment.pk: experiment_progress(experiment) for experiment in experiments}

    assert in_sql == in_python
    assert any(value is None for value in in_python.values())
