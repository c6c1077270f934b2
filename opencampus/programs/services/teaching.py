"""An instructor's side: their engagements, weekly availability and absences on one campus.

The instructor pool is everyone holding the instructor or mentor role: the mentor network
teaches the lectures that connect the course with the field. An instructor confirms or declines
the sessions a published timetable invited them to; a decline is recorded with its reason in the
activity log, and the campus team re-plans. A delivered engagement becomes a fee record, once.
Changes to one instructor's windows are made with their user row locked, so two requests at once
cannot add overlapping windows.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.errors import RefusedInput
from opencampus.core.services.activity import log_activity
from opencampus.people.models import CampusRole, User
from opencampus.people.roles import roles_on

from ..models import (
    Engagement,
    FeeRecord,
    InstructorAbsence,
    InstructorAvailability,
    Timetable,
    TimetableEntry,
)

State = Engagement.State
TEACHING_ROLES = (CampusRole.Role.INSTRUCTOR, CampusRole.Role.MENTOR)


class TeachingError(RefusedInput):
    """A change to an engagement, window or absence that is refused; ``field`` names the input."""


@dataclass(frozen=True)
class EngagementRow:
    engagement: Engagement
    entry: TimetableEntry | None  # its place in the published timetable, if any

    @property
    def may_confirm(self):
        return self.engagement.state == State.INVITED

    @property
    def may_decline(self):
        return self.engagement.state in (State.INVITED, State.CONFIRMED)


def teaches_on(user, campus):
    """Whether ``user`` is in ``campus``'s instructor pool or was ever engaged there."""
    if roles_on(user, campus) & set(TEACHING_ROLES):
        return True
    return user.is_authenticated and Engagement.objects.filter(campus=campus, instructor=user).exists()


def my_engagements(*, user, campus):
    """``user``'s engagements on ``campus``, in time order (those with no time yet last)."""
    engagements = list(
        Engagement.objects.filter(campus=campus, instructor=user).select_related("session__cohort")
    )
    entries = {
        entry.session_id: entry
        for entry in TimetableEntry.objects.filter(
            session__in=[engagement.session_id for engagement in engagements],
            timetable__state=Timetable.State.PUBLISHED,
            starts_at__isnull=False,
        ).select_related("room", "session")
    }
    rows = [EngagementRow(engagement, entries.get(engagement.session_id)) for engagement in engagements]
    return sorted(
        rows,
        key=lambda row: (row.entry is None, row.entry.starts_at if row.entry else None, row.engagement.pk),
    )


def _lock_engagement(engagement, actor):
    engagement = (
        Engagement.objects.select_for_update(of=("self",))
        .select_related("campus", "session")
        .get(pk=engagement.pk)
    )
    if engagement.instructor_id != actor.pk:
        raise TeachingError(_("Only the instructor invited can answer for this session."))
    return engagement


def _refuse_begun(engagement, now):
    entry = TimetableEntry.objects.filter(
        session_id=engagement.session_id, timetable__state=Timetable.State.PUBLISHED, starts_at__lte=now
    )
    if entry.exists():
        raise TeachingError(_("This session has already begun; talk to the campus team about it."))


def _answer(engagement, state, actor, data=None):
    previous = engagement.state
    engagement.state = state
    engagement.save(update_fields=["state", "updated"])
    log_activity(
        campus=engagement.campus,
        actor=actor,
        action=f"engagement.{state}",
        subject=engagement,
        data={"from": previous, "session": engagement.session_id, **(data or {})},
    )
    return engagement


@transaction.atomic
def confirm_engagement(*, engagement, actor, now=None):
    """The instructor will teach the session they were invited to."""
    engagement = _lock_engagement(engagement, actor)
    if engagement.state != State.INVITED:
        raise TeachingError(
            _("An engagement that is “%(state)s” cannot be confirmed.")
            % {"state": engagement.get_state_display()}
        )
    _refuse_begun(engagement, now or timezone.now())
    return _answer(engagement, State.CONFIRMED, actor)


@transaction.atomic
def decline_engagement(*, engagement, actor, reason, now=None):
    """The instructor cannot teach the session after all; the team re-plans it."""
    engagement = _lock_engagement(engagement, actor)
    reason = reason.strip()
    if not reason:
        raise TeachingError(_("Tell the campus team why you cannot teach this session."), field="reason")
    if engagement.state not in (State.INVITED, State.CONFIRMED):
        raise TeachingError(
            _("An engagement that is “%(state)s” cannot be declined.")
            % {"state": engagement.get_state_display()}
        )
    _refuse_begun(engagement, now or timezone.now())
    return _answer(engagement, State.DECLINED, actor, {"reason": reason})


@transaction.atomic
def record_delivery(*, session, actor):
    """Attendance taken at a session that has begun shows it took place: its confirmed
    instructors delivered it, and each is owed the session's days at their engagement's rate."""
    engagements = Engagement.objects.select_for_update(of=("self",)).select_related("campus", "session")
    for engagement in engagements.filter(session=session, state=State.CONFIRMED):
        _answer(engagement, State.DELIVERED, actor)
        _record_fee(engagement, actor)


