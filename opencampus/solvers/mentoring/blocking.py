"""Blocking pairs: a mentee and a mentor, acceptable to each other and not matched together,
who would both rather be together than with whom they have.

Mentee e and mentor m block when e is unmatched or strictly prefers m to its mentor, and m has a
free place or strictly prefers e to its worst mentee that is not pinned to it. Preferences are
each side's strict order (docs/solvers.md, "Mentor matching"). Pinned mentees never block.
"""

from collections.abc import Iterable

from .market import Market
from .problem import Id, Problem
from .result import Assignment


def blocking_pairs(
    problem: Problem, assignments: Iterable[Assignment | tuple[Id, Id]]
) -> tuple[tuple[Id, Id], ...]:
    """The blocking pairs of any matching of ``problem``: Assignment objects or (mentee id, mentor
    id) pairs, each mentee at most once. Raises ValueError for an unknown id or a mentee twice."""
    market = Market(problem)
    matching = {}
    for item in assignments:
        mentee, mentor = (item.mentee, item.mentor) if isinstance(item, Assignment) else item
        if mentee not in market.mentee_index:
            raise ValueError(f"the matching names {mentee!r}, which is not a mentee")
        if mentor not in market.mentor_index:
            raise ValueError(f"the matching names {mentor!r}, which is not a mentor")
        e = market.mentee_index[mentee]
        if e in matching:
            raise ValueError(f"the matching gives mentee {mentee!r} more than one mentor")
        matching[e] = market.mentor_index[mentor]
    return find_blocking_pairs(market, matching)


def find_blocking_pairs(market: Market, matching: dict[int, int]) -> tuple[tuple[Id, Id], ...]:
    positions = market.mentor_positions
    load = [0] * len(market.mentors)
    worst = [-1] * len(market.mentors)  # the position of each mentor's worst mentee not pinned to them
    for e, m in matching.items():
        load[m] += 1
        if market.pinned.get(e) != m:
            worst[m] = max(worst[m], positions[m][e])
    found = []
    for e, order in enumerate(market.mentee_orders):
        if e in market.pinned:
            continue
        current = matching.get(e)
        for m in order:
            if m == current:
                break
            if load[m] < market.capacity[m] or positions[m][e] < worst[m]:
                found.append((market.mentees[e].id, market.mentors[m].id))
    return tuple(sorted(found))
