"""What became of a social problem, told by the apps that take it further.

``agendas`` sits below working groups, experiments and the exchange: it cannot import them. Each of
those registers a provider here in its ``ready()``; a provider takes an agenda and the person
looking and returns the steps it knows, each with the date it happened, reading a constant number
of rows from the database whatever the agenda's history.
"""

import dataclasses
import datetime
from collections.abc import Callable, Iterable


@dataclasses.dataclass(frozen=True)
class Step:
    kind: str  # "working_group", "experiment", "result", later "case", "joint_agenda"
    kind_label: str  # translated, e.g. "working group"
    title: str
    url: str
    date: datetime.date | None
    summary: str = ""
    progress: int | None = None  # percent, where the step has one
    status: str = ""  # translated
    parent_url: str = ""  # the step this one grew out of (an experiment's working group)


Provider = Callable[..., Iterable[Step]]  # provider(agenda, *, viewer) -> steps

_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _providers[name] = provider


def lineage(agenda, *, viewer) -> list[Step]:
    """Every step after the proposal, oldest first; undated steps close the story."""
    steps = [step for provider in _providers.values() for step in provider(agenda, viewer=viewer)]
    return sorted(steps, key=lambda step: (step.date is None, step.date or datetime.date.min))
