"""A cohort's attendance at a glance: participants by held sessions, with rates both ways.

Read in a fixed number of queries whatever the size of the cohort. A session held before a
participant joined (or after they left) does not count for them and shows as such.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..models import Attendance, TimetableEntry
from .attendance import by_name
from .attendance_alerts import recent_alerts
from .completion import ATTENDED, Verdict, evaluate_cohort, percentage
from .session_times import held_on, is_held, published_entries_of, took_part_on


@dataclass(frozen=True)
class Cell:
    state: str
    short: str
    label: str


State = Attendance.State
UNRECORDED = "unrecorded"
NOT_IN_COHORT = "not-in-cohort"
CELLS = {
    State.PRESENT: Cell(State.PRESENT, pgettext_lazy("attendance, one letter", "P"), State.PRESENT.label),
    State.LATE: Cell(State.LATE, pgettext_lazy("attendance, one letter", "L"), State.LATE.label),
    State.ABSENT: Cell(State.ABSENT, pgettext_lazy("attendance, one letter", "A"), State.ABSENT.label),
    State.EXCUSED: Cell(State.EXCUSED, pgettext_lazy("attendance, one letter", "E"), State.EXCUSED.label),
    UNRECORDED: Cell(UNRECORDED, "?", _("not recorded (counts as absent)")),
    NOT_IN_COHORT: Cell(NOT_IN_COHORT, "·", _("not in the cohort that day")),
}


@dataclass(frozen=True)
class SessionColumn:
    entry: TimetableEntry
    attended: int
    counted: int

    @property
    def rate(self):
        return percentage(self.attended, self.counted)


@dataclass(frozen=True)
class OverviewRow:
    verdict: Verdict
    cells: list


@dataclass(frozen=True)
class CohortOverview:
    entries: list  # every session of the published timetable
    columns: list  # the held ones, with their rates
    rows: list
    alerts: list

    @property
    def below_threshold(self):
        return [row.verdict for row in self.rows if row.verdict.below_threshold]


def _cell(participant, entry, day, marks):
    if not took_part_on(participant, day):
        return CELLS[NOT_IN_COHORT]
    return CELLS[marks.get((participant.pk, entry.session_id), UNRECORDED)]


def cohort_overview(cohort, *, now=None):
    now = now or timezone.now()
    tz = cohort.campus.tz
    entries = list(published_entries_of([cohort]))
    held = [(entry, held_on(entry, tz)) for entry in entries if is_held(entry, now)]
    marks = {
        (participant_id, session_id): state
        for participant_id, session_id, state in Attendance.objects.filter(
            session__cohort=cohort
        ).values_list("participant_id", "session_id", "state")
    }
    verdicts = {verdict.participant.pk: verdict for verdict in evaluate_cohort(cohort, now=now)}
    rows = [
        OverviewRow(verdicts[participant.pk], [_cell(participant, entry, day, marks) for entry, day in held])
        for participant in by_name(verdict.participant for verdict in verdicts.values())
    ]
    columns = []
    for index, (entry, _day) in enumerate(held):
        states = [row.cells[index].state for row in rows]
        counted = [state for state in states if state not in (State.EXCUSED, NOT_IN_COHORT)]
        columns.append(SessionColumn(entry, sum(state in ATTENDED for state in counted), len(counted)))
    return CohortOverview(entries=entries, columns=columns, rows=rows, alerts=recent_alerts(cohort))
