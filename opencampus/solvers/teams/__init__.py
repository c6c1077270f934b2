"""Team formation: working groups of a cohort, each on one option (an agenda), with CP-SAT.

``solve(problem)`` places everyone in one team of the allowed size, keeps nobody the only one
of their group by a no-isolation attribute, maximises the worst team's score, then the mean
over people; ``greedy(problem)`` is the baseline; ``evaluate(problem, teams)`` scores any plan
(one an operator edited by hand) and lists what it breaks. The score is defined once, in
scoring.py. docs/solvers.md ("Team formation") describes the score, the formats and the model.
"""

from .evaluation import evaluate
from .greedy import greedy
from .json_format import problem_from_json, problem_to_json, result_to_json, solve_json
from .problem import Option, Person, Team, TeamProblem, TeamProblemError, Weights
from .result import Evaluation, Finding, ScoredTeam, TeamResult
from .scoring import SCORE_MAX
from .solver import solve

__all__ = [
    "SCORE_MAX",
    "Evaluation",
    "Finding",
    "Option",
    "Person",
    "ScoredTeam",
    "Team",
    "TeamProblem",
    "TeamProblemError",
    "TeamResult",
    "Weights",
    "evaluate",
    "greedy",
    "problem_from_json",
    "problem_to_json",
    "result_to_json",
    "solve",
    "solve_json",
]
