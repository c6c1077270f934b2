"""``solve``: both methods on one problem, sharing the fit table and the preference orders."""

import time

from .market import Market
from .max_fit import max_fit_result
from .problem import Problem
from .result import Result
from .stable import stable_result


def solve(problem: Problem) -> dict[str, Result]:
    """{"stable": ..., "max_fit": ...}; each result's seconds include the shared preparation.
    Raises ValueError for a malformed problem."""
    began = time.perf_counter()
    market = Market(problem)
    prepared = time.perf_counter() - began
    stable = stable_result(market, time.perf_counter() - prepared)
    return {"stable": stable, "max_fit": max_fit_result(market, time.perf_counter() - prepared)}
