"""Mentorships, sessions and what they leave behind (activity, outbox), for the mentoring tests.

People made here prefer English, so pages they read and mails they get are in English."""

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.mentors.models import MatchingRound
from opencampus.programs.models import Participant
from tests.factories import (
    CampusRoleFactory,
    CohortFactory,
    GroupMemberFactory,
    MatchingRoundFactory,
    MenteeFactory,
    MentoringSessionFactory,
    MentorProfileFactory,
    MentorshipFactory,
    ParticipantFactory,
    TrackFactory,
    UserFactory,
    WorkingGroupFactory,
)

BASE_URL = "https://campus.example.org"


def person(campus, *roles, **fields):
    user = UserFactory(**{"preferred_language": "en", **fields})
    with scopes_disabled():
        for role in roles:
            CampusRoleFactory(campus=campus, user=user, role=role)
    return user


def new_cohort(campus, **fields):
    with scopes_disabled():
        return CohortFactory(track=TrackFactory(campus=campus), campus=campus, **fields)


def new_mentor(campus, name="Mentor Kim", **fields):
    with scopes_disabled():
        return MentorProfileFactory(campus=campus, user=person(campus, "mentor", name_en=name), **fields)


def participant_mentorship(campus, *, cohort=None, mentor=None, mentee_name="Mina", **fields):
    """A mentorship of ``mentor`` (a new one if not given) with a new participant of ``cohort``."""
    cohort = cohort or new_cohort(campus)
    mentor = mentor or new_mentor(campus)
    with scopes_disabled():
        round_ = MatchingRoundFactory(cohort=cohort)
        participant = ParticipantFactory(
            cohort=cohort, user=person(campus, "participant", name_en=mentee_name)
        )
        mentee = MenteeFactory(round=round_, participant=participant)
        return MentorshipFactory(mentee=mentee, mentor=mentor, **fields)


def group_mentorship(
    campus, *, members=("Ana", "Ben"), cohort=None, mentor=None, group_name="Compost", **fields
):
    """A mentorship of a new working group whose members are new participants named ``members``."""
    cohort = cohort or new_cohort(campus)
    mentor = mentor or new_mentor(campus)
    with scopes_disabled():
        group = WorkingGroupFactory(cohort=cohort, name=group_name)
        for name in members:
            participant = ParticipantFactory(cohort=cohort, user=person(campus, "participant", name_en=name))
            GroupMemberFactory(group=group, participant=participant)
        round_ = MatchingRoundFactory(cohort=cohort, mentee_kind=MatchingRound.MenteeKind.GROUPS)
        mentee = MenteeFactory(round=round_, participant=None, group=group)
        return MentorshipFactory(mentee=mentee, mentor=mentor, **fields)


def mentee_user(mentorship):
    """The participant mentee, or the first member of the mentee group."""
    with scopes_disabled():
        if mentorship.mentee.group_id:
            return mentorship.mentee.group.members.order_by("pk").first().participant.user
        return mentorship.mentee.participant.user


def group_members(mentorship):
    with scopes_disabled():
        return [member.participant.user for member in mentorship.mentee.group.members.order_by("pk")]


def withdraw(user):
    """``user`` leaves their cohort."""
    with scopes_disabled():
        Participant.objects.filter(user=user).update(
            state=Participant.State.WITHDRAWN, left_on=timezone.localdate()
        )


def add_session(mentorship, *, days=0, hours=0, starts_at=None, **fields):
    """A session at ``starts_at``, or ``days`` (and ``hours``) from now; negative values are past."""
    starts_at = starts_at or timezone.now() + timedelta(days=days, hours=hours)
    with scopes_disabled():
        return MentoringSessionFactory(mentorship=mentorship, starts_at=starts_at, **fields)


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def actions(campus):
    with scopes_disabled():
        entries = ActivityLog.objects.filter(campus=campus, action__startswith="mentor.session_").order_by(
            "pk"
        )
        return list(entries.values_list("action", flat=True))


def mails(campus):
    """``[(to, subject, body), …]`` of the campus's outbox, oldest first."""
    with scopes_disabled():
        messages = OutboxMessage.objects.filter(campus=campus).order_by("pk")
        return [(message.to, message.subject, message.body) for message in messages]


def in_scope(campus):
    return scope(campus=campus)


def page(mentorship, name="mentorship", **kwargs):
    return campus_reverse(mentorship.campus, f"mentors:{name}", pk=mentorship.pk, **kwargs)
