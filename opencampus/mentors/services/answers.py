"""Answers to a published match: both sides accept it or ask for a change; the campus team then
reassigns the mentee to another mentor with room, or keeps the match."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.programs.models import Participant
from opencampus.workgroups.membership import active_memberships

from ..models import OPEN_MENTORSHIP_STATES, MentorProfile, Mentorship, PairRule
from ..rules import is_mentee_person
from .errors import MentorsError
from .matching_mail import DEFAULT_BASE_URL, announce_match, mail_person, match_link
from .matching_pairs import share_a_language

State = Mentorship.State
MENTOR, MENTEE = "mentor", "mentee"


def sides_of(user, mentorship):
    """Which sides of the match ``user`` answers for: the mentor, the mentee, or (rarely) both."""
    sides = set()
    if user.is_authenticated and mentorship.mentor.user_id == user.pk:
        sides.add(MENTOR)
    if is_mentee_person(user, mentorship.mentee):
        sides.add(MENTEE)
    return sides


def answering_sides(user, mentorship):
    sides = sides_of(user, mentorship)
    if not sides:
        raise MentorsError(_("Only the mentor and the mentee answer a match."))
    if mentorship.state == State.ENDED:
        raise MentorsError(_("This match has ended."))
    return sides


@transaction.atomic
def accept_match(*, mentorship, actor):
    """Record the actor's side's acceptance; once both sides accepted the mentorship is active."""
    sides = answering_sides(actor, mentorship)
    if mentorship.state == State.CHANGE_REQUESTED:
        raise MentorsError(_("A change is asked for: the campus team decides first."))
    accepted = {MENTOR: mentorship.mentor_accepted_at, MENTEE: mentorship.mentee_accepted_at}
    if all(accepted[side] for side in sides):
        raise MentorsError(_("You already accepted this match."))
    now = timezone.now()
    if MENTOR in sides and mentorship.mentor_accepted_at is None:
        mentorship.mentor_accepted_at = now
    if MENTEE in sides and mentorship.mentee_accepted_at is None:
        mentorship.mentee_accepted_at = now
    if mentorship.mentor_accepted_at and mentorship.mentee_accepted_at:
        mentorship.state = State.ACTIVE
    mentorship.save(update_fields=["mentor_accepted_at", "mentee_accepted_at", "state"])
    log_activity(
        campus=mentorship.campus,
        actor=actor,
        action="mentor.match_accepted",
        subject=mentorship,
        data={"sides": sorted(sides), "state": mentorship.state},
    )
    return mentorship


def ask_for_change(*, mentorship, actor, reason, base_url=DEFAULT_BASE_URL):
    """Ask the campus team for another mentor (or mentee); the campus contact gets a mail."""
    answering_sides(actor, mentorship)
    if mentorship.state == State.CHANGE_REQUESTED:
        raise MentorsError(_("A change is already asked for."))
    reason = reason.strip()
    if not reason:
        raise MentorsError(_("Say why you ask for a change."), field="reason")
    mentorship.state, mentorship.change_requested_by, mentorship.change_reason = (
        State.CHANGE_REQUESTED,
        actor,
        reason,
    )
    mentorship.save(update_fields=["state", "change_requested_by", "change_reason"])
    log_activity(
        campus=mentorship.campus,
        actor=actor,
        action="mentor.match_change_requested",
        subject=mentorship,
        data={"reason": reason},
    )
    campus = mentorship.campus
    if campus.contact_email:
        with timezone.override(campus.tz):
            draft_mail(
                campus=campus,
                to=campus.contact_email,
                template="mentors/mail/match_change_requested.txt",
                context={
                    "mentorship": mentorship,
                    "asked_by": actor,
                    "reason": reason,
                    "link": base_url.rstrip("/")
                    + campus_reverse(campus, "mentors_manage:matching_round", pk=mentorship.round_id),
                },
                language=campus.default_language,
                reason="mentor.match_change_requested",
            )
    return mentorship


def check_room(mentor):
    """``mentor`` (locked) must be active and have a free place among all their open mentorships."""
    if mentor.state != MentorProfile.State.ACTIVE:
        raise MentorsError(_("%(mentor)s is not an active mentor.") % {"mentor": mentor}, field="mentor")
    taken = mentor.mentorships.filter(state__in=OPEN_MENTORSHIP_STATES).count()
    if taken >= mentor.capacity:
        raise MentorsError(
            _("%(mentor)s has no room: they already mentor %(taken)s of %(capacity)s.")
            % {"mentor": mentor, "taken": taken, "capacity": mentor.capacity},
            field="mentor",
        )


@transaction.atomic
def reassign_mentee(*, mentorship, mentor, actor, base_url=DEFAULT_BASE_URL):
    """End ``mentorship`` and propose ``mentor`` (who must have room) to the same mentee."""
    if mentorship.state not in OPEN_MENTORSHIP_STATES:
        raise MentorsError(_("This match has ended."))
    mentor = MentorProfile.objects.select_for_update(of=("self",)).select_related("user").get(pk=mentor.pk)
    if mentor.pk == mentorship.mentor_id:
        raise MentorsError(_("Choose another mentor."), field="mentor")
    check_room(mentor)
    mentee = mentorship.mentee
    if PairRule.objects.filter(mentee=mentee, mentor=mentor, kind=PairRule.Kind.FORBID).exists():
        raise MentorsError(
            _("%(mentee)s and %(mentor)s must never be matched (a rule of the round).")
            % {"mentee": mentee, "mentor": mentor},
            field="mentor",
        )
    if not share_a_language(mentee, mentor):
        raise MentorsError(
            _("%(mentee)s and %(mentor)s share no language.") % {"mentee": mentee, "mentor": mentor},
            field="mentor",
        )
    mentorship.state, mentorship.ended_at = State.ENDED, timezone.now()
    mentorship.save(update_fields=["state", "ended_at"])
    proposed = Mentorship.objects.create(
        campus=mentorship.campus, round=mentorship.round, mentee=mentee, mentor=mentor
    )
    log_activity(
        campus=mentorship.campus,
        actor=actor,
        action="mentor.mentee_reassigned",
        subject=proposed,
        data={"ended": mentorship.pk, "from": mentorship.mentor_id, "to": mentor.pk},
    )
    mail_person(
        campus=mentorship.campus,
        user=mentorship.mentor.user,
        template="match_ended",
        context={"mentorship": mentorship},
        reason="mentor.match_ended",
    )
    announce_match(proposed, base_url=base_url)
    return proposed


def keep_match(*, mentorship, actor, base_url=DEFAULT_BASE_URL):
    """Turn down a change request: the match goes back to where the answers left it."""
    if mentorship.state != State.CHANGE_REQUESTED:
        raise MentorsError(_("No change is asked for in this match."))
    asked_by, reason = mentorship.change_requested_by, mentorship.change_reason
    accepted = mentorship.mentor_accepted_at and mentorship.mentee_accepted_at
    mentorship.state = State.ACTIVE if accepted else State.PROPOSED
    mentorship.change_requested_by, mentorship.change_reason = None, ""
    mentorship.save(update_fields=["state", "change_requested_by", "change_reason"])
    log_activity(
        campus=mentorship.campus,
        actor=actor,
        action="mentor.match_kept",
        subject=mentorship,
        data={"state": mentorship.state, "change_reason": reason},
    )
    if asked_by is not None:
        mail_person(
            campus=mentorship.campus,
            user=asked_by,
            template="match_kept",
            context={"mentorship": mentorship, "link": match_link(mentorship, base_url)},
            reason="mentor.match_kept",
        )
    return mentorship


def my_matches(user):
    """The person's open mentorships: ``(as mentor, as mentee)``."""
    open_ones = Mentorship.objects.filter(state__in=OPEN_MENTORSHIP_STATES).select_related(
        "round__cohort", "mentor__user", "mentee__participant__user", "mentee__group__agenda"
    )
    as_mentee = Q(mentee__participant__user=user, mentee__participant__state=Participant.State.ACTIVE) | Q(
        mentee__group__in=active_memberships(user).values("group")
    )
    return list(open_ones.filter(mentor__user=user)), list(open_ones.filter(as_mentee))
