"""``greedy``: random restarts of a constructive plan improved by local moves, as a baseline
and as the CP-SAT model's starting hint.

Each restart draws a number of teams the sizes allow, splits the cohort evenly, gives the teams
options by demand (the points people give them, divided among the teams already on an option,
with noise), and places people in random order on the team whose option they like best. Local
search then repeats the first improving move around a team at the bottom (one with an isolated
member while there is one, else one with the worst score): change its option, move one of its
members to another team or one in, or swap a member with another team's. A move improves when
it lowers, in this order, the number of isolated people, raises the worst score, lowers the
number of teams at the worst, or raises the sum over people of their team's score. Every choice
comes from one ``random.Random(random_seed)``: the result depends on the seed only.
"""

import random
from collections import Counter

from .evaluation import teams_of
from .isolation import Groups, isolation_groups
from .model import Plan
from .problem import Team, TeamProblem, team_counts, validate
from .scoring import Scorer

_MOVES_PER_PERSON = 400  # a restart stops after this many improving moves per person


class _Team:
    __slots__ = ("balance", "deviation", "groups", "lone", "members", "option", "points", "score")

    def __init__(self, option: int, balance_values: list[int], group_values: list[int]):
        self.option = option
        self.members: list[int] = []
        self.points = 0
        self.balance = [[0] * n for n in balance_values]
        self.groups = [[0] * n for n in group_values]
        self.deviation = 0
        self.score = 0
        self.lone = 0


class _Search:
    def __init__(self, problem: TeamProblem, scorer: Scorer, groups: list[Groups], rng: random.Random):
        self.problem, self.scorer, self.rng = problem, scorer, rng
        self.names = scorer.attributes
        self.balance_of = [
            tuple(scorer.value_of[name][i] for name in self.names) for i in range(scorer.people)
        ]
        # A person's value per no-isolation attribute, -1 where the rule does not guard it.
        guarded = [set(group.guarded) for group in groups]
        self.group_of = [
            tuple(
                group.value_of[i] if group.value_of[i] in guarded[g] else -1 for g, group in enumerate(groups)
            )
            for i in range(scorer.people)
        ]
        self.balance_sizes = [len(scorer.values[name]) for name in self.names]
        self.group_sizes = [len(group.values) for group in groups]
        self.max_teams = [option.max_teams for option in problem.options]

    # --- Team arithmetic ------------------------------------------------------------------------

    def trial(self, team: _Team, out: tuple[int, ...], into: tuple[int, ...], option: int) -> tuple[int, int]:
        """The (score, isolated members) ``team`` would have with ``out`` left, ``into`` joined and
        ``option`` taken."""
        scorer = self.scorer
        size = len(team.members) - len(out) + len(into)
        points = scorer.points
        if option == team.option:
            total = team.points - sum(points[i][option] for i in out) + sum(points[i][option] for i in into)
        else:
            total = sum(points[i][option] for i in team.members if i not in out) + sum(
                points[i][option] for i in into
            )
        if size == len(team.members):  # only the values that change count
            deviation = team.deviation
            for a, name in enumerate(self.names):
                counts = team.balance[a]
                for v, change in _changes(self.balance_of, a, out, into).items():
                    deviation += scorer.deviation(name, v, counts[v] + change, size)
                    deviation -= scorer.deviation(name, v, counts[v], size)
        else:
            deviation = 0
            for a, name in enumerate(self.names):
                counts = team.balance[a][:]
                for v, change in _changes(self.balance_of, a, out, into).items():
                    counts[v] += change
                deviation += scorer.attribute_deviation(name, counts, size)
        lone = team.lone
        for g, counts in enumerate(team.groups):
            for v, change in _changes(self.group_of, g, out, into).items():
                if v != -1:
                    lone += (counts[v] + change == 1) - (counts[v] == 1)
        return scorer.score(size, total, deviation), lone

    def change(self, team: _Team, out: tuple[int, ...], into: tuple[int, ...], option: int) -> None:
        team.score, team.lone = self.trial(team, out, into, option)
        for i in out:
            team.members.remove(i)
        team.members += into
        team.option = option
        team.points = sum(self.scorer.points[i][option] for i in team.members)
        for i in out:
            self._count(team, i, -1)
        for i in into:
            self._count(team, i, 1)
        size = len(team.members)
        team.deviation = sum(
            self.scorer.attribute_deviation(name, team.balance[a], size) for a, name in enumerate(self.names)
        )

    def _count(self, team: _Team, i: int, sign: int) -> None:
        for a, v in enumerate(self.balance_of[i]):
            team.balance[a][v] += sign
        for g, v in enumerate(self.group_of[i]):
            if v != -1:
                team.groups[g][v] += sign

    # --- Construction ---------------------------------------------------------------------------

    def construct(self, count: int) -> list[_Team]:
        rng, scorer = self.rng, self.scorer
        people = scorer.people
        demand = [sum(row[j] for row in scorer.points) + 1 for j in range(len(self.max_teams))]
        taken = [0] * len(self.max_teams)
        options = []
        for _ in range(count):
            j = max(
                (j for j in range(len(taken)) if taken[j] < self.max_teams[j]),
                key=lambda j: demand[j] / (taken[j] + 1) * rng.uniform(0.7, 1.3),
            )
            taken[j] += 1
            options.append(j)
        base, extra = divmod(people, count)
        room = [base + (t < extra) for t in range(count)]
        teams = [_Team(j, self.balance_sizes, self.group_sizes) for j in options]
        order = list(range(people))
        rng.shuffle(order)
        for i in order:
            t = max(
                (t for t in range(count) if room[t]),
                key=lambda t: scorer.points[i][teams[t].option] + rng.random(),
            )
            room[t] -= 1
            teams[t].members.append(i)
        for team in teams:
            members, team.members = team.members, []
            self.change(team, (), tuple(members), team.option)
        return teams

    # --- Local search ---------------------------------------------------------------------------

    def improve(self, teams: list[_Team]) -> None:
        self.teams = teams
        self.scores = Counter(team.score for team in teams)
        self.lone = sum(team.lone for team in teams)
        self.total = sum(len(team.members) * team.score for team in teams)
        self.taken = Counter(team.option for team in teams)
        self.current = self.key()
        for _ in range(_MOVES_PER_PERSON * self.scorer.people):
            if not any(self._improve_around(t) for t in self._bottom()):
                return

    def key(self) -> tuple[int, int, int, int]:
        worst = min(self.scores)
        return self.lone, -worst, self.scores[worst], -self.total

    def _bottom(self) -> list[int]:
        if self.lone:
            bottom = [t for t, team in enumerate(self.teams) if team.lone]
        else:
            worst = min(self.scores)
            bottom = [t for t, team in enumerate(self.teams) if team.score == worst]
        self.rng.shuffle(bottom)
        return bottom

    def _improve_around(self, t: int) -> bool:
        team, rng = self.teams[t], self.rng
        options = [
            j for j in range(len(self.max_teams)) if j != team.option and self.taken[j] < self.max_teams[j]
        ]
        rng.shuffle(options)
        for j in options:
            if self._try([(t, (), (), j)]):
                return True
        others = [u for u in range(len(self.teams)) if u != t]
        rng.shuffle(others)
        for u in others:
            other = self.teams[u]
            if other.option != team.option and self._try(
                [(t, (), (), other.option), (u, (), (), team.option)]
            ):
                return True
        low, high = self.problem.min_size, self.problem.max_size
        mine = team.members[:]
        rng.shuffle(mine)
        for p in mine:
            for u in others:
                other = self.teams[u]
                movable = len(mine) > low and len(other.members) < high
                if movable and self._try([(t, (p,), (), team.option), (u, (), (p,), other.option)]):
                    return True
                theirs = other.members[:]
                rng.shuffle(theirs)
                for q in theirs:
                    if self._try([(t, (p,), (q,), team.option), (u, (q,), (p,), other.option)]):
                        return True
        if len(mine) < high:
            for u in others:
                other = self.teams[u]
                if len(other.members) > low:
                    for q in other.members:
                        if self._try([(t, (), (q,), team.option), (u, (q,), (), other.option)]):
                            return True
        return False

    def _try(self, changes) -> bool:
        """Apply ``changes`` (team, out, into, option) if they improve the key. The first change
        is to a team at the bottom: without isolated people, one at the worst score, which must
        neither fall below it nor isolate anyone."""
        before = self.current
        t, out, into, option = changes[0]
        first = self.trial(self.teams[t], out, into, option)
        if not self.lone and (first[1] or first[0] < -before[1]):
            return False
        results = [first] + [
            self.trial(self.teams[t], out, into, option) for t, out, into, option in changes[1:]
        ]
        lone = self.lone + sum(
            lone - self.teams[t].lone for (t, *_), (_, lone) in zip(changes, results, strict=True)
        )
        if lone > self.lone:
            return False
        scores = self.scores.copy()
        total = self.total
        for (t, out, into, _), (score, _) in zip(changes, results, strict=True):
            team = self.teams[t]
            scores[team.score] -= 1
            if not scores[team.score]:
                del scores[team.score]
            scores[score] += 1
            total += (len(team.members) - len(out) + len(into)) * score - len(team.members) * team.score
        worst = min(scores)
        if (lone, -worst, scores[worst], -total) >= before:
            return False
        for t, out, into, option in changes:
            self.taken[self.teams[t].option] -= 1
            self.change(self.teams[t], out, into, option)
            self.taken[option] += 1
        self.scores, self.lone, self.total = scores, lone, total
        self.current = self.key()
        return True


