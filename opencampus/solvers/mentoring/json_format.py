"""The ``mentoring`` command's JSON: instances in, results out (docs/solvers.md, "Mentor matching")."""

from typing import Any

from ..json_reading import json_field, json_list, json_object
from .problem import Mentee, Mentor, Problem, Ranking, Weights, capacity_shortfall
from .result import Result
from .solver import solve

_PROFILE = ("fields", "keywords", "languages")


def solve_json(data: Any) -> dict:
    """Both results and the capacity shortfall. Raises ValueError with a message naming the
    offending field or id when the instance is malformed."""
    problem = problem_from_json(data)
    results = solve(problem)
    return {
        "capacity_shortfall": capacity_shortfall(problem),
        **{method: result_to_json(result) for method, result in results.items()},
    }


def problem_from_json(data: Any) -> Problem:
    json_object(data, "the instance")
    weights = json_field(data, "weights", "the instance", default={})
    json_object(weights, "weights")
    for name in weights:
        if name not in Weights.__dataclass_fields__:
            raise ValueError(f"weights.{name}: unknown weight (fields, keywords, language)")
    return Problem(
        mentees=tuple(
            Mentee(**_person(item, f"mentees[{i}]"))
            for i, item in enumerate(json_list(data, "mentees", "the instance"))
        ),
        mentors=tuple(
            Mentor(capacity=json_field(item, "capacity", f"mentors[{i}]"), **_person(item, f"mentors[{i}]"))
            for i, item in enumerate(json_list(data, "mentors", "the instance"))
        ),
        pinned=_pairs(data, "pinned"),
        forbidden=_pairs(data, "forbidden"),
        weights=Weights(**weights),
    )


def problem_to_json(problem: Problem) -> dict:
    """The instance as ``problem_from_json`` reads it back (rankings as lists of tiers)."""
    return {
        "mentees": [_person_to_json(mentee) for mentee in problem.mentees],
        "mentors": [{"capacity": mentor.capacity} | _person_to_json(mentor) for mentor in problem.mentors],
        "pinned": [{"mentee": mentee, "mentor": mentor} for mentee, mentor in problem.pinned],
        "forbidden": [{"mentee": mentee, "mentor": mentor} for mentee, mentor in problem.forbidden],
        "weights": {
            "fields": problem.weights.fields,
            "keywords": problem.weights.keywords,
            "language": problem.weights.language,
        },
    }


def result_to_json(result: Result) -> dict:
    return {
        "method": result.method,
        "matched": result.matched,
        "total_fit": result.total_fit,
        "mean_mentee_rank": _round(result.mean_mentee_rank),
        "mean_mentor_rank": _round(result.mean_mentor_rank),
        "first_choices": result.first_choices,
        "seconds": round(result.seconds, 3),
        "assignments": [
            {
                "mentee": a.mentee,
                "mentor": a.mentor,
                "fit": a.fit,
                "mentee_rank": a.mentee_rank,
                "mentor_rank": a.mentor_rank,
                "pinned": a.pinned,
            }
            for a in result.assignments
        ],
        "unmatched": dict(result.unmatched),
        "blocking_pairs": [{"mentee": mentee, "mentor": mentor} for mentee, mentor in result.blocking_pairs],
    }


def _person(item: Any, where: str) -> dict:
    person = {"id": json_field(item, "id", where)}
    for name in _PROFILE:
        person[name] = tuple(json_list(item, name, where, default=[]))
    person["ranking"] = _ranking(json_list(item, "ranking", where, default=[]))
    return person


def _ranking(items: list) -> Ranking:
    """A flat list of ids is a strict order; a list inside it is a tier of tied ids."""
    return tuple(tuple(item) if isinstance(item, list) else (item,) for item in items)


def _person_to_json(person: Mentee | Mentor) -> dict:
    return {
        "id": person.id,
        **{name: list(getattr(person, name)) for name in _PROFILE},
        "ranking": [list(tier) for tier in person.ranking],
    }


def _pairs(data: dict, name: str) -> tuple[tuple[Any, Any], ...]:
    return tuple(
        (json_field(item, "mentee", f"{name}[{i}]"), json_field(item, "mentor", f"{name}[{i}]"))
        for i, item in enumerate(json_list(data, name, "the instance", default=[]))
    )


def _round(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None
