"""Computing a round's two results (stable and maximum total fit) and publishing one of them.

The solver runs inside the operator's request: fine up to a few hundred mentees."""

from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.solvers import mentoring

from ..models import MatchingRound, MatchingRun, Mentee, Mentorship
from .errors import MentorsError
from .matching_mail import DEFAULT_BASE_URL, announce_match
from .matching_problem import build_problem
from .rounds import mentor_pool

METHODS = tuple(MatchingRound.Method.values)


def check_not_published(round):
    if round.state != MatchingRound.State.RANKING:
        raise MentorsError(_("This round is published: it can no longer be computed again."))


@transaction.atomic
def compute_matching(*, round, actor):
    """Solve the round both ways and store the run: ``{"stable": …, "max_fit": …,
    "capacity_shortfall": n, "capacities": {mentor id: room}}``. The round stays locked meanwhile,
    so it is not published under the computation."""
    round = (
        MatchingRound.objects.select_for_update(of=("self",))
        .select_related("campus", "cohort")
        .get(pk=round.pk)
    )
    check_not_published(round)
    problem = build_problem(round)
    if not problem.mentees:
        raise MentorsError(_("The round has no mentees."))
    if not problem.mentors:
        raise MentorsError(_("No active mentor has room in this round."))
    try:
        mentoring.validate(problem)
        results = mentoring.solve(problem)
    except ValueError as error:
        raise MentorsError(_("The round cannot be computed: %(error)s") % {"error": error}) from error
    run = MatchingRun.objects.create(
        campus=round.campus,
        round=round,
        created_by=actor,
        results={
            **{method: mentoring.result_to_json(results[method]) for method in METHODS},
            "capacity_shortfall": mentoring.capacity_shortfall(problem),
            "capacities": {mentor.id: mentor.capacity for mentor in problem.mentors},
        },
    )
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.matching_computed",
        subject=round,
        data={
            "run": run.pk,
            **{f"{method}_matched": results[method].matched for method in METHODS},
            "capacity_shortfall": run.results["capacity_shortfall"],
        },
    )
    return run


def check_still_valid(round, result, pairs):
    """The run's mentees must still be the round's, and its mentors still have the room it used."""
    computed_for = {int(key) for key in result.get("unmatched", {})} | {mentee for mentee, _mentor in pairs}
    if computed_for != set(round.mentees.values_list("pk", flat=True)):
        raise MentorsError(_("The round's mentees changed since this run: compute again."))
    room = {profile.pk: profile.room for profile in mentor_pool(round)}
    for mentor_id, taken in Counter(mentor for _mentee, mentor in pairs).items():
        if taken > room.get(mentor_id, 0):
            raise MentorsError(_("A mentor of this run no longer has the room it used: compute again."))


@transaction.atomic
def publish_result(*, run, method, actor, base_url=DEFAULT_BASE_URL):
    """Publish ``method``'s result of ``run``: the round is published and each assignment becomes a
    proposed mentorship, announced to both sides by mail."""
    round = (
        MatchingRound.objects.select_for_update(of=("self",))
        .select_related("campus", "cohort")
        .get(pk=run.round_id)
    )
    check_not_published(round)
    if method not in METHODS:
        raise MentorsError(_("Choose the stable or the maximum-fit result."), field="method")
    result = run.results.get(method) or {}
    pairs = [(int(item["mentee"]), int(item["mentor"])) for item in result.get("assignments", [])]
    if not pairs:
        raise MentorsError(_("This result matches nobody."))
    check_still_valid(round, result, pairs)
    mentorships = Mentorship.objects.bulk_create(
        Mentorship(campus=round.campus, round=round, mentee_id=mentee, mentor_id=mentor)
        for mentee, mentor in pairs
    )
    round.state, round.published_run, round.published_method = MatchingRound.State.PUBLISHED, run, method
    round.published_at = timezone.now()
    round.save(update_fields=["state", "published_run", "published_method", "published_at"])
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.matching_published",
        subject=round,
        data={"run": run.pk, "method": method, "mentorships": len(mentorships)},
    )
    mentees = Mentee.objects.select_related("participant__user", "group").in_bulk(
        [mentee for mentee, _m in pairs]
    )
    for mentorship in Mentorship.objects.filter(round=round).select_related("mentor__user", "campus"):
        mentorship.mentee = mentees[mentorship.mentee_id]
        announce_match(mentorship, base_url=base_url)
    return mentorships
