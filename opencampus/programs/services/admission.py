"""Selection through a call: confirmed applicants join the cohorts their call fills.

The calls app changes an application's state and announces it (``application_state_changed``);
``receivers`` passes confirmations and withdrawals here. ``fill_from_call`` catches up with
the confirmations made before the cohort existed.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.calls.models import Application
from opencampus.core.models import ActivityLog
from opencampus.core.services.activity import log_activity

from ..models import Cohort, Participant
from .errors import AdmissionError
from .roster import in_campus_language, join_cohort, leave_cohort, lock_cohort, today_on

WITHDRAWN_APPLICATION = _("The application to the call was withdrawn.")


def cohorts_filled_by(call_id):
    return Cohort.objects.filter(call_id=call_id, admission=Cohort.Admission.SELECTION).order_by("pk")


def _join_from_application(cohort, application, *, actor, now):
    return join_cohort(
        cohort=cohort,
        user=application.applicant,
        source=Participant.Source.CALL,
        application=application,
        joined_on=today_on(cohort.campus, now),
        actor=actor,
    )


@transaction.atomic
def admit_confirmed_applicant(*, application, actor, now=None):
    """The applicant of a confirmed ``application`` joins every cohort its call fills (once)."""
    joined = []
    for cohort in cohorts_filled_by(application.call_id):
        cohort = lock_cohort(cohort)
        if not Participant.objects.filter(cohort=cohort, user_id=application.applicant_id).exists():
            joined.append(_join_from_application(cohort, application, actor=actor, now=now))
    return joined


def withdrawal_reason(application):
    """The reason logged with the withdrawal, else a plain statement of it."""
    entry = (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
            action=f"application.{Application.State.WITHDRAWN}",
        )
        .order_by("-pk")
        .first()
    )
    reason = entry.data.get("reason", "") if entry is not None else ""
    return reason or in_campus_language(application.campus, WITHDRAWN_APPLICATION)


@transaction.atomic
def withdraw_for_application(*, application, actor, now=None):
    """The applicant withdrew a confirmed ``application``: they leave the cohorts it brought them into."""
    participants = list(
        Participant.objects.select_for_update(of=("self",))
        .filter(application=application, state=Participant.State.ACTIVE)
        .select_related("campus", "cohort")
    )
    if not participants:
        return []
    reason = withdrawal_reason(application)
    for participant in participants:
        left_on = max(today_on(participant.campus, now), participant.joined_on)
        leave_cohort(participant, left_on=left_on, reason=reason, actor=actor)
    return participants


@transaction.atomic
def fill_from_call(*, cohort, actor, now=None):
    """Add every confirmed applicant of the cohort's call who is not on the roster yet (idempotent)."""
    cohort = lock_cohort(cohort)
    if cohort.admission != Cohort.Admission.SELECTION or cohort.call_id is None:
        raise AdmissionError(
            _("Only a cohort filled through a call can be filled from it; set its call first.")
        )
    confirmed = (
        Application.objects.filter(call_id=cohort.call_id, state=Application.State.CONFIRMED)
        .exclude(applicant_id__in=Participant.objects.filter(cohort=cohort).values("user_id"))
        .select_related("applicant")
        .order_by("submitted_at", "pk")
    )
    joined = [_join_from_application(cohort, application, actor=actor, now=now) for application in confirmed]
    if joined:
        log_activity(
            campus=cohort.campus,
            actor=actor,
            action="cohort.filled_from_call",
            subject=cohort,
            data={"call": cohort.call_id, "added": len(joined)},
        )
    return joined
