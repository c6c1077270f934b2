"""The CP-SAT model: one boolean per candidate start, cliques for overlaps, a weighted objective.

Variables: ``x[i, k]``, session i starts at its candidate k (at most one per session,
``placed[i]`` is their sum); where sessions of different cohorts could meet in a room at a start,
``z[i, k, r]``, session i takes room r there, and ``own[i, k]``, it takes one of its rooms no
other cohort can reach then. Constraints: per cohort, per instructor and per contested room, the
uses that contain a common point form an at-most-one clique (see overlaps.py); precedence as
"not both" pairs. docs/solvers.md ("Timetable") gives the formulas.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .candidates import Candidates, Start
from .overlaps import cliques
from .problem import Id, Position, TimetableProblem
from .result import Status

# Above this many variables (several cohorts contesting rooms) the level-2 LP is too slow to help
# within a minute, and CP-SAT's default portfolio finds better timetables (bench/timetable.py).
_LP_MODEL_SIZE = 20_000

_STATUS: dict[int, Status] = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
}


@dataclass(frozen=True)
class Solution:
    status: Status
    objective: int | None
    bound: int | None
    # session -> its start and the rooms it may take there, any of them free for it (none offsite)
    chosen: dict[int, tuple[Start, tuple[int, ...]]]


class _TimetableModel:
    def __init__(self, problem: TimetableProblem, candidates: Candidates):
        self.problem = problem
        self.starts = candidates.starts
        self.model = cp_model.CpModel()
        self.index = {session.id: i for i, session in enumerate(problem.sessions)}
        self.movable = [i for i, starts in enumerate(self.starts) if starts]
        self.x = {
            i: [self.model.new_bool_var(f"x{i}_{k}") for k in range(len(self.starts[i]))]
            for i in self.movable
        }
        self.placed = {i: self.model.new_bool_var(f"placed{i}") for i in self.movable}
        for i in self.movable:
            self.model.add(sum(self.x[i]) == self.placed[i])
        self.by_cohort: dict[Id, list[int]] = defaultdict(list)
        for i, session in enumerate(problem.sessions):
            self.by_cohort[session.cohort].append(i)
        weights, sessions = problem.weights, len(problem.sessions)
        most = (
            weights.move * sessions * bool(problem.previous)
            + weights.same_weekday * 7 * len(self.by_cohort)
            + weights.spread * sessions
        )
        # One more session placed outweighs every other term together, and one more fixed
        # session placed outweighs any number of the others.
        self.unplaced_weight = most + 1
        self.fixed_weight = self.unplaced_weight * (sessions + 1)
        self.cohort_cliques = {cohort: self._cliques(members) for cohort, members in self.by_cohort.items()}
        self.room_choice: dict[tuple[int, int], dict[int, cp_model.IntVar]] = {}  # z
        self.own_room: dict[tuple[int, int], cp_model.IntVar] = {}
        self.seen: set[frozenset[int]] = set()
        self.hints: dict[int, cp_model.IntVar] = {}  # the previous plan, where it still fits

    def build(self) -> None:
        for found in self.cohort_cliques.values():
            for _, members in found:
                self._at_most_one(self.x[i][k] for i, k in members)
        self._instructors()
        self._rooms()
        self._precedence()
        self._objective()

    # --- Constraints ----------------------------------------------------------------------------

    def _cliques(self, sessions) -> list[tuple[int, list[tuple[int, int]]]]:
        return cliques(
            (interval, (i, k))
            for i in sessions
            for k, start in enumerate(self.starts[i])
            for interval in start.intervals
        )

    def _at_most_one(self, literals) -> None:
        literals = list(literals)
        key = frozenset(literal.index for literal in literals)
        if len(literals) > 1 and key not in self.seen:
            self.seen.add(key)
            self.model.add_at_most_one(literals)

    def _instructors(self) -> None:
        teaching: dict[Id, list[int]] = defaultdict(list)
        for i in self.movable:
            for instructor in self.problem.sessions[i].instructors:
                teaching[instructor].append(i)
        for sessions in teaching.values():
            for _, members in self._cliques(sessions):
                # Members all of one cohort are already a subset of that cohort's clique here.
                if len({self.problem.sessions[i].cohort for i, _ in members}) > 1:
                    self._at_most_one(self.x[i][k] for i, k in members)

    def _rooms(self) -> None:
        """Room choice matters only where sessions of different cohorts could meet in a room; a
        start whose rooms no other cohort can reach at that time takes any of them afterwards
        (two sessions of one cohort never overlap)."""
        contested: dict[tuple[int, int], set[int]] = defaultdict(set)
        room_cliques = []
        for r in range(len(self.problem.rooms)):
            uses = [
                (interval, (i, k))
                for i in self.movable
                for k, start in enumerate(self.starts[i])
                if r in start.rooms
                for interval in start.intervals
            ]
            for _, members in cliques(uses):
                if len({self.problem.sessions[i].cohort for i, _ in members}) > 1:
                    room_cliques.append((r, members))
                    for member in members:
                        contested[member].add(r)
        for (i, k), rooms in contested.items():
            choice = {r: self.model.new_bool_var(f"z{i}_{k}_{r}") for r in sorted(rooms)}
            self.room_choice[i, k] = choice
            terms = list(choice.values())
            if len(rooms) < len(self.starts[i][k].rooms):
                self.own_room[i, k] = self.model.new_bool_var(f"own{i}_{k}")
                terms.append(self.own_room[i, k])
            self.model.add(sum(terms) == self.x[i][k])
        for r, members in room_cliques:
            self._at_most_one(self.room_choice[i, k][r] for i, k in members)

    def _precedence(self) -> None:
        for i in self.movable:
            for before in self.problem.sessions[i].after:
                p = self.index[before]
                self.model.add_implication(self.placed[i], self.placed[p])
                for k, start in enumerate(self.starts[i]):
                    late = [self.x[p][j] for j, other in enumerate(self.starts[p]) if other.end > start.begin]
                    if late:
                        self.model.add_at_most_one([self.x[i][k], *late])

    # --- Objective ------------------------------------------------------------------------------

    def _objective(self) -> None:
        problem, weights = self.problem, self.problem.weights
        terms = []
        if problem.previous:
            terms += [weights.move * change for change in self._changes()]
        if weights.same_weekday:
            terms += [weights.same_weekday * used for used in self._weekdays_used()]
        if weights.spread:
            terms += [weights.spread * excess for excess in self._excess_per_week()]
        self.model.minimize(
            sum(self._unplaced_weight(i) * (1 - self.placed[i]) for i in self.movable)
            + self._unplaced_for_sure()
            + sum(terms)
        )

    def _unplaced_for_sure(self) -> int:
        return sum(
            self._unplaced_weight(i) for i in range(len(self.problem.sessions)) if i not in self.placed
        )

    def _unplaced_weight(self, i: int) -> int:
        return self.fixed_weight if self.problem.sessions[i].fixed is not None else self.unplaced_weight

    def _changes(self) -> list:
        """Per session, 1 if its position differs from the previous plan: moved, dropped, or
        placed without having had a position."""
        changes = []
        for i, session in enumerate(self.problem.sessions):
            position = self.problem.previous.get(session.id)
            if i not in self.placed:
                changes.append(int(position is not None))
                continue
            if position is None:
                changes.append(self.placed[i])
                continue
            stay = self._stay(i, position)
            changes.append(1 - stay if stay is not None else 1)
        return changes

    def _stay(self, i: int, position: Position) -> cp_model.IntVar | None:
        """A literal that may be true only if session i keeps its previous week, slot and room."""
        k = next(
            (
                k
                for k, start in enumerate(self.starts[i])
                if start.week == position.week and self.problem.slots[start.slot].id == position.slot
            ),
            None,
        )
        if k is None:
            return None
        start = self.starts[i][k]
        room = next((r for r in start.rooms if self.problem.rooms[r].id == position.room), None)
        if (room is None) != (position.room is None):
            return None
        choice = self.room_choice.get((i, k), {})
        stay = self.x[i][k]
        if choice and room is not None:
            stay = choice[room] if room in choice else self.own_room[i, k]
        self.hints[self.x[i][k].index] = self.x[i][k]
        self.hints[stay.index] = stay
        return stay

    def _weekdays_used(self) -> list[cp_model.IntVar]:
        """``used[c, d]`` is at least every clique sum of cohort c on weekday d."""
        used_vars = []
        for cohort, found in self.cohort_cliques.items():
            used: dict[int, cp_model.IntVar] = {}
            for day, members in found:
                weekday = day % 7
                if weekday not in used:
                    used[weekday] = self.model.new_bool_var(f"used{cohort}_{weekday}")
                self.model.add(sum(self.x[i][k] for i, k in members) <= used[weekday])
            used_vars += used.values()
        return used_vars

    def _excess_per_week(self) -> list[cp_model.IntVar]:
        """Sessions of a cohort starting in a week beyond ceil(n / weeks), n its number of sessions."""
        excess_vars = []
        for cohort, sessions in self.by_cohort.items():
            share = math.ceil(len(sessions) / self.problem.weeks)
            per_week: dict[int, list] = defaultdict(list)
            sessions_in_week: dict[int, set[int]] = defaultdict(set)
            for i in sessions:
                for k, start in enumerate(self.starts[i]):
                    per_week[start.week].append(self.x[i][k])
                    sessions_in_week[start.week].add(i)
            for week, starting in per_week.items():
                most = len(sessions_in_week[week])
                if most > share:
                    excess = self.model.new_int_var(0, most - share, f"excess{cohort}_{week}")
                    self.model.add(excess >= sum(starting) - share)
                    excess_vars.append(excess)
        return excess_vars

    # --- Solving --------------------------------------------------------------------------------

    def solve(self, *, time_limit: float, workers: int, random_seed: int) -> Solution:
        for literal in self.hints.values():
            self.model.add_hint(literal, True)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = random_seed
        if len(self.model.proto.variables) <= _LP_MODEL_SIZE:
            # The cliques make the LP relaxation tight, but CP-SAT puts at-most-one constraints
            # into its LP only at linearization level 2, which the default_lp worker of a small
            # portfolio does not use: max_lp takes its place.
            solver.parameters.linearization_level = 2
            if workers > 1:
                solver.parameters.ignore_subsolvers.append("default_lp")
                solver.parameters.extra_subsolvers.append("max_lp")
        code = solver.solve(self.model)
        status = _STATUS.get(code, "unknown")
        # Every term is at least 0 and presolve's unplaced sessions cost their weight for sure.
        floor = self._unplaced_for_sure()
        bound = solver.best_objective_bound
        bound = max(floor, math.ceil(bound - 1e-6)) if math.isfinite(bound) else floor
        if code == cp_model.INFEASIBLE:
            bound = None
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Solution(status=status, objective=None, bound=bound, chosen={})
        chosen = {}
        for i in self.movable:
            k = next((k for k, literal in enumerate(self.x[i]) if solver.boolean_value(literal)), None)
            if k is None:
                continue
            start = self.starts[i][k]
            choice = self.room_choice.get((i, k), {})
            room = next((r for r, z in choice.items() if solver.boolean_value(z)), None)
            chosen[i] = (
                start,
                (room,) if room is not None else tuple(r for r in start.rooms if r not in choice),
            )
        return Solution(status=status, objective=round(solver.objective_value), bound=bound, chosen=chosen)


def solve_model(
    problem: TimetableProblem, candidates: Candidates, *, time_limit: float, workers: int, random_seed: int
) -> Solution:
    timetable = _TimetableModel(problem, candidates)
    timetable.build()
    return timetable.solve(time_limit=time_limit, workers=workers, random_seed=random_seed)
