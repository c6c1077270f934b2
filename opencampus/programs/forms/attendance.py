"""The roster as staff post it: one row per participant, named by their id."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Attendance, Participant
from ..services.attendance import Mark, RosterRow

STATE_PREFIX = "state-"


class RosterDataError(Exception):
    """The posted roster cannot be read; the text is for staff."""


@dataclass(frozen=True)
class RosterLine:
    """A roster row as the form shows it: the record, or what was just posted."""

    participant: Participant
    attendance: Attendance | None
    state: str
    reason: str
    presented: bool


def posted_marks(data):
    """The ``Mark`` of every row whose state is set: ``state-<id>``, ``reason-<id>``, ``presented-<id>``."""
    marks = []
    for key in data:
        if not key.startswith(STATE_PREFIX) or not data[key]:
            continue
        participant_id = key.removeprefix(STATE_PREFIX)
        if not participant_id.isdigit():
            raise RosterDataError(_("The roster sent names a participant that does not exist."))
        marks.append(
            Mark(
                participant_id=int(participant_id),
                state=data[key],
                reason=data.get(f"reason-{participant_id}", ""),
                presented=bool(data.get(f"presented-{participant_id}")),
            )
        )
    return marks


def roster_lines(rows: list[RosterRow], data=None):
    """The rows to show: as recorded, or as posted when a marking was refused."""
    lines = []
    for row in rows:
        record, pk = row.attendance, row.participant.pk
        if data is not None:
            state = data.get(f"{STATE_PREFIX}{pk}", "")
            reason = data.get(f"reason-{pk}", "")
            presented = bool(data.get(f"presented-{pk}"))
        else:
            state = record.state if record else ""
            reason = record.reason if record else ""
            presented = record.presented if record else False
        lines.append(RosterLine(row.participant, record, state, reason, presented))
    return lines
