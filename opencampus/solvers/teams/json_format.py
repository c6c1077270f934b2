"""The ``teams`` command's JSON: instances in, results out (docs/solvers.md, "Team formation")."""

from typing import Any

from ..json_reading import json_field, json_list, json_object
from .problem import Option, Person, TeamProblem, Weights
from .result import Finding, ScoredTeam, TeamResult
from .solver import solve


def solve_json(data: Any, *, time_limit: float = 10.0, workers: int = 8, random_seed: int = 0) -> dict:
    """Raises ValueError with a message naming the offending field when the instance is malformed."""
    return result_to_json(
        solve(problem_from_json(data), time_limit=time_limit, workers=workers, random_seed=random_seed)
    )


def problem_from_json(data: Any) -> TeamProblem:
    json_object(data, "the instance")
    weights = json_field(data, "weights", "the instance", default={})
    json_object(weights, "weights")
    for name in weights:
        if name not in Weights.__dataclass_fields__:
            raise ValueError(f"weights.{name}: unknown weight (preference, balance)")
    return TeamProblem(
        people=tuple(
            _person(item, f"people[{i}]") for i, item in enumerate(json_list(data, "people", "the instance"))
        ),
        options=tuple(
            Option(
                id=json_field(item, "id", f"options[{i}]"),
                max_teams=json_field(item, "max_teams", f"options[{i}]", default=1),
            )
            for i, item in enumerate(json_list(data, "options", "the instance"))
        ),
        min_size=json_field(data, "min_size", "the instance"),
        max_size=json_field(data, "max_size", "the instance"),
        balance=tuple(json_list(data, "balance", "the instance", default=[])),
        no_isolation=tuple(json_list(data, "no_isolation", "the instance", default=[])),
        weights=Weights(**weights),
    )


def problem_to_json(problem: TeamProblem) -> dict:
    """The instance as ``problem_from_json`` reads it back (the app stores it with each run)."""
    return {
        "people": [
            {"id": person.id, "attributes": dict(person.attributes), "ranking": list(person.ranking)}
            for person in problem.people
        ],
        "options": [{"id": option.id, "max_teams": option.max_teams} for option in problem.options],
        "min_size": problem.min_size,
        "max_size": problem.max_size,
        "balance": list(problem.balance),
        "no_isolation": list(problem.no_isolation),
        "weights": {"preference": problem.weights.preference, "balance": problem.weights.balance},
    }


def result_to_json(result: TeamResult) -> dict:
    return {
        "status": result.status,
        "worst": result.worst,
        "bound": result.bound,
        "gap": round(result.gap, 4) if result.gap is not None else None,
        "mean": round(result.mean, 2) if result.mean is not None else None,
        "mean_bound": round(result.mean_bound, 2) if result.mean_bound is not None else None,
        "seconds": round(result.seconds, 3),
        "greedy": {
            "worst": result.greedy_worst,
            "mean": round(result.greedy_mean, 2) if result.greedy_mean is not None else None,
        },
        "teams": [team_to_json(team) for team in result.teams],
        "violations": [finding_to_json(finding) for finding in result.violations],
        "notes": [finding_to_json(finding) for finding in result.notes],
    }


def team_to_json(team: ScoredTeam) -> dict:
    return {
        "option": team.option,
        "members": list(team.members),
        "score": team.score,
        "preference": team.preference,
        "balance": dict(team.balance),
    }


def finding_to_json(finding: Finding) -> dict:
    return {"code": finding.code, "detail": finding.detail, **finding.fields}


def _person(item: Any, where: str) -> Person:
    attributes = json_field(item, "attributes", where, default={})
    json_object(attributes, f"{where}.attributes")
    return Person(
        id=json_field(item, "id", where),
        attributes=dict(attributes),
        ranking=tuple(json_list(item, "ranking", where, default=[])),
    )
