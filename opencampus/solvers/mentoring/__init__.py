"""Mentor matching: mentees (participants or working groups) with mentors who take several.

``stable(problem)`` is mentee-proposing deferred acceptance: no mentee and mentor would both
rather be together. ``max_fit(problem)`` matches the most mentees, then maximises the total fit,
by min-cost flow, and reports the blocking pairs that costs. ``solve(problem)`` runs both.
docs/solvers.md ("Mentor matching") describes the fit, the orders and the formats.
"""

from .blocking import blocking_pairs
from .fit import fit
from .json_format import problem_from_json, problem_to_json, result_to_json, solve_json
from .max_fit import max_fit
from .problem import Mentee, Mentor, Problem, Weights, capacity_shortfall, validate
from .result import Assignment, Result
from .solver import solve
from .stable import stable

__all__ = [
    "Assignment",
    "Mentee",
    "Mentor",
    "Problem",
    "Result",
    "Weights",
    "blocking_pairs",
    "capacity_shortfall",
    "fit",
    "max_fit",
    "problem_from_json",
    "problem_to_json",
    "result_to_json",
    "solve",
    "solve_json",
    "stable",
    "validate",
]
