"""Building blocks of the matching tests: cohorts, people, mentors, rounds, URLs and log entries."""

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.mentors.models import MatchingRound, MatchingRun
from opencampus.mentors.services.rounds import open_round
from tests.factories import (
    CampusRoleFactory,
    CohortFactory,
    GroupMemberFactory,
    MentorFieldFactory,
    MentorProfileFactory,
    ParticipantFactory,
    TrackFactory,
    UserFactory,
    WorkingGroupFactory,
)


def person(campus, *roles, languages=("ko",), **fields):
    """A person preferring English, holding ``roles`` on ``campus``, speaking ``languages``."""
    user = UserFactory(preferred_language="en", **fields)
    user.profile.languages = list(languages)
    user.profile.save()
    with scopes_disabled():
        for role in roles:
            CampusRoleFactory(campus=campus, user=user, role=role)
    return user


def make_cohort(campus, **fields):
    with scopes_disabled():
        return CohortFactory(track=TrackFactory(campus=campus), campus=campus, **fields)


def join(cohort, languages=("ko",), **fields):
    user = person(cohort.campus, "participant", languages=languages, **fields)
    with scopes_disabled():
        return ParticipantFactory(cohort=cohort, user=user)


def withdraw(participant):
    with scopes_disabled():
        participant.state, participant.left_on = "withdrawn", participant.joined_on
        participant.save()


def group_of(cohort, *participants, **fields):
    with scopes_disabled():
        group = WorkingGroupFactory(cohort=cohort, **fields)
        for participant in participants:
            GroupMemberFactory(group=group, participant=participant)
        return group


def make_mentor(campus, *, capacity=2, languages=("ko", "en"), fields=(), keywords="", **user_fields):
    user = person(campus, "mentor", **user_fields)
    with scopes_disabled():
        return MentorProfileFactory(
            campus=campus,
            user=user,
            capacity=capacity,
            languages=list(languages),
            fields=list(fields),
            keywords=keywords,
        )


def make_field(campus, **fields):
    with scopes_disabled():
        return MentorFieldFactory(campus=campus, **fields)


def start_round(cohort, actor, kind="participants", **fields):
    with scope(campus=cohort.campus):
        return open_round(cohort=cohort, mentee_kind=kind, actor=actor, **fields)


def mark_published(round):
    """Publish ``round`` by hand, with an empty run (for tests about what a published round refuses)."""
    with scopes_disabled():
        run = MatchingRun.objects.create(campus=round.campus, round=round, results={})
        MatchingRound.objects.filter(pk=round.pk).update(
            state="published", published_run=run, published_method="stable", published_at=timezone.now()
        )
        round.refresh_from_db()
    return round


def mentees_by_participant(round):
    with scopes_disabled():
        return {mentee.participant_id: mentee for mentee in round.mentees.all()}


def mentees_by_group(round):
    with scopes_disabled():
        return {mentee.group_id: mentee for mentee in round.mentees.all()}


def manage_url(campus, name, **kwargs):
    return campus_reverse(campus, f"mentors_manage:{name}", **kwargs)


def public_url(campus, name, **kwargs):
    return campus_reverse(campus, f"mentors:{name}", **kwargs)


def actions(campus, prefix="mentor."):
    with scopes_disabled():
        entries = ActivityLog.objects.filter(campus=campus, action__startswith=prefix).order_by("pk")
        return list(entries.values_list("action", flat=True))


def outbox(campus):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(campus=campus).order_by("pk"))
