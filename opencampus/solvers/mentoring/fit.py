"""The fit of a mentee with a mentor, 0 to 100 in tenths, for every pair at once.

Each part is a share of what the mentee asks for: the fields it names that the mentor covers,
its keywords (compared stripped and case-insensitive) that the mentor lists, and a shared
language. A mentee that names no field (no keyword) gets the neutral 0.5 for that part; an
empty language list on either side counts as a shared language. The parts are weighted and
scaled so the best fit is 100 whatever the weights.
"""

from collections.abc import Iterable, Sequence

import numpy as np

from .problem import Mentee, Mentor, Problem, Weights

NEUTRAL = 0.5  # the part of a mentee who names no field, or no keyword


def fit(problem: Problem, mentee: Mentee, mentor: Mentor) -> float:
    """The fit of one pair, 0 to 100 rounded to one decimal."""
    return fit_tenths(problem.weights, (mentee,), (mentor,))[0, 0] / 10


def fit_tenths(weights: Weights, mentees: Sequence[Mentee], mentors: Sequence[Mentor]) -> np.ndarray:
    """The fit of every pair in tenths (integers 0 to 1000), mentees by rows."""
    fields = _share([set(e.fields) for e in mentees], [set(m.fields) for m in mentors])
    keywords = _share([_keywords(e.keywords) for e in mentees], [_keywords(m.keywords) for m in mentors])
    language = common_language(mentees, mentors)
    total = weights.fields + weights.keywords + weights.language
    raw = (weights.fields * fields + weights.keywords * keywords + weights.language * language) / total
    return np.rint(raw * 1000).astype(np.int64)


def common_language(mentees: Sequence[Mentee], mentors: Sequence[Mentor]) -> np.ndarray:
    """Whether each pair can talk: a language in common, or an empty list (any language) on a side."""
    shared = _overlap([set(e.languages) for e in mentees], [set(m.languages) for m in mentors]) > 0
    return shared | _any_language(mentees)[:, None] | _any_language(mentors)[None, :]


def _keywords(keywords: Iterable[str]) -> set[str]:
    return {word.strip().casefold() for word in keywords} - {""}


def _share(wanted: list[set[str]], offered: list[set[str]]) -> np.ndarray:
    """|wanted ∩ offered| / |wanted| for each pair, NEUTRAL where nothing is wanted."""
    sizes = np.array([len(items) for items in wanted], dtype=float)
    overlap = _overlap(wanted, offered)
    return np.where(sizes[:, None] > 0, overlap / np.maximum(sizes, 1)[:, None], NEUTRAL)


def _overlap(rows: list[set[str]], columns: list[set[str]]) -> np.ndarray:
    """How many items each row's set shares with each column's, by a product of incidence matrices."""
    vocabulary = {item: i for i, item in enumerate(sorted(set().union(*rows, *columns)))}
    return _incidence(rows, vocabulary) @ _incidence(columns, vocabulary).T


def _incidence(sets: list[set[str]], vocabulary: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(sets), len(vocabulary)))
    for i, items in enumerate(sets):
        matrix[i, [vocabulary[item] for item in items]] = 1
    return matrix


def _any_language(people) -> np.ndarray:
    return np.array([not person.languages for person in people], dtype=bool)
