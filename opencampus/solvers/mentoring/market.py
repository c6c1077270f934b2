"""Everything both methods and the stability check read: indices, fits, acceptable pairs, each
side's ranks and each person's strict preference order.

A person's order over the other side: the tiers of their ranking first, ties broken by fit
(higher first) and then by id, then the acceptable people they did not rank, by fit and then by
id. A pair is acceptable unless it is forbidden or shares no language; unacceptable people are
left out of the orders.
"""

from itertools import chain

import numpy as np

from .fit import common_language, fit_tenths
from .problem import Problem, validate


class Market:
    """A validated problem, prepared once for both methods (arrays indexed by input position)."""

    def __init__(self, problem: Problem):
        validate(problem)
        self.mentees, self.mentors = problem.mentees, problem.mentors
        self.mentee_index = {mentee.id: e for e, mentee in enumerate(self.mentees)}
        self.mentor_index = {mentor.id: m for m, mentor in enumerate(self.mentors)}
        self.capacity = [mentor.capacity for mentor in self.mentors]
        self.fit = fit_tenths(problem.weights, self.mentees, self.mentors)
        acceptable = common_language(self.mentees, self.mentors)
        for mentee, mentor in problem.forbidden:
            acceptable[self.mentee_index[mentee], self.mentor_index[mentor]] = False
        self.acceptable = acceptable
        # tiers[e, m]: the 1-based tier mentee e gave mentor m, 0 when unranked; likewise mentor_tiers.
        self.mentee_tiers = _tiers(self.mentees, self.mentor_index, len(self.mentors))
        self.mentor_tiers = _tiers(self.mentors, self.mentee_index, len(self.mentees))
        self.pinned = {self.mentee_index[e]: self.mentor_index[m] for e, m in problem.pinned}
        # mentee_orders[e]: mentee e's acceptable mentors, best first.
        self.mentee_orders = _orders(
            self.mentee_tiers, self.fit, self.acceptable, [m.id for m in self.mentors]
        )
        # mentor_positions[m][e]: where mentee e stands in mentor m's order (0 is the best), the
        # unacceptable mentees after every acceptable one.
        self.mentor_positions = _positions(
            _sorted(self.mentor_tiers, self.fit.T, self.acceptable.T, [e.id for e in self.mentees])
        )

    def free_capacity(self) -> list[int]:
        """Each mentor's capacity less their pinned mentees."""
        free = self.capacity[:]
        for m in self.pinned.values():
            free[m] -= 1
        return free


def _tiers(people, index: dict, others: int) -> np.ndarray:
    counts, columns, numbers, sizes = [], [], [], []  # flat, so that long rankings go at C speed
    for person in people:
        ranked = list(chain.from_iterable(person.ranking))
        counts.append(len(ranked))
        columns.extend(map(index.__getitem__, ranked))
        numbers.extend(range(1, len(person.ranking) + 1))
        sizes.extend(map(len, person.ranking))
    tiers = np.zeros((len(people), others), dtype=np.int64)
    tiers[np.repeat(np.arange(len(people)), counts), columns] = np.repeat(numbers, sizes)
    return tiers


def _sorted(tiers: np.ndarray, fit: np.ndarray, acceptable: np.ndarray, ids: list[str]) -> np.ndarray:
    """Each row's columns in preference order, the unacceptable ones last."""
    tier = np.where(tiers > 0, tiers, tiers.shape[1] + 1)  # the unranked after every tier
    by_id = np.argsort(np.array(ids, dtype=object), kind="stable").argsort() if ids else np.zeros(0, int)
    keys = (np.broadcast_to(by_id, tiers.shape), -fit, tier, ~acceptable)  # the last key sorts first
    return np.lexsort(keys, axis=-1) if tiers.size else np.zeros(tiers.shape, dtype=np.int64)


def _orders(tiers: np.ndarray, fit: np.ndarray, acceptable: np.ndarray, ids: list[str]) -> list[list[int]]:
    orders = _sorted(tiers, fit, acceptable, ids).tolist()
    counts = acceptable.sum(axis=1).tolist()
    return [order[:count] for order, count in zip(orders, counts, strict=True)]


def _positions(orders: np.ndarray) -> list[list[int]]:
    positions = np.empty_like(orders)
    np.put_along_axis(positions, orders, np.arange(orders.shape[1])[None, :], axis=1)
    return positions.tolist()
