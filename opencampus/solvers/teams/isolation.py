"""Which groups the no-isolation rule guards, and which attributes it cannot hold for.

A person is *isolated* when they are the only member of their team with their value of a
no-isolation attribute (the unknown value is no group). A value held by one person in the whole
cohort isolates them wherever they go: that value is exempt and reported. An attribute whose
groups cannot all be kept together in teams of the allowed sizes (counting only: teams of 3 and
three groups of 2) is *relaxed*: the solver then minimises how many people it leaves isolated.
"""

import dataclasses
from collections import Counter
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .problem import TeamProblem, team_counts
from .result import Finding
from .scoring import UNKNOWN, attribute_values

_CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class Groups:
    """One no-isolation attribute: each person's value index, the cohort's count per value, the
    values guarded (known, held by two or more) and whether the rule is relaxed for it."""

    name: str
    values: tuple[str, ...]
    value_of: list[int]
    counts: list[int]
    guarded: tuple[int, ...]
    relaxed: bool = False

    def isolated(self, members: list[int]) -> int:
        """How many of ``members`` (person indices) are the only one of their guarded group."""
        counts = Counter(self.value_of[i] for i in members)
        return sum(counts[v] == 1 for v in self.guarded)


def isolation_groups(problem: TeamProblem) -> list[Groups]:
    groups = []
    for name in problem.no_isolation:
        values, value_of, counts = attribute_values(problem, name)
        guarded = tuple(v for v, value in enumerate(values) if value != UNKNOWN and counts[v] >= 2)
        groups.append(Groups(name, values, value_of, counts, guarded))
    return groups


def unavoidable(problem: TeamProblem, groups: list[Groups]) -> list[Finding]:
    notes = []
    for group in groups:
        for v, value in enumerate(group.values):
            if value != UNKNOWN and group.counts[v] == 1:
                person = problem.people[group.value_of.index(v)].id
                notes.append(
                    Finding(
                        code="isolation_unavoidable",
                        detail=(
                            f"{person!r} is the only person with {group.name} {value!r} in the cohort, "
                            "so no team can give them a peer of that group"
                        ),
                        fields={"attribute": group.name, "value": value, "person": person},
                    )
                )
    return notes


def relax_impossible(problem: TeamProblem, groups: list[Groups]) -> tuple[list[Groups], list[Finding]]:
    """Relax each attribute whose guarded groups cannot be kept together at all."""
    checked, notes = [], []
    for group in groups:
        if group.guarded and _cannot_keep_together(problem, group):
            sizes = ", ".join(f"{group.values[v]}: {group.counts[v]}" for v in group.guarded)
            notes.append(
                Finding(
                    code="isolation_relaxed",
                    detail=(
                        f"the groups of {group.name} ({sizes}) cannot all be split into teams of "
                        f"{problem.min_size} to {problem.max_size} without leaving someone the only "
                        "one of their group; the teams leave as few people isolated as they can"
                    ),
                    fields={
                        "attribute": group.name,
                        "groups": {group.values[v]: group.counts[v] for v in group.guarded},
                        "min_size": problem.min_size,
                        "max_size": problem.max_size,
                    },
                )
            )
            group = relaxed(group)
        checked.append(group)
    return checked, notes


def relaxed(group: Groups) -> Groups:
    return dataclasses.replace(group, relaxed=True)


def _cannot_keep_together(problem: TeamProblem, group: Groups) -> bool:
    """True when it is proven that no split of the cohort's counts into teams of the allowed
    sizes gives every guarded group 0 or at least 2 members in each team."""
    counts = team_counts(problem)
    model = cp_model.CpModel()
    others = len(problem.people) - sum(group.counts[v] for v in group.guarded)
    teams = range(counts.stop - 1)
    used = [model.new_bool_var(f"used{t}") for t in teams]
    model.add(sum(used) >= counts.start)
    for t in teams[1:]:
        model.add_implication(used[t], used[t - 1])
    members = {}
    for v in group.guarded:
        most = min(group.counts[v], problem.max_size)
        domain = cp_model.Domain.from_intervals([[0, 0], [2, most]]) if most >= 2 else cp_model.Domain(0, 0)
        for t in teams:
            members[t, v] = model.new_int_var_from_domain(domain, f"n{t}_{v}")
        model.add(sum(members[t, v] for t in teams) == group.counts[v])
    rest = [model.new_int_var(0, problem.max_size, f"rest{t}") for t in teams]
    model.add(sum(rest) == others)
    for t in teams:
        size = sum(members[t, v] for v in group.guarded) + rest[t]
        model.add(size >= problem.min_size * used[t])
        model.add(size <= problem.max_size * used[t])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = _CHECK_SECONDS
    solver.parameters.num_workers = 1
    return solver.solve(model) == cp_model.INFEASIBLE
