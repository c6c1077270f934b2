"""An experiment's progress: the weighted average of its milestones' progress, rolled up as
Decidim's accountability does, computed in Python for one experiment and in SQL for lists.

Both round half up to a whole percent with the same integer arithmetic,
``(2·Σ(weight·progress) + Σweight) // (2·Σweight)``, so they always agree. In SQL the sums are of
``integer`` (not ``smallint``, which would overflow, nor ``bigint``, whose sum PostgreSQL returns as
``numeric`` and would divide exactly): PostgreSQL sums them as ``bigint`` and SQLite as integers,
so ``/`` divides whole numbers on both.
"""

from django.db.models import ExpressionWrapper, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Cast

from ..models import Milestone


def weighted_progress(milestones):
    """Σ(weight·progress) / Σ(weight) as a whole percent rounded half up; ``None`` without milestones."""
    weighted = total = 0
    for milestone in milestones:
        weighted += milestone.weight * milestone.progress
        total += milestone.weight
    if total == 0:
        return None
    return (2 * weighted + total) // (2 * total)


def experiment_progress(experiment):
    """``experiment``'s progress from its milestones (prefetched ones are used as they are)."""
    return weighted_progress(experiment.milestones.all())


def progress_expression():
    """A subquery giving each experiment's progress in the outer query (``None`` without milestones)."""
    weight = Cast("weight", IntegerField())
    weighted = Sum(weight * Cast("progress", IntegerField()))
    total = Sum(weight)
    percents = (
        Milestone.objects.filter(experiment=OuterRef("pk"))
        .order_by()
        .values("experiment")
        .annotate(
            percent=ExpressionWrapper((2 * weighted + total) / (2 * total), output_field=IntegerField())
        )
        .values("percent")
    )
    return Subquery(percents, output_field=IntegerField())


def with_progress(experiments):
    """``experiments`` annotated with ``progress``, in the same query whatever their number."""
    return experiments.annotate(progress=progress_expression())
