"""Conflicts of interest: declared by reviewers, recorded by staff, or derived from shared
organisations (a reviewer never reviews an organisation they belong to, nor a colleague)."""

from collections import defaultdict

from opencampus.core.services.activity import log_activity
from opencampus.people.models import Membership

from ..models import Application, Conflict


def declare_conflict(*, application, reviewer, note="", source=Conflict.Source.DECLARED, actor):
    conflict, created = Conflict.objects.get_or_create(
        application=application,
        reviewer=reviewer,
        defaults={"campus": application.campus, "source": source, "note": note},
    )
    if created:
        log_activity(
            campus=application.campus,
            actor=actor,
            action="review.conflict_declared",
            subject=application,
            data={"reviewer": reviewer.pk, "source": source},
        )
    return conflict


def organisation_conflicts(*, call, reviewers):
    """``{(application_id, reviewer_id)}`` where reviewer and applicant share an organisation,
    or the application is made on behalf of the reviewer's organisation."""
    reviewer_ids = [reviewer.pk for reviewer in reviewers]
    organisations_of = defaultdict(set)
    applications = list(
        Application.objects.filter(call=call)
        .exclude(state=Application.State.DRAFT)
        .values_list("pk", "applicant_id", "organisation_id")
    )
    people = reviewer_ids + [applicant for _, applicant, _ in applications]
    for user_id, organisation_id in Membership.objects.filter(
        campus=call.campus, user_id__in=people
    ).values_list("user_id", "organisation_id"):
        organisations_of[user_id].add(organisation_id)
    pairs = set()
    for application_id, applicant_id, organisation_id in applications:
        theirs = organisations_of[applicant_id] | ({organisation_id} if organisation_id else set())
        for reviewer_id in reviewer_ids:
            if reviewer_id == applicant_id or organisations_of[reviewer_id] & theirs:
                pairs.add((application_id, reviewer_id))
    return pairs


def conflicting_pairs(*, call, reviewers):
    """Every pair that must not be assigned: recorded conflicts and organisation conflicts."""
    recorded = set(
        Conflict.objects.filter(application__call=call).values_list("application_id", "reviewer_id")
    )
    return recorded | organisation_conflicts(call=call, reviewers=reviewers)
