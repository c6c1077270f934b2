"""What teams are formed from, and the checks that refuse a problem no team plan can satisfy.

Errors are ``TeamProblemError``: a ``ValueError`` whose message an operator can read, with a
stable ``code`` and the ``fields`` (ids, numbers) an application needs to word it in its
users' language.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Id = str | int  # given back as given


class TeamProblemError(ValueError):
    def __init__(self, code: str, detail: str, **fields: Any):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.fields = fields


@dataclass(frozen=True, kw_only=True)
class Person:
    """``ranking``: option ids, best first; it may be partial or empty (no preference: any
    option suits). An attribute a person lacks has the unknown value ``""``."""

    id: Id
    attributes: Mapping[str, str] = field(default_factory=dict)
    ranking: tuple[Id, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Option:
    """What a team works on (an agenda); ``max_teams`` teams may take it."""

    id: Id
    max_teams: int = 1


@dataclass(frozen=True, kw_only=True)
class Weights:
    """Shares of a team's score: its members' preference for its option against its balance."""

    preference: int = 1
    balance: int = 1


@dataclass(frozen=True, kw_only=True)
class TeamProblem:
    """Place every person in exactly one team of ``min_size`` to ``max_size`` people working on
    one option. ``balance``: attributes whose mix in each team should follow the cohort's;
    ``no_isolation``: attributes by which nobody may be the only one of their group in a team."""

    people: tuple[Person, ...]
    options: tuple[Option, ...]
    min_size: int
    max_size: int
    balance: tuple[str, ...] = ()
    no_isolation: tuple[str, ...] = ()
    weights: Weights = Weights()


@dataclass(frozen=True, kw_only=True)
class Team:
    option: Id
    members: tuple[Id, ...]


def team_counts(problem: TeamProblem) -> range:
    """The numbers of teams the sizes and the options allow (empty if none)."""
    people = len(problem.people)
    capacity = sum(option.max_teams for option in problem.options)
    return range(-(-people // problem.max_size), min(people // problem.min_size, capacity) + 1)


def validate(problem: TeamProblem) -> None:
    """Raise TeamProblemError for a malformed problem or one that no team plan can satisfy."""
    if not problem.people:
        raise TeamProblemError("no_people", "there is nobody to place in teams")
    if not problem.options:
        raise TeamProblemError("no_options", "there are no options for the teams to work on")
    options = _unique(problem.options, "option")
    _unique(problem.people, "person")
    for option in problem.options:
        _whole(option.max_teams, f"max_teams of option {option.id!r}", low=1)
    for person in problem.people:
        _person(person, options)
    _whole(problem.min_size, "min_size", low=1)
    _whole(problem.max_size, "max_size", low=1)
    if problem.min_size > problem.max_size:
        raise TeamProblemError(
            "sizes_crossed",
            f"the smallest team size ({problem.min_size}) is larger than the largest ({problem.max_size})",
            min_size=problem.min_size,
            max_size=problem.max_size,
        )
    _attributes(problem)
    _whole(problem.weights.preference, "the preference weight", low=0)
    _whole(problem.weights.balance, "the balance weight", low=0)
    if problem.weights.preference + (problem.weights.balance if problem.balance else 0) == 0:
        raise TeamProblemError(
            "no_weight",
            "the weights leave nothing to score: give preference (or balance, with attributes) a weight",
        )
    _sizes(problem)


def _person(person: Person, options: set) -> None:
    if not isinstance(person.attributes, Mapping) or not all(
        isinstance(name, str) and isinstance(value, str) for name, value in person.attributes.items()
    ):
        raise TeamProblemError(
            "invalid_field",
            f"the attributes of person {person.id!r} must map names to text values",
            field="attributes",
            person=person.id,
        )
    if isinstance(person.ranking, str):
        raise TeamProblemError(
            "invalid_field",
            f"the ranking of person {person.id!r} must be a list",
            field="ranking",
            person=person.id,
        )
    seen = set()
    for option in person.ranking:
        if option not in options:
            raise TeamProblemError(
                "unknown_option",
                f"person {person.id!r} ranks {option!r}, which is not an option",
                person=person.id,
                option=option,
            )
        if option in seen:
            raise TeamProblemError(
                "ranked_twice",
                f"person {person.id!r} ranks {option!r} twice",
                person=person.id,
                option=option,
            )
        seen.add(option)


def _attributes(problem: TeamProblem) -> None:
    held = {name for person in problem.people for name in person.attributes}
    for what in ("balance", "no_isolation"):
        names = getattr(problem, what)
        if isinstance(names, str) or not all(isinstance(name, str) for name in names):
            raise TeamProblemError("invalid_field", f"{what} must be a list of attribute names", field=what)
        for name in names:
            if name not in held:
                raise TeamProblemError(
                    "unknown_attribute",
                    f"{what} names the attribute {name!r}, which nobody has",
                    attribute=name,
                    field=what,
                )
        if len(set(names)) != len(names):
            raise TeamProblemError("invalid_field", f"{what} names an attribute twice", field=what)


def _sizes(problem: TeamProblem) -> None:
    people, low, high = len(problem.people), problem.min_size, problem.max_size
    fewest = -(-people // high)  # teams needed to hold everyone
    if fewest > people // low:
        if people < low:
            why = f"a team needs at least {low}"
        else:
            fewer = fewest - 1
            why = (
                f"{fewer} team{'s hold' if fewer != 1 else ' holds'} at most {fewer * high} "
                f"and {fewest} teams need at least {fewest * low}"
            )
        raise TeamProblemError(
            "sizes_cannot_split",
            f"{people} people cannot be split into teams of {low} to {high}: {why}",
            people=people,
            min_size=low,
            max_size=high,
        )
    capacity = sum(option.max_teams for option in problem.options)
    if fewest > capacity:
        raise TeamProblemError(
            "too_few_teams",
            f"{people} people need at least {fewest} teams of at most {high}, but the "
            f"{len(problem.options)} options allow only {capacity} "
            f"team{'s' if capacity != 1 else ''} (at most {capacity * high} people)",
            people=people,
            teams_needed=fewest,
            teams_allowed=capacity,
            max_size=high,
        )


def _unique(items, what: str) -> set:
    seen = set()
    for item in items:
        if isinstance(item.id, bool) or not isinstance(item.id, str | int):
            raise TeamProblemError(
                "invalid_field", f"{what} ids are strings or integers, not {item.id!r}", field="id"
            )
        if item.id in seen:
            raise TeamProblemError(
                f"duplicate_{what}", f"the {what} id {item.id!r} appears twice", id=item.id
            )
        seen.add(item.id)
    return seen


def _whole(value, what: str, *, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise TeamProblemError(
            "invalid_field", f"{what} must be a whole number of at least {low}, not {value!r}", field=what
        )
