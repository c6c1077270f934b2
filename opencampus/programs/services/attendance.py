"""Staff mark who came to a session: present, late, absent or excused, and who presented.

A session's roster is everyone taking part in the cohort on the session's day. A marking is
all or nothing: one row that names someone off the roster, or excuses someone without a
reason, saves none of it. Each marking that changes something is logged, and participants it
drops below the cohort's completion threshold are reported to the campus team. Marking a session
that has begun records that its confirmed instructors delivered it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Attendance, Participant, Session
from .attendance_alerts import dropped_below_threshold, rates_before, warn_about_drops
from .completion import evaluate_cohort, last_day_end
from .session_times import held_on, published_entry, took_part_on
from .teaching import record_delivery

State = Attendance.State


class AttendanceError(Exception):
    """Why a marking was refused (nothing was saved); the text is for staff."""


@dataclass(frozen=True)
class Mark:
    """What staff set for one participant at one session."""

    participant_id: int
    state: str
    reason: str = ""
    presented: bool = False


@dataclass(frozen=True)
class RosterRow:
    participant: Participant
    attendance: Attendance | None


@dataclass(frozen=True)
class MarkingResult:
    changed: int
    dropped: list


def by_name(participants):
    return sorted(participants, key=lambda participant: (str(participant.user).casefold(), participant.pk))


def session_roster(session, entry):
    """Everyone taking part on the session's day, by name, with their attendance if recorded."""
    day = held_on(entry, session.campus.tz)
    participants = Participant.objects.filter(cohort_id=session.cohort_id).select_related("user")
    records = {record.participant_id: record for record in Attendance.objects.filter(session=session)}
    return [
        RosterRow(participant, records.get(participant.pk))
        for participant in by_name(participants)
        if took_part_on(participant, day)
    ]


def _lock(session):
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("campus", "cohort__campus")
        .get(pk=session.pk)
    )


def _check(marks, roster, session):
    named = [mark.participant_id for mark in marks]
    if len(named) != len(set(named)):
        raise AttendanceError(_("The marking names a participant twice. Nothing was saved."))
    strangers = sorted({mark.participant_id for mark in marks} - roster.keys())
    if strangers:
        raise AttendanceError(
            _("Not on the roster of this session: participant %(ids)s. Nothing was saved.")
            % {"ids": ", ".join(f"#{pk}" for pk in strangers)}
        )
    for mark in marks:
        person = roster[mark.participant_id].participant.user
        if mark.state not in State.values:
            raise AttendanceError(_("“%(state)s” is not an attendance state.") % {"state": mark.state})
        if mark.state == State.EXCUSED and not mark.reason.strip():
            raise AttendanceError(_("Say why %(person)s is excused. Nothing was saved.") % {"person": person})
        if mark.presented and session.kind != Session.Kind.PRESENTATION:
            raise AttendanceError(_("Only a results presentation records who presented."))
        if mark.presented and mark.state not in (State.PRESENT, State.LATE):
            raise AttendanceError(
                _("%(person)s cannot have presented without being there. Nothing was saved.")
                % {"person": person}
            )


def _changes(marks, roster):
    changes = []
    for mark in marks:
        record = roster[mark.participant_id].attendance
        reason = mark.reason.strip() if mark.state == State.EXCUSED else ""
        if record is not None and (record.state, record.reason, record.presented) == (
            mark.state,
            reason,
            mark.presented,
        ):
            continue
        changes.append(
            (
                roster[mark.participant_id].participant,
                record,
                Mark(mark.participant_id, mark.state, reason, mark.presented),
            )
        )
    return changes


def _save(session, changes, actor, now):
    created, updated = [], []
    for participant, record, mark in changes:
        if record is None:
            record = Attendance(campus=session.campus, session=session, participant=participant)
            created.append(record)
        else:
            updated.append(record)
        record.state, record.reason, record.presented = mark.state, mark.reason, mark.presented
        record.via, record.marked_by, record.marked_at = Attendance.Via.STAFF, actor, now
    Attendance.objects.bulk_create(created)
    Attendance.objects.bulk_update(updated, ["state", "reason", "presented", "via", "marked_by", "marked_at"])


@transaction.atomic
def mark_attendance(*, session, marks, actor, now=None, link=""):
    """Record ``marks`` (a list of ``Mark``) at ``session``; returns what changed and who dropped.

    Rates are compared as they stand once the session has ended, so marking during it counts.
    """
    now = now or timezone.now()
    session = _lock(session)
    entry = published_entry(session)
    if entry is None:
        raise AttendanceError(
            _("This session is not in the published timetable yet; there is nothing to mark.")
        )
    roster = {row.participant.pk: row for row in session_roster(session, entry)}
    _check(marks, roster, session)
    changes = _changes(marks, roster)
    if not changes:
        return MarkingResult(changed=0, dropped=[])
    cohort = session.cohort
    moment = max(now, last_day_end(entry))
    unrecorded = {participant.pk for participant, record, _mark in changes if record is None}
    logged = [
        {"participant": participant.pk, "from": record.state if record else "", "to": mark.state}
        for participant, record, mark in changes
    ]
    before = rates_before(evaluate_cohort(cohort, now=moment), unrecorded)
    _save(session, changes, actor, now)
    if entry.starts_at <= now:
        record_delivery(session=session, actor=actor)
    dropped = dropped_below_threshold(before, evaluate_cohort(cohort, now=moment))
    log_activity(
        campus=session.campus,
        actor=actor,
        action="attendance.marked",
        subject=session,
        data={"changes": logged},
    )
    if dropped:
        warn_about_drops(session=session, entry=entry, dropped=dropped, actor=actor, link=link)
    return MarkingResult(changed=len(changes), dropped=dropped)


@transaction.atomic
def mark_unrecorded_absent(*, session, actor, now=None, link=""):
    """Everyone on the roster who neither checked in nor was marked is marked absent."""
    session = _lock(session)
    entry = published_entry(session)
    if entry is None:
        raise AttendanceError(
            _("This session is not in the published timetable yet; there is nothing to mark.")
        )
    marks = [
        Mark(row.participant.pk, State.ABSENT)
        for row in session_roster(session, entry)
        if row.attendance is None
    ]
    return mark_attendance(session=session, marks=marks, actor=actor, now=now, link=link)
