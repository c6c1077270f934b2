"""Timetabling: plan cohorts' sessions into weeks, weekly slots and rooms with CP-SAT.

``solve_timetable(problem)`` places as many sessions as possible, then moves as few as possible
from a published plan, then keeps each cohort on few weekdays and spread over the weeks; each
session it cannot place comes back with reasons (codes in reasons.py). docs/solvers.md
("Timetable") describes the time model, the JSON format, the model and the options.
"""

from .json_format import problem_from_json, result_to_json, solve_json
from .problem import Instructor, Position, Room, Session, Slot, TimetableProblem, Weights, Window
from .result import Penalties, Placement, Reason, TimetableResult, Unplaced
from .solver import solve_timetable

__all__ = [
    "Instructor",
    "Penalties",
    "Placement",
    "Position",
    "Reason",
    "Room",
    "Session",
    "Slot",
    "TimetableProblem",
    "TimetableResult",
    "Unplaced",
    "Weights",
    "Window",
    "problem_from_json",
    "result_to_json",
    "solve_json",
    "solve_timetable",
]
