"""An agenda's story: its lineage as a tree, and one dated timeline from proposal to results."""

import dataclasses
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ..lineage import Step
from ..models import Agenda


@dataclasses.dataclass
class Node:
    step: Step
    children: list["Node"] = dataclasses.field(default_factory=list)


def nest_steps(steps):
    """Steps as a forest: a step whose ``parent_url`` is another step's ``url`` grows under it."""
    nodes = [Node(step) for step in steps]
    by_url = {node.step.url: node for node in nodes if node.step.url}
    roots = []
    for node in nodes:
        parent = by_url.get(node.step.parent_url) if node.step.parent_url else None
        if parent is None or parent is node:
            roots.append(node)
        else:
            parent.children.append(node)
    return roots


@dataclasses.dataclass(frozen=True)
class Event:
    date: datetime.date | None
    kind: str  # "proposed", "state", "note" (a history entry that changed no state), "step"
    label: str
    title: str = ""
    url: str = ""
    text: str = ""
    status: str = ""
    progress: int | None = None


def proposer_label(agenda):
    """Who brought the problem, never naming a private person."""
    if agenda.origin == Agenda.Origin.ORGANISATION and agenda.organisation is not None:
        return agenda.organisation.name
    return Agenda.Origin(agenda.origin).label


def change_event(change):
    date = timezone.localdate(change.changed_at)
    if change.from_state == change.to_state:
        return Event(date=date, kind="note", label=_("Update"), text=change.explanation)
    label = _("Now “%(state)s”") % {"state": change.get_to_state_display()}
    return Event(date=date, kind="state", label=label, text=change.explanation)


def step_event(step):
    return Event(
        date=step.date,
        kind="step",
        label=step.kind_label,
        title=step.title,
        url=step.url,
        text=step.summary,
        status=step.status,
        progress=step.progress,
    )


def timeline(agenda, *, state_changes, steps):
    """Proposal, history entries and lineage steps in date order; undated steps close the story."""
    proposed = Event(
        date=timezone.localdate(agenda.created),
        kind="proposed",
        label=_("Proposed by %(who)s") % {"who": proposer_label(agenda)},
    )
    events = [proposed, *(change_event(change) for change in state_changes), *map(step_event, steps)]
    # A stable sort: on one day the proposal comes first, then the history, then the lineage.
    return sorted(events, key=lambda event: (event.date is None, event.date or datetime.date.min))
