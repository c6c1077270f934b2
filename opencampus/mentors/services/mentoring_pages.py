"""What the mentoring pages read: a person's mentorships with their counts, a mentorship's sessions,
and why sessions were declined or cancelled (kept in the activity log)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone

from opencampus.core.models import ActivityLog
from opencampus.programs.models import Participant
from opencampus.workgroups.membership import active_memberships

from ..models import OPEN_MENTORSHIP_STATES, MentoringSession, Mentorship
from .mentoring import Session
from .mentoring_people import MENTEE, MENTOR

MENTORSHIP_RELATED = ("campus", "round__cohort", "mentor__user", "mentee__participant__user", "mentee__group")
ANSWER_ACTIONS = ("mentor.session_declined", "mentor.session_cancelled")


def _with_counts(mentorships, now):
    coming = Q(sessions__starts_at__gt=now)
    return mentorships.select_related(*MENTORSHIP_RELATED).annotate(
        next_session=Min("sessions__starts_at", filter=coming & Q(sessions__state=Session.ACCEPTED)),
        held_count=Count("sessions", filter=Q(sessions__state=Session.HELD)),
        coming_count=Count("sessions", filter=coming & Q(sessions__state=Session.ACCEPTED)),
        waiting_count=Count("sessions", filter=coming & Q(sessions__state=Session.REQUESTED)),
    )


def split_open(mentorships):
    """``(open, ended)`` lists, open ones first as they were ordered."""
    mentorships = list(mentorships)
    return (
        [mentorship for mentorship in mentorships if mentorship.state in OPEN_MENTORSHIP_STATES],
        [mentorship for mentorship in mentorships if mentorship.state not in OPEN_MENTORSHIP_STATES],
    )


def mentored_by(user, *, now=None):
    """The mentorships ``user`` is the mentor of, with their session counts."""
    mentorships = Mentorship.objects.filter(mentor__user=user)
    return _with_counts(mentorships, now or timezone.now()).order_by("-created", "-pk")


def mentoring(user, *, now=None):
    """The mentorships ``user`` is the mentee of (in person or as an active group member), with their
    sessions; the mentor's private notes are not even read."""
    mentee = Q(mentee__participant__user=user, mentee__participant__state=Participant.State.ACTIVE) | Q(
        mentee__group__in=active_memberships(user).values("group")
    )
    sessions = MentoringSession.objects.defer("private_notes").order_by("-starts_at", "pk")
    mentorships = Mentorship.objects.filter(mentee)
    return (
        _with_counts(mentorships, now or timezone.now())
        .prefetch_related(Prefetch("sessions", queryset=sessions, to_attr="session_list"))
        .order_by("-created", "-pk")
    )


def sessions_of(mentorship, *, side):
    """The sessions, newest first, with the notes ``side`` may read: the mentor all, the mentee
    all but the private ones, the campus team (``side`` None) none."""
    sessions = mentorship.sessions.select_related("requested_by").order_by("-starts_at", "-pk")
    if side == MENTOR:
        return sessions
    if side == MENTEE:
        return sessions.defer("private_notes")
    return sessions.defer("private_notes", "shared_notes", "follow_ups")


def answers_to(sessions):
    """``{session pk: activity entry}`` of the last decline or cancellation of each session; the
    entry's ``data["reason"]`` says why."""
    keys = [str(session.pk) for session in sessions]
    if not keys:
        return {}
    entries = (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(MentoringSession),
            object_id__in=keys,
            action__in=ANSWER_ACTIONS,
        )
        .select_related("actor")
        .order_by("created", "pk")
    )
    return {int(entry.object_id): entry for entry in entries}
