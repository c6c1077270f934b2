"""``stable``: mentee-proposing deferred acceptance (Gale-Shapley for hospitals and residents).

Pinned pairs are placed first and take their places at the mentor. Each free mentee proposes
to the mentors in its order; a mentor holds the best proposals up to its free places and sends
the worst one back when a better one comes. The result is the stable matching every mentee
likes at least as much as any other stable matching (for the strict orders of docs/solvers.md).
"""

import heapq
import time
from collections import deque

from .blocking import find_blocking_pairs
from .market import Market
from .problem import Problem
from .result import Result, summarise


def stable(problem: Problem) -> Result:
    """Raises ValueError for a malformed problem."""
    began = time.perf_counter()
    return stable_result(Market(problem), began)


def stable_result(market: Market, began: float) -> Result:
    matching = dict(market.pinned) | deferred_acceptance(market)
    blocking = find_blocking_pairs(market, matching)
    if blocking:
        raise AssertionError(f"deferred acceptance left blocking pairs: {blocking[:5]}")
    return summarise(market, "stable", matching, blocking, time.perf_counter() - began)


def deferred_acceptance(market: Market) -> dict[int, int]:
    """The free mentees' mentors (mentee index -> mentor index)."""
    orders, positions = market.mentee_orders, market.mentor_positions
    places = market.free_capacity()
    held: list[list[tuple[int, int]]] = [[] for _ in market.mentors]  # max-heaps of (-position, mentee)
    following = [0] * len(market.mentees)  # the next mentor in each mentee's order
    free = deque(e for e in range(len(market.mentees)) if e not in market.pinned)
    while free:
        e = free.popleft()
        order = orders[e]
        for i in range(following[e], len(order)):
            m = order[i]
            position = positions[m][e]
            heap = held[m]
            if len(heap) < places[m]:
                heapq.heappush(heap, (-position, e))
            elif heap and -heap[0][0] > position:
                free.append(heapq.heapreplace(heap, (-position, e))[1])
            else:
                continue
            following[e] = i + 1
            break
        else:
            following[e] = len(order)
    return {e: m for m, heap in enumerate(held) for _, e in heap}
