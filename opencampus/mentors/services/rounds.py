"""Matching rounds: who the mentees are, which mentors form the pool, and how much room each has."""

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.people.models import Profile
from opencampus.programs.models import Participant
from opencampus.workgroups.models import GroupMember, WorkingGroup

from ..models import MatchingRound, Mentee, MentorProfile, Mentorship
from .errors import MentorsError

Kind = MatchingRound.MenteeKind
ENDED = Mentorship.State.ENDED


def is_open_for_rankings(round, now=None):
    """Rankings are taken while the round is not published and its close date, if any, is ahead."""
    if round.state != MatchingRound.State.RANKING:
        return False
    return round.rankings_close_at is None or (now or timezone.now()) < round.rankings_close_at


def mentor_pool(round):
    """The campus's active mentors, each with ``room``: their capacity less their open mentorships
    of other rounds (0 = full)."""
    busy = (
        Mentorship.objects.filter(mentor=OuterRef("pk"))
        .exclude(state=ENDED)
        .exclude(round=round)
        .order_by()
        .values("mentor")
        .annotate(count=Count("pk"))
        .values("count")
    )
    profiles = list(
        MentorProfile.objects.filter(campus=round.campus, state=MentorProfile.State.ACTIVE)
        .select_related("user")
        .prefetch_related("fields")
        .annotate(busy_elsewhere=Coalesce(Subquery(busy), 0))
    )
    for profile in profiles:
        profile.room = max(0, profile.capacity - profile.busy_elsewhere)
    return profiles


def active_participants(cohort):
    return Participant.objects.filter(cohort=cohort, state=Participant.State.ACTIVE)


def groups_with_members(cohort):
    """The cohort's working groups with at least one member still taking part."""
    members = GroupMember.objects.filter(participant__state=Participant.State.ACTIVE)
    return WorkingGroup.objects.filter(cohort=cohort, pk__in=members.values("group"))


def languages_of_people(user_ids):
    """The union of the languages these people's profiles name, in a stable order."""
    found = set()
    for languages in Profile.objects.filter(user_id__in=user_ids).values_list("languages", flat=True):
        found.update(languages or [])
    return sorted(found)


def languages_by_group(groups):
    """``{group id: [language, …]}``: the union of the active members' languages."""
    members = {}
    for group_id, user_id in GroupMember.objects.filter(
        group__in=groups, participant__state=Participant.State.ACTIVE
    ).values_list("group_id", "participant__user_id"):
        members.setdefault(group_id, []).append(user_id)
    return {group_id: languages_of_people(users) for group_id, users in members.items()}


def new_mentees(round):
    """Mentee rows, unsaved, for the participants or groups that are not in the round yet."""
    present = round.mentees.all()
    if round.mentee_kind == Kind.PARTICIPANTS:
        joining = active_participants(round.cohort).exclude(pk__in=present.values("participant"))
        languages = dict(joining.values_list("pk", "user__profile__languages"))
        return [
            Mentee(campus=round.campus, round=round, participant_id=pk, languages=sorted(found or []))
            for pk, found in sorted(languages.items())
        ]
    joining = groups_with_members(round.cohort).exclude(pk__in=present.values("group")).order_by("pk")
    languages = languages_by_group(joining)
    return [
        Mentee(campus=round.campus, round=round, group_id=pk, languages=languages.get(pk, []))
        for pk in joining.values_list("pk", flat=True)
    ]


def gone_mentees(round):
    """The round's mentees who no longer take part (or groups left without members)."""
    if round.mentee_kind == Kind.PARTICIPANTS:
        return round.mentees.exclude(participant__in=active_participants(round.cohort))
    return round.mentees.exclude(group__in=groups_with_members(round.cohort))


@transaction.atomic
def open_round(*, cohort, mentee_kind, actor, rankings_close_at=None):
    """A round for the cohort's active participants or its working groups, collecting rankings."""
    if mentee_kind not in Kind.values:
        raise MentorsError(_("Choose participants or working groups."), field="mentee_kind")
    if MatchingRound.objects.filter(
        cohort=cohort, mentee_kind=mentee_kind, state=MatchingRound.State.RANKING
    ).exists():
        raise MentorsError(
            _("This cohort already has a round of this kind collecting rankings: publish it first."),
            field="mentee_kind",
        )
    if rankings_close_at is not None and rankings_close_at <= timezone.now():
        raise MentorsError(_("The close date must be in the future."), field="rankings_close_at")
    round = MatchingRound(
        campus=cohort.campus,
        cohort=cohort,
        mentee_kind=mentee_kind,
        rankings_close_at=rankings_close_at,
        created_by=actor,
    )
    round.save()
    mentees = Mentee.objects.bulk_create(new_mentees(round))
    if not mentees:
        if mentee_kind == Kind.GROUPS:
            raise MentorsError(_("The cohort has no working groups yet."), field="mentee_kind")
        raise MentorsError(_("Nobody takes part in the cohort yet."), field="cohort")
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="mentor.round_opened",
        subject=round,
        data={"cohort": cohort.pk, "kind": mentee_kind, "mentees": len(mentees)},
    )
    return round


@transaction.atomic
def refresh_mentees(*, round, actor):
    """Add the participants or groups that appeared since the round opened and remove those gone
    (with their rankings and pair rules). Returns ``(added, removed)``."""
    if round.state != MatchingRound.State.RANKING:
        raise MentorsError(_("This round is published: its mentees no longer change."))
    added = Mentee.objects.bulk_create(new_mentees(round))
    _total, deleted = gone_mentees(round).delete()
    removed = deleted.get(Mentee._meta.label, 0)
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.round_mentees_refreshed",
        subject=round,
        data={"added": len(added), "removed": removed},
    )
    return len(added), removed


def change_close_date(*, round, rankings_close_at, actor):
    """Set (or clear, with ``None``) when rankings close."""
    if round.state != MatchingRound.State.RANKING:
        raise MentorsError(_("This round is published: rankings are closed."))
    round.rankings_close_at = rankings_close_at
    round.save(update_fields=["rankings_close_at"])
    log_activity(
        campus=round.campus,
        actor=actor,
        action="mentor.round_close_date_changed",
        subject=round,
        data={"close_at": rankings_close_at.isoformat() if rankings_close_at else None},
    )
    return round