def _record_fee(engagement, actor):
    days, rate = engagement.session.days, engagement.fee_per_day
    record, created = FeeRecord.objects.get_or_create(
        engagement=engagement,
        defaults={
            "campus": engagement.campus,
            "instructor_id": engagement.instructor_id,
            "days": days,
            "fee_per_day": rate,
            "amount": days * rate,
        },
    )
    if created:
        log_activity(
            campus=engagement.campus,
            actor=actor,
            action="fee.recorded",
            subject=record,
            data={"engagement": engagement.pk, "days": days, "fee_per_day": rate, "amount": record.amount},
        )
    return record


def teaching_days(entry):
    """The times a placed entry takes: the same hours on each of its days in a row."""
    return [
        (entry.starts_at + timedelta(days=day), entry.ends_at + timedelta(days=day))
        for day in range(entry.days)
    ]


def engaged_elsewhere(*, cohort, people, start, end):
    """Published sessions of the campus's other cohorts that ``people`` are engaged in (declined ones
    aside) and that may take time between ``start`` and ``end``: a list of (instructor id, entry)."""
    engaged = defaultdict(list)
    rows = (
        Engagement.objects.filter(campus=cohort.campus, instructor_id__in=people)
        .exclude(state=State.DECLINED)
        .exclude(session__cohort=cohort)
        .values_list("session_id", "instructor_id")
    )
    for session_id, instructor_id in rows:
        engaged[session_id].append(instructor_id)
    if not engaged:
        return []
    entries = TimetableEntry.objects.filter(
        campus=cohort.campus,
        timetable__state=Timetable.State.PUBLISHED,
        session_id__in=list(engaged),
        starts_at__lt=end,
        # A session lasts at most seven days: one that started a week earlier has ended.
        starts_at__gte=start - timedelta(days=7),
    ).select_related("session__cohort")
    return [(instructor, entry) for entry in entries for instructor in sorted(engaged[entry.session_id])]


def _lock_person(user):
    User.objects.select_for_update().filter(pk=user.pk).first()


def _window_text(window):
    return f"{window.get_weekday_display()} {window.starts_at:%H:%M}\N{EN DASH}{window.ends_at:%H:%M}"


@transaction.atomic
def add_availability(*, instructor, campus, weekday, starts_at, ends_at):
    """Add a weekly window in which ``instructor`` can teach on ``campus``."""
    if ends_at <= starts_at:
        raise TeachingError(_("The window must end after it starts."), field="ends_at")
    _lock_person(instructor)
    overlapping = InstructorAvailability.objects.filter(
        campus=campus, instructor=instructor, weekday=weekday, starts_at__lt=ends_at, ends_at__gt=starts_at
    ).first()
    if overlapping is not None:
        raise TeachingError(
            _("This overlaps your window %(window)s. Remove that one first, or choose other hours.")
            % {"window": _window_text(overlapping)},
            field="starts_at",
        )
    window = InstructorAvailability.objects.create(
        campus=campus, instructor=instructor, weekday=weekday, starts_at=starts_at, ends_at=ends_at
    )
    log_activity(campus=campus, actor=instructor, action="availability.added", subject=window)
    return window


def remove_availability(*, window, actor):
    log_activity(campus=window.campus, actor=actor, action="availability.removed", subject=window)
    window.delete()


@transaction.atomic
def add_absence(*, instructor, campus, starts_at, ends_at, reason="", now=None):
    """Record that ``instructor`` cannot teach on ``campus`` from ``starts_at`` to ``ends_at``."""
    if ends_at <= starts_at:
        raise TeachingError(_("The absence must end after it starts."), field="ends_at")
    if ends_at <= (now or timezone.now()):
        raise TeachingError(
            _("This time is already over; only a coming absence can be recorded."), field="ends_at"
        )
    _lock_person(instructor)
    overlapping = InstructorAbsence.objects.filter(
        campus=campus, instructor=instructor, starts_at__lt=ends_at, ends_at__gt=starts_at
    ).first()
    if overlapping is not None:
        raise TeachingError(
            _("You already said you cannot teach from %(start)s to %(end)s.")
            % {
                "start": formats.date_format(
                    timezone.localtime(overlapping.starts_at, campus.tz), "Y-m-d H:i"
                ),
                "end": formats.date_format(timezone.localtime(overlapping.ends_at, campus.tz), "Y-m-d H:i"),
            },
            field="starts_at",
        )
    absence = InstructorAbsence.objects.create(
        campus=campus, instructor=instructor, starts_at=starts_at, ends_at=ends_at, reason=reason.strip()
    )
    log_activity(campus=campus, actor=instructor, action="absence.added", subject=absence)
    return absence


def remove_absence(*, absence, actor):
    log_activity(campus=absence.campus, actor=actor, action="absence.removed", subject=absence)
    absence.delete()
