"""Participants rate the sessions they attended; staff read the ratings without names.

Feedback is anonymous to staff (the form says so), which is why giving it is not written to the
activity log: the log names its actor. A participant may change their feedback until the
cohort ends.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, Feedback, Participant
from .completion import ATTENDED, percentage
from .roster import today_on
from .session_times import is_held, published_entry

RATINGS = range(1, 6)


class FeedbackError(Exception):
    """Why feedback cannot be given; the text is for the participant."""


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    mean: float | None
    distribution: list  # (rating, count, percentage) from 5 down to 1
    comments: list  # (rating, comment) by rating: no order of arrival hints at who wrote what


def feedback_refusal(*, participant, entry, attendance, now=None):
    """Why ``participant`` may not give feedback on ``entry``'s session now, or None if they may."""
    now = now or timezone.now()
    cohort = participant.cohort
    if participant.state == Participant.State.WITHDRAWN:
        return _("You left the cohort, so your record is read-only.")
    if entry is None or not is_held(entry, now):
        return _("Feedback opens once the session has been held.")
    if attendance is None or attendance.state not in ATTENDED:
        return _("Only participants who attended a session can give feedback on it.")
    if today_on(participant.campus, now) > cohort.ends_on:
        return _("The cohort ended on %(date)s; feedback can no longer be changed.") % {
            "date": formats.date_format(cohort.ends_on)
        }
    return None


@transaction.atomic
def give_feedback(*, participant, session, rating, comment="", now=None):
    """Record (or change) ``participant``'s rating of ``session``; returns the feedback."""
    participant = (
        Participant.objects.select_for_update(of=("self",))
        .select_related("campus", "cohort")
        .get(pk=participant.pk)
    )
    if session.cohort_id != participant.cohort_id:
        raise FeedbackError(_("This session belongs to another cohort."))
    if rating not in RATINGS:
        raise FeedbackError(_("Rate the session from 1 to 5."))
    attendance = Attendance.objects.filter(session=session, participant=participant).first()
    refusal = feedback_refusal(
        participant=participant, entry=published_entry(session), attendance=attendance, now=now
    )
    if refusal is not None:
        raise FeedbackError(refusal)
    feedback, _created = Feedback.objects.update_or_create(
        session=session,
        participant=participant,
        defaults={"campus": participant.campus, "rating": rating, "comment": comment.strip()},
    )
    return feedback


def summarise_feedback(session):
    """Count, mean, distribution and comments of ``session``'s feedback, with no names."""
    rows = list(Feedback.objects.filter(session=session).values_list("rating", "comment"))
    count = len(rows)
    per_rating = dict.fromkeys(RATINGS, 0)
    for rating, _comment in rows:
        per_rating[rating] += 1
    return FeedbackSummary(
        count=count,
        mean=round(sum(rating for rating, _comment in rows) / count, 2) if count else None,
        distribution=[
            (rating, per_rating[rating], percentage(per_rating[rating], count))
            for rating in reversed(RATINGS)
        ],
        comments=sorted(((rating, comment) for rating, comment in rows if comment), reverse=True),
    )
