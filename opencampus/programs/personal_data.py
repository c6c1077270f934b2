"""Courses in a person's data download and in an account's deletion."""

from django.utils import timezone

from .models import (
    Attendance,
    Engagement,
    Feedback,
    FeeRecord,
    InstructorAbsence,
    InstructorAvailability,
    Participant,
    Registration,
)

OPEN_REGISTRATIONS = (Registration.State.ENTERED, Registration.State.WAITING)


def _iso(value):
    return value.isoformat() if value is not None else None


def collect(sender, *, user, **kwargs):
    return {
        "cohorts": [
            {
                "campus": participant.campus.slug,
                "cohort": participant.cohort.slug,
                "source": participant.source,
                "state": participant.state,
                "joined_on": _iso(participant.joined_on),
                "left_on": _iso(participant.left_on),
                "leave_reason": participant.leave_reason,
            }
            for participant in Participant.objects.filter(user=user).select_related("campus", "cohort")
        ],
        "cohort_registrations": [
            {"cohort": registration.cohort.slug, "code": registration.code, "state": registration.state}
            for registration in Registration.objects.filter(user=user).select_related("cohort")
        ],
        "attendance": [
            {
                "cohort": mark.session.cohort.slug,
                "session": mark.session.title,
                "state": mark.state,
                "reason": mark.reason,
                "presented": mark.presented,
                "recorded_at": _iso(mark.marked_at),
            }
            for mark in Attendance.objects.filter(participant__user=user).select_related("session__cohort")
        ],
        "session_feedback": [
            {"session": item.session.title, "rating": item.rating, "comment": item.comment}
            for item in Feedback.objects.filter(participant__user=user).select_related("session")
        ],
        "teaching": [
            {"session": engagement.session.title, "state": engagement.state}
            for engagement in Engagement.objects.filter(instructor=user).select_related("session")
        ],
        "lecture_fees": [
            {
                "session": record.engagement.session.title,
                "days": record.days,
                "fee_per_day": record.fee_per_day,
                "amount": record.amount,
                "state": record.state,
                "paid_on": _iso(record.paid_on),
            }
            for record in FeeRecord.objects.filter(instructor=user).select_related("engagement__session")
        ],
        "teaching_availability": [
            {"weekday": window.weekday, "from": _iso(window.starts_at), "until": _iso(window.ends_at)}
            for window in InstructorAvailability.objects.filter(instructor=user)
        ],
        "teaching_absences": [
            {"from": _iso(absence.starts_at), "until": _iso(absence.ends_at), "reason": absence.reason}
            for absence in InstructorAbsence.objects.filter(instructor=user)
        ],
    }


def erase(sender, *, user, email, **kwargs):
    """Leave running and future cohorts, drop open registrations, feedback words and availability.

    Attendance stays under the anonymised account: a cohort's rates and issued certificates
    were computed from it. Fee records stay too: they are the campus's accounts.
    """
    today = timezone.localdate()
    for participant in Participant.objects.filter(
        user=user, state=Participant.State.ACTIVE, cohort__ends_on__gte=today
    ):
        participant.state = Participant.State.WITHDRAWN
        participant.left_on = max(today, participant.joined_on)
        participant.leave_reason = ""
        participant.save(update_fields=["state", "left_on", "leave_reason"])
    Participant.objects.filter(user=user).update(leave_reason="")
    Registration.objects.filter(user=user, state__in=OPEN_REGISTRATIONS).update(
        state=Registration.State.CANCELLED
    )
    Feedback.objects.filter(participant__user=user).update(comment="")
    InstructorAvailability.objects.filter(instructor=user).delete()
    InstructorAbsence.objects.filter(instructor=user).delete()
