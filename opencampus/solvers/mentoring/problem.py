"""What mentors and mentees are matched from, and the checks that refuse a malformed problem."""

from collections import Counter
from dataclasses import dataclass
from itertools import chain
from numbers import Real

Id = str
Ranking = tuple[tuple[Id, ...], ...]  # tiers, best first; the ids within a tier are tied


@dataclass(frozen=True, kw_only=True)
class Mentee:
    """A participant or a working group. ``ranking``: tiers of mentor ids, best first."""

    id: Id
    fields: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # empty: any language
    ranking: Ranking = ()


@dataclass(frozen=True, kw_only=True)
class Mentor:
    """A mentor who takes up to ``capacity`` mentees. ``ranking``: tiers of mentee ids, best first."""

    id: Id
    capacity: int
    fields: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    ranking: Ranking = ()


@dataclass(frozen=True, kw_only=True)
class Weights:
    """Shares of the fit: fields, keywords and a shared language (only their ratios count)."""

    fields: float = 50
    keywords: float = 30
    language: float = 20


@dataclass(frozen=True, kw_only=True)
class Problem:
    """``pinned``: (mentee id, mentor id) pairs the operator always matches; ``forbidden``: pairs
    never matched."""

    mentees: tuple[Mentee, ...]
    mentors: tuple[Mentor, ...]
    pinned: tuple[tuple[Id, Id], ...] = ()
    forbidden: tuple[tuple[Id, Id], ...] = ()
    weights: Weights = Weights()


def capacity_shortfall(problem: Problem) -> int:
    """How many mentees stay unmatched whatever the method: mentees beyond the total capacity."""
    return max(0, len(problem.mentees) - sum(mentor.capacity for mentor in problem.mentors))


def shares_language(mentee: Mentee, mentor: Mentor) -> bool:
    """An empty language list means any language."""
    return (
        not mentee.languages or not mentor.languages or not set(mentee.languages).isdisjoint(mentor.languages)
    )


def validate(problem: Problem) -> None:
    """Raise ValueError, naming the id at fault, for a malformed problem."""
    mentees = _unique(problem.mentees, "mentee")
    mentors = _unique(problem.mentors, "mentor")
    for mentee in problem.mentees:
        _profile(mentee, "mentee")
        _ranking(mentee, "mentee", mentors, "mentor")
    for mentor in problem.mentors:
        if isinstance(mentor.capacity, bool) or not isinstance(mentor.capacity, int) or mentor.capacity < 1:
            raise ValueError(f"mentor {mentor.id!r} needs a capacity of at least 1, not {mentor.capacity!r}")
        _profile(mentor, "mentor")
        _ranking(mentor, "mentor", mentees, "mentee")
    _weights(problem.weights)
    forbidden = set(_pairs(problem.forbidden, "forbidden", mentees, mentors))
    pinned = _pairs(problem.pinned, "pinned", mentees, mentors)
    pins = Counter(mentor for _, mentor in pinned)
    seen = set()
    for mentee, mentor in pinned:
        if (mentee, mentor) in forbidden:
            raise ValueError(f"the pair ({mentee!r}, {mentor!r}) is both pinned and forbidden")
        if mentee in seen:
            raise ValueError(f"mentee {mentee!r} is pinned more than once")
        seen.add(mentee)
        if not shares_language(mentees[mentee], mentors[mentor]):
            raise ValueError(f"the pinned pair ({mentee!r}, {mentor!r}) shares no language")
    for mentor, count in pins.items():
        if count > mentors[mentor].capacity:
            raise ValueError(
                f"mentor {mentor!r} has {count} pinned mentees but a capacity of {mentors[mentor].capacity}"
            )


def _unique(people, side: str) -> dict:
    found = {}
    for person in people:
        if not isinstance(person.id, str):
            raise ValueError(f"{side} ids are text, not {person.id!r}")
        if person.id in found:
            raise ValueError(f"the {side} id {person.id!r} appears twice")
        found[person.id] = person
    return found


def _profile(person, side: str) -> None:
    for name in ("fields", "keywords", "languages"):
        values = getattr(person, name)
        if isinstance(values, str) or not all(isinstance(value, str) for value in values):
            raise ValueError(f"the {name} of {side} {person.id!r} must be a list of texts")


def _ranking(person, side: str, others: dict, other_side: str) -> None:
    # Set operations first: complete rankings of thousands are checked at C speed.
    ranking = person.ranking
    if isinstance(ranking, str) or not set(map(type, ranking)) <= {tuple, list} or not all(map(len, ranking)):
        raise ValueError(f"the ranking of {side} {person.id!r} must be a list of non-empty tiers")
    ranked = list(chain.from_iterable(ranking))
    if set(map(type, ranked)) <= {str}:
        unique = set(ranked)
        if len(unique) == len(ranked) and unique <= others.keys():
            return
    seen = set()
    for other in ranked:
        if not isinstance(other, str) or other not in others:
            raise ValueError(f"{side} {person.id!r} ranks {other!r}, which is not a {other_side}")
        if other in seen:
            raise ValueError(f"{side} {person.id!r} ranks {other!r} twice")
        seen.add(other)


def _weights(weights: Weights) -> None:
    values = (weights.fields, weights.keywords, weights.language)
    if any(isinstance(value, bool) or not isinstance(value, Real) or not value >= 0 for value in values):
        raise ValueError(f"the weights must be numbers of at least 0, not {values}")
    if not sum(values) > 0:
        raise ValueError("the weights must not all be 0")


def _pairs(pairs, what: str, mentees: dict, mentors: dict) -> list[tuple[Id, Id]]:
    checked = []
    for pair in pairs:
        if isinstance(pair, str) or len(pair) != 2:
            raise ValueError(f"{what} pairs are (mentee id, mentor id), not {pair!r}")
        mentee, mentor = pair
        if not isinstance(mentee, str) or mentee not in mentees:
            raise ValueError(f"{what} names {mentee!r}, which is not a mentee")
        if not isinstance(mentor, str) or mentor not in mentors:
            raise ValueError(f"{what} names {mentor!r}, which is not a mentor")
        checked.append((mentee, mentor))
    return checked
