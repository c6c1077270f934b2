"""Whether participants completed their cohort, with the reasons shown to them and to staff.

A session counts once its published timetable entry has ended and the participant was taking
part that day (late joiners are not held to sessions before they joined). Present and late
count as attended; excused sessions leave the count. The course is finished when every placed
session of the published timetable has ended.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Attendance, Participant, Session, TimetableEntry

ATTENDED = {Attendance.State.PRESENT, Attendance.State.LATE}


@dataclass(frozen=True)
class Verdict:
    participant: Participant
    attended: int
    counted: int
    presented: bool
    finished: bool
    threshold: int
    reasons: list = field(default_factory=list)

    @property
    def rate(self):
        """Attended share of the sessions that count, as a percentage; None before any counts."""
        return percentage(self.attended, self.counted)

    @property
    def below_threshold(self):
        return self.rate is not None and self.rate < self.threshold

    @property
    def completed(self):
        return not self.reasons


def percentage(part, whole):
    return None if not whole else round(100 * part / whole, 1)


def last_day_end(entry):
    return entry.ends_at + timedelta(days=entry.days - 1)


def published_entries(cohort):
    return list(
        TimetableEntry.objects.filter(
            timetable__cohort=cohort, timetable__state="published", starts_at__isnull=False
        ).select_related("session")
    )


def evaluate_cohort(cohort, *, now=None):
    """Every participant's verdict, in three queries whatever the cohort's size."""
    now = now or timezone.now()
    entries = published_entries(cohort)
    tz = cohort.campus.tz
    ended = {
        entry.session_id: entry.starts_at.astimezone(tz).date()
        for entry in entries
        if last_day_end(entry) <= now
    }
    finished = bool(entries) and len(ended) == len(entries)
    presentations = {entry.session_id for entry in entries if entry.session.kind == Session.Kind.PRESENTATION}
    marks = {}
    for participant_id, session_id, state, presented in Attendance.objects.filter(
        session__cohort=cohort
    ).values_list("participant_id", "session_id", "state", "presented"):
        marks[participant_id, session_id] = (state, presented)
    participants = (
        Participant.objects.filter(cohort=cohort).select_related("user").order_by("joined_on", "pk")
    )
    return [
        _verdict(cohort, participant, ended, marks, presentations, finished) for participant in participants
    ]


def evaluate(participant, *, now=None):
    return next(
        verdict
        for verdict in evaluate_cohort(participant.cohort, now=now)
        if verdict.participant.pk == participant.pk
    )


def _verdict(cohort, participant, ended, marks, presentations, finished):
    attended = counted = 0
    presented = False
    for session_id, held_on in ended.items():
        if held_on < participant.joined_on or (participant.left_on and held_on > participant.left_on):
            continue
        state, delivered = marks.get((participant.pk, session_id), (Attendance.State.ABSENT, False))
        if state == Attendance.State.EXCUSED:
            continue
        counted += 1
        attended += state in ATTENDED
        presented |= delivered and session_id in presentations and state in ATTENDED
    return Verdict(
        participant=participant,
        attended=attended,
        counted=counted,
        presented=presented,
        finished=finished,
        threshold=cohort.completion_attendance,
        reasons=_reasons(cohort, participant, percentage(attended, counted), presented, finished),
    )


def _reasons(cohort, participant, rate, presented, finished):
    reasons = []
    if participant.state == Participant.State.WITHDRAWN:
        reasons.append(_("Withdrew on %(date)s.") % {"date": participant.left_on.isoformat()})
    if not finished:
        reasons.append(_("The course has not finished yet."))
    if rate is None or rate < cohort.completion_attendance:
        reasons.append(
            _("Attendance %(rate)s%% is below the %(needed)d%% needed.")
            % {"rate": f"{rate or 0:g}", "needed": cohort.completion_attendance}
        )
    if cohort.completion_requires_presentation and not presented:
        reasons.append(_("No results presentation delivered yet."))
    return reasons
