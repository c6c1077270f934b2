"""The campus team's view of mentoring: one row of figures per mentor, and a mentor's sessions.

Notes never appear here: the private ones are the mentor's alone and the shared ones are between
the mentor and the mentee, so neither is read from the database.
"""

from django.db.models import Avg, Count, FloatField, Max, Q, Sum
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from ..models import OPEN_MENTORSHIP_STATES, MentoringSession, MentorProfile
from .mentoring import Session

NOTES = ("private_notes", "shared_notes", "follow_ups")


def with_activity(mentors, *, cohort=None, now=None):
    """Annotate ``mentors`` with their figures, counting only ``cohort``'s mentorships if given
    (``held_all`` always counts every cohort)."""
    now = now or timezone.now()
    in_cohort = Q(mentorships__round__cohort=cohort) if cohort is not None else Q()
    held = Q(mentorships__sessions__state=Session.HELD)
    waiting = Q(mentorships__sessions__state=Session.REQUESTED, mentorships__sessions__starts_at__gt=now)
    return mentors.select_related("user").annotate(
        open_mentorships=Count(
            "mentorships", filter=in_cohort & Q(mentorships__state__in=OPEN_MENTORSHIP_STATES), distinct=True
        ),
        held=Count("mentorships__sessions", filter=in_cohort & held),
        held_all=Count("mentorships__sessions", filter=held),
        hours_held=Coalesce(
            Cast(Sum("mentorships__sessions__duration_minutes", filter=in_cohort & held), FloatField()) / 60,
            0.0,
        ),
        waiting=Count("mentorships__sessions", filter=in_cohort & waiting),
        mean_rating=Avg("mentorships__sessions__rating", filter=in_cohort & held),
        ratings=Count("mentorships__sessions__rating", filter=in_cohort & held),
        last_held=Max("mentorships__sessions__starts_at", filter=in_cohort & held),
    )


def active_mentors_activity(*, campus, cohort=None, now=None):
    mentors = MentorProfile.objects.filter(campus=campus, state=MentorProfile.State.ACTIVE)
    return with_activity(mentors, cohort=cohort, now=now)


def mentor_sessions(*, mentor, cohort=None):
    """``mentor``'s sessions, newest first, without any notes."""
    sessions = MentoringSession.objects.filter(mentorship__mentor=mentor)
    if cohort is not None:
        sessions = sessions.filter(mentorship__round__cohort=cohort)
    return (
        sessions.defer(*NOTES)
        .select_related(
            "mentorship__round__cohort", "mentorship__mentee__participant__user", "mentorship__mentee__group"
        )
        .order_by("-starts_at", "-pk")
    )