def _changes(values_of: list[tuple[int, ...]], a: int, out, into) -> dict[int, int]:
    """How the count of each value of attribute ``a`` changes when ``out`` leave and ``into`` join."""
    changes: dict[int, int] = {}
    for i in out:
        changes[values_of[i][a]] = changes.get(values_of[i][a], 0) - 1
    for i in into:
        changes[values_of[i][a]] = changes.get(values_of[i][a], 0) + 1
    return changes


def greedy(problem: TeamProblem, *, random_seed: int = 0, restarts: int = 8) -> tuple[Team, ...]:
    """The best plan of ``restarts`` random restarts; it may break the no-isolation rule where the
    search found no way around it (``evaluate`` lists where). Raises TeamProblemError when the
    problem is malformed."""
    validate(problem)
    if isinstance(restarts, bool) or not isinstance(restarts, int) or restarts < 1:
        raise ValueError(f"restarts must be a whole number >= 1, not {restarts!r}")
    plan = greedy_plan(
        problem, Scorer(problem), isolation_groups(problem), random_seed=random_seed, restarts=restarts
    )
    return teams_of(problem, plan)


def greedy_plan(
    problem: TeamProblem, scorer: Scorer, groups: list[Groups], *, random_seed: int, restarts: int
) -> Plan:
    rng = random.Random(random_seed)
    search = _Search(problem, scorer, groups, rng)
    counts = team_counts(problem)
    best, best_key = None, None
    for _ in range(restarts):
        teams = search.construct(rng.choice(counts))
        search.improve(teams)
        if best_key is None or search.key() < best_key:
            best, best_key = teams, search.key()
    return [(team.option, sorted(team.members)) for team in best]
