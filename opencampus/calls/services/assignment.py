"""Assign reviewers to a call's applications with the exact solver, and keep the result."""

import math
import time

from django.db import transaction

from opencampus.core.services.activity import log_activity
from opencampus.people.models import CampusRole, Membership, User
from opencampus.solvers import assignment as solver

from ..models import Application, AssignmentOverride, AssignmentRun, Review
from .affinity import affinity_matrix
from .conflicts import conflicting_pairs
from .solver_notices import as_json

REVIEWABLE_STATES = (Application.State.SUBMITTED, Application.State.ELIGIBLE)


def reviewers_of(campus):
    return list(
        User.objects.filter(
            campus_roles__campus=campus, campus_roles__role=CampusRole.Role.REVIEWER, is_active=True
        ).order_by("pk")
    )


def reviewable_applications(call):
    return list(Application.objects.filter(call=call, state__in=REVIEWABLE_STATES).order_by("pk"))


def default_max_load(*, applications, reviewers, reviews_per_application):
    """An even share of the reviews, plus one so the solver has room to follow affinity."""
    if not reviewers:
        return 0
    return math.ceil(len(applications) * reviews_per_application / len(reviewers)) + 1


def build_problem(*, call, reviews_per_application, min_load, max_load):
    applications = reviewable_applications(call)
    reviewers = reviewers_of(call.campus)
    first_organisation = dict(
        Membership.objects.filter(campus=call.campus, user__in=reviewers)
        .order_by("-user_id", "-pk")
        .values_list("user_id", "organisation_id")
    )
    overrides = AssignmentOverride.objects.filter(application__call=call)
    # Reviews already submitted stay where they are: the solver works around them.
    submitted = set(
        Review.objects.filter(application__call=call, submitted_at__isnull=False).values_list(
            "application_id", "reviewer_id"
        )
    )
    problem = solver.AssignmentProblem(
        reviews_per_application=reviews_per_application,
        reviewers=tuple(
            solver.Reviewer(
                id=reviewer.pk,
                min_load=min_load,
                max_load=max_load,
                organisation=first_organisation.get(reviewer.pk),
            )
            for reviewer in reviewers
        ),
        applications=tuple(
            solver.Application(id=application.pk, organisation=application.organisation_id)
            for application in applications
        ),
        affinity=affinity_matrix(applications=applications, reviewers=reviewers),
        conflicts=frozenset(conflicting_pairs(call=call, reviewers=reviewers)),
        pinned=frozenset(
            submitted
            | set(
                overrides.filter(kind=AssignmentOverride.Kind.PIN).values_list(
                    "application_id", "reviewer_id"
                )
            )
        ),
        forbidden=frozenset(
            overrides.filter(kind=AssignmentOverride.Kind.FORBID).values_list("application_id", "reviewer_id")
        ),
    )
    return problem


@transaction.atomic
def run_assignment(
    *, call, actor, reviews_per_application=3, min_load=0, max_load=None, one_per_organisation=False
):
    """Solve, record the run, and (when solved) make the reviews match the new assignment.

    Unsubmitted reviews that the new assignment drops are removed; submitted ones never are.
    """
    if max_load is None:
        max_load = default_max_load(
            applications=reviewable_applications(call),
            reviewers=reviewers_of(call.campus),
            reviews_per_application=reviews_per_application,
        )
    problem = build_problem(
        call=call, reviews_per_application=reviews_per_application, min_load=min_load, max_load=max_load
    )
    started = time.perf_counter()
    result = solver.solve_assignment(problem, one_per_organisation=one_per_organisation, time_limit=60)
    run = AssignmentRun.objects.create(
        campus=call.campus,
        call=call,
        actor=actor,
        status=result.status,
        objective=result.objective,
        bound=result.bound,
        gap=result.gap,
        message=result.message,
        seconds=round(time.perf_counter() - started, 3),
        parameters={
            "reviews_per_application": reviews_per_application,
            "min_load": min_load,
            "max_load": max_load,
            "one_per_organisation": one_per_organisation,
            "applications": len(problem.applications),
            "reviewers": len(problem.reviewers),
            # The message's reasons, structured, to word them in the reader's language.
            "notices": as_json(result.notices),
        },
    )
    if result.status != "infeasible":
        apply_assignment(call=call, pairs=set(result.assignments))
    log_activity(
        campus=call.campus,
        actor=actor,
        action="review.assignment_run",
        subject=call,
        data={"run": run.pk, "status": result.status, "objective": result.objective},
    )
    return run


def apply_assignment(*, call, pairs):
    reviews = Review.objects.filter(application__call=call)
    existing = {
        (application_id, reviewer_id): (pk, submitted_at)
        for pk, application_id, reviewer_id, submitted_at in reviews.values_list(
            "pk", "application_id", "reviewer_id", "submitted_at"
        )
    }
    dropped = [
        pk for pair, (pk, submitted_at) in existing.items() if pair not in pairs and submitted_at is None
    ]
    Review.objects.filter(pk__in=dropped).delete()
    Review.objects.bulk_create(
        Review(campus=call.campus, application_id=application_id, reviewer_id=reviewer_id)
        for application_id, reviewer_id in sorted(pairs - existing.keys())
    )
