"""``max_fit``: the most mentees matched, then the highest total fit, by min-cost flow (OR-Tools).

Pinned pairs are placed first. Source -> each free mentee (capacity 1) -> each acceptable mentor
(capacity 1, cost minus the fit in hundredths) -> sink (capacity: the mentor's free places);
the maximum flow of least cost is the matching.
"""

import time

import numpy as np
from ortools.graph.python import min_cost_flow

from .blocking import find_blocking_pairs
from .market import Market
from .problem import Problem
from .result import Result, summarise


def max_fit(problem: Problem) -> Result:
    """Raises ValueError for a malformed problem."""
    began = time.perf_counter()
    return max_fit_result(Market(problem), began)


def max_fit_result(market: Market, began: float) -> Result:
    matching = dict(market.pinned) | _flow(market)
    blocking = find_blocking_pairs(market, matching)
    return summarise(market, "max_fit", matching, blocking, time.perf_counter() - began)


def _flow(market: Market) -> dict[int, int]:
    mentees, mentors = len(market.mentees), len(market.mentors)
    places = np.array(market.free_capacity(), dtype=np.int64)
    free = np.array([e not in market.pinned for e in range(mentees)], dtype=bool)
    arcs = market.acceptable & free[:, None] & (places > 0)[None, :]
    tails, heads = np.nonzero(arcs)
    if not len(tails):
        return {}
    source, sink = mentees + mentors, mentees + mentors + 1  # mentees are 0.., mentors mentees..
    flow = min_cost_flow.SimpleMinCostFlow()
    choices = flow.add_arcs_with_capacity_and_unit_cost(
        tails, mentees + heads, np.ones(len(tails), dtype=np.int64), -10 * market.fit[tails, heads]
    )
    senders = np.unique(tails)
    takers = np.unique(heads)
    flow.add_arcs_with_capacity_and_unit_cost(
        np.full(len(senders), source),
        senders,
        np.ones(len(senders), dtype=np.int64),
        np.zeros(len(senders), dtype=np.int64),
    )
    flow.add_arcs_with_capacity_and_unit_cost(
        mentees + takers, np.full(len(takers), sink), places[takers], np.zeros(len(takers), dtype=np.int64)
    )
    flow.set_node_supply(source, len(senders))
    flow.set_node_supply(sink, -len(senders))
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise AssertionError(f"min-cost flow ended with status {status}")
    used = flow.flows(choices) > 0
    return dict(zip(tails[used].tolist(), heads[used].tolist(), strict=True))
