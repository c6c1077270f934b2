"""Reviews: scoring against the rubric, submitting, and calibrating reviewers' scores."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity
from opencampus.solvers import calibration

from ..models import Criterion, Review, Score


class ReviewError(Exception):
    """A review that cannot be saved as it is; the text is for the reviewer."""


def review_total(values, criteria):
    """A review's weighted score from 0 to 100: each criterion mapped onto its own scale first."""
    weight = sum(criterion.weight for criterion in criteria)
    total = sum(
        criterion.weight
        * (values[criterion.pk] - criterion.scale_min)
        / (criterion.scale_max - criterion.scale_min)
        for criterion in criteria
    )
    return float(100 * total / weight)


@transaction.atomic
def save_review(*, review, values, comment, actor, submit):
    """Store scores (``{criterion id: int}``) and comments; ``submit`` needs every criterion scored."""
    criteria = list(Criterion.objects.filter(call_id=review.application.call_id))
    for criterion in criteria:
        value = values.get(criterion.pk)
        if value is None:
            if submit:
                raise ReviewError(_("Score every criterion before submitting."))
            continue
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise ReviewError(
                _("“%(criterion)s” takes a score from %(low)s to %(high)s.")
                % {"criterion": criterion.name, "low": criterion.scale_min, "high": criterion.scale_max}
            )
        Score.objects.update_or_create(
            review=review, criterion=criterion, defaults={"campus": review.campus, "value": value}
        )
    review.comment = comment
    if submit and review.submitted_at is None:
        review.submitted_at = timezone.now()
    review.save()
    if submit:
        log_activity(campus=review.campus, actor=actor, action="review.submitted", subject=review.application)
    return review


def submitted_totals(call):
    """``[(application id, reviewer id, total)]`` for every submitted review of ``call``."""
    criteria = list(Criterion.objects.filter(call=call))
    values = defaultdict(dict)
    for review_id, criterion_id, value in Score.objects.filter(
        review__application__call=call, review__submitted_at__isnull=False
    ).values_list("review_id", "criterion_id", "value"):
        values[review_id][criterion_id] = value
    reviews = Review.objects.filter(application__call=call, submitted_at__isnull=False).values_list(
        "pk", "application_id", "reviewer_id"
    )
    return [
        (application_id, reviewer_id, review_total(values[pk], criteria))
        for pk, application_id, reviewer_id in reviews
        if len(values[pk]) == len(criteria)
    ]


def calibrate_call(*, call):
    """Raw and calibrated merit of every reviewed application (the additive reviewer-bias model)."""
    totals = submitted_totals(call)
    if not totals:
        return None
    return calibration.calibrate_scores(
        scores=[
            calibration.Score(application=application, reviewer=reviewer, value=value)
            for application, reviewer, value in totals
        ]
    )
