"""What a participant sees of their cohorts: the timetable, materials, their attendance and rate.

Everything is read in a fixed number of queries per cohort the person takes part in, however
many participants and sessions the cohort has. A participant who withdrew sees the sessions up
to the day they left, read-only.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from opencampus.people.models import User

from ..models import Attendance, Feedback, Participant, SessionMaterial, TimetableEntry
from .completion import Verdict, evaluate
from .feedback import feedback_refusal
from .session_times import dates_of, held_on, is_held, place_of, published_entries_of, took_part_on


@dataclass(frozen=True)
class SessionRow:
    entry: TimetableEntry
    dates: list[date]
    held: bool
    counts: bool  # the participant was in the cohort that day
    attendance: Attendance | None
    feedback: Feedback | None
    may_give_feedback: bool

    @property
    def session(self):
        return self.entry.session

    @property
    def place(self):
        return place_of(self.entry)


@dataclass(frozen=True)
class CohortHome:
    participant: Participant
    verdict: Verdict
    rows: list[SessionRow]

    @property
    def cohort(self):
        return self.participant.cohort

    @property
    def withdrawn(self):
        return self.participant.state == Participant.State.WITHDRAWN


def my_participations(*, user, campus):
    return list(
        Participant.objects.filter(campus=campus, user=user)
        .select_related("campus", "cohort__campus", "cohort__track")
        .order_by("-cohort__starts_on", "pk")
    )


def _entries_by_cohort(cohorts):
    entries = published_entries_of(cohorts).prefetch_related(
        Prefetch("session__instructors", queryset=User.objects.order_by("name_ko", "name_en", "pk")),
        Prefetch("session__materials", queryset=SessionMaterial.objects.order_by("created", "pk")),
    )
    by_cohort = {}
    for entry in entries:
        by_cohort.setdefault(entry.session.cohort_id, []).append(entry)
    return by_cohort


def _row(participant, entry, attendance, feedback, now):
    tz = participant.campus.tz
    held = is_held(entry, now)
    refusal = feedback_refusal(participant=participant, entry=entry, attendance=attendance, now=now)
    return SessionRow(
        entry=entry,
        dates=dates_of(entry, tz),
        held=held,
        counts=took_part_on(participant, held_on(entry, tz)),
        attendance=attendance,
        feedback=feedback,
        may_give_feedback=refusal is None,
    )


def _visible(participant, entry):
    """A participant who left sees the sessions up to the day they left."""
    return participant.left_on is None or held_on(entry, participant.campus.tz) <= participant.left_on


def participant_home(*, user, campus, now=None):
    """A ``CohortHome`` for each cohort ``user`` takes or took part in on ``campus``, newest first."""
    now = now or timezone.now()
    participants = my_participations(user=user, campus=campus)
    if not participants:
        return []
    entries = _entries_by_cohort([participant.cohort for participant in participants])
    attendance = {
        (record.participant_id, record.session_id): record
        for record in Attendance.objects.filter(participant__in=participants)
    }
    feedback = {
        (given.participant_id, given.session_id): given
        for given in Feedback.objects.filter(participant__in=participants)
    }
    homes = []
    for participant in participants:
        rows = [
            _row(
                participant,
                entry,
                attendance.get((participant.pk, entry.session_id)),
                feedback.get((participant.pk, entry.session_id)),
                now,
            )
            for entry in entries.get(participant.cohort_id, [])
            if _visible(participant, entry)
        ]
        homes.append(CohortHome(participant=participant, verdict=evaluate(participant, now=now), rows=rows))
    return homes
