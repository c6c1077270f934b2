"""Checking in to a session with the short code shown on the screen in the room.

Staff open check-in: a fresh code, valid from 30 minutes before the start until 30 minutes
after the end of the first day (``check_in_until``; closing early moves it to now). A
participant types the code or scans its QR code and confirms. Up to 10 minutes after the start
counts as present, later as late. A code is never reused on a campus, so it names one session.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Attendance, Participant, Session, TimetableEntry
from .session_times import published_entry

# No 0/O, 1/I/L: the code is read off a screen across the room.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
OPENS_BEFORE_START = timedelta(minutes=30)
CLOSES_AFTER_END = timedelta(minutes=30)
ON_TIME_UNTIL = timedelta(minutes=10)


class CheckInError(Exception):
    """Why a check-in (or opening one) is refused; the text is for the person who tried."""


@dataclass(frozen=True)
class CheckInTarget:
    """What a valid code checks ``participant`` in to."""

    session: Session
    entry: TimetableEntry
    participant: Participant


def normalise_code(code):
    return "".join(code.split()).replace("-", "").upper()


def local_time(moment, campus):
    return formats.date_format(timezone.localtime(moment, campus.tz), "Y-m-d H:i")


def is_open(session, now=None):
    return (
        bool(session.check_in_code)
        and session.check_in_until is not None
        and (session.check_in_until > (now or timezone.now()))
    )


def opens_at(entry):
    return entry.starts_at - OPENS_BEFORE_START


def _fresh_code(campus):
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))
        if not Session.objects.filter(campus=campus, check_in_code=code).exists():
            return code


def _lock(session):
    return (
        Session.objects.select_for_update(of=("self",)).select_related("campus", "cohort").get(pk=session.pk)
    )


@transaction.atomic
def open_check_in(*, session, actor, now=None):
    """Give ``session`` a fresh check-in code, valid until 30 minutes after its first day ends."""
    now = now or timezone.now()
    session = _lock(session)
    entry = published_entry(session)
    if entry is None:
        raise CheckInError(
            _("This session is not in the published timetable, so it has no time to check in to.")
        )
    until = entry.ends_at + CLOSES_AFTER_END
    if until <= now:
        raise CheckInError(
            _("Check-in for this session ended at %(time)s; mark attendance on the roster instead.")
            % {"time": local_time(until, session.campus)}
        )
    session.check_in_code, session.check_in_until = _fresh_code(session.campus), until
    session.save(update_fields=["check_in_code", "check_in_until"])
    log_activity(
        campus=session.campus,
        actor=actor,
        action="session.check_in_opened",
        subject=session,
        data={"until": until.isoformat()},
    )
    return session


@transaction.atomic
def close_check_in(*, session, actor, now=None):
    """End check-in for ``session`` now; its code stops working."""
    now = now or timezone.now()
    session = _lock(session)
    if not is_open(session, now):
        raise CheckInError(_("Check-in for this session is not open."))
    session.check_in_until = now
    session.save(update_fields=["check_in_until"])
    log_activity(campus=session.campus, actor=actor, action="session.check_in_closed", subject=session)
    return session


def _recorded(session, participant):
    return Attendance.objects.filter(session=session, participant=participant).first()


def _refuse_twice(attendance, campus):
    if attendance is None:
        return
    when = {"time": local_time(attendance.marked_at, campus), "state": attendance.get_state_display()}
    if attendance.via == Attendance.Via.CODE:
        raise CheckInError(_("You already checked in at %(time)s (%(state)s). Nothing changed.") % when)
    raise CheckInError(
        _(
            "Staff already recorded your attendance at %(time)s (%(state)s). "
            "Nothing changed; ask them to correct it."
        )
        % when
    )


def _session_with(campus, code, lock):
    if not code:
        return None
    sessions = Session.objects.filter(campus=campus, check_in_code=code).select_related("cohort", "campus")
    # Staff marking the session hold the same lock: a second tap, or "mark everyone not checked
    # in as absent", waits for this check-in and then sees it.
    return (sessions.select_for_update(of=("self",)) if lock else sessions).first()


def find_check_in(*, user, campus, code, now=None, lock=False):
    """The session and participation ``code`` checks ``user`` in to, or ``CheckInError`` saying why not."""
    now = now or timezone.now()
    code = normalise_code(code)
    session = _session_with(campus, code, lock)
    entry = published_entry(session) if session is not None else None
    if entry is None:
        raise CheckInError(
            _("No session has the check-in code “%(code)s”. Check the code on the screen and try again.")
            % {"code": code}
        )
    participant = (
        Participant.objects.filter(cohort=session.cohort, user=user).select_related("user", "cohort").first()
    )
    cohort = {"cohort": session.cohort.name}
    if participant is None:
        raise CheckInError(
            _("You are not a participant of %(cohort)s, so you cannot check in to its sessions.") % cohort
        )
    if participant.state == Participant.State.WITHDRAWN:
        raise CheckInError(
            _("You left %(cohort)s on %(date)s, so you can no longer check in.")
            % {**cohort, "date": formats.date_format(participant.left_on)}
        )
    _refuse_twice(_recorded(session, participant), campus)
    if now < opens_at(entry):
        raise CheckInError(
            _("Check-in for “%(session)s” is not open yet; it opens at %(time)s.")
            % {"session": session.title, "time": local_time(opens_at(entry), campus)}
        )
    if not is_open(session, now):
        raise CheckInError(
            _("The code for “%(session)s” expired at %(time)s. Ask the staff in the room to mark you.")
            % {"session": session.title, "time": local_time(session.check_in_until, campus)}
        )
    return CheckInTarget(session=session, entry=entry, participant=participant)


@transaction.atomic
def check_in(*, user, campus, code, now=None):
    """Record ``user`` as present (or late) at the session whose code they entered."""
    now = now or timezone.now()
    target = find_check_in(user=user, campus=campus, code=code, now=now, lock=True)
    session, participant = target.session, target.participant
    on_time = now <= target.entry.starts_at + ON_TIME_UNTIL
    attendance = Attendance.objects.create(
        campus=campus,
        session=session,
        participant=participant,
        state=Attendance.State.PRESENT if on_time else Attendance.State.LATE,
        via=Attendance.Via.CODE,
        marked_by=user,
        marked_at=now,
    )
    log_activity(
        campus=campus,
        actor=user,
        action="attendance.checked_in",
        subject=attendance,
        data={"session": session.pk, "state": attendance.state},
    )
    return attendance
