"""``evaluate``: the scores of a team plan, however it was made, and every rule it breaks."""

from collections import defaultdict
from collections.abc import Sequence

from .isolation import isolation_groups
from .problem import Id, Team, TeamProblem, validate
from .result import Evaluation, Finding, ScoredTeam
from .scoring import UNKNOWN, Scorer


def evaluate(problem: TeamProblem, teams: Sequence[Team | ScoredTeam]) -> Evaluation:
    """Score ``teams`` (anything with ``option`` and ``members``: the solver's own teams after an
    operator moved people by hand) and list its violations; teams are referred to by their index.

    Raises TeamProblemError when the problem itself is malformed.
    """
    validate(problem)
    return score_teams(problem, Scorer(problem), teams)


def score_teams(problem: TeamProblem, scorer: Scorer, teams: Sequence[Team | ScoredTeam]) -> Evaluation:
    people = {person.id: i for i, person in enumerate(problem.people)}
    options = {option.id: j for j, option in enumerate(problem.options)}
    violations: list[Finding] = []
    scored, sizes, placed = [], [], defaultdict(list)
    for t, team in enumerate(teams):
        members = []
        for person in team.members:
            if person in people:
                members.append(people[person])
                placed[person].append(t)
            else:
                violations.append(
                    _finding(
                        "unknown_person", f"team {t} has an unknown person {person!r}", team=t, person=person
                    )
                )
        option = options.get(team.option)
        if option is None:
            violations.append(
                _finding(
                    "unknown_option",
                    f"team {t} works on an unknown option {team.option!r}",
                    team=t,
                    option=team.option,
                )
            )
        scored.append(_scored(scorer, team, members, option))
        sizes.append(len(members))
        violations += _size(problem, t, len(members))
    violations += _placement(problem, placed)
    violations += _option_use(problem, teams)
    violations += _isolation(problem, teams, people)
    scores = [team.score for team in scored if team.score is not None]
    return Evaluation(
        teams=tuple(scored),
        worst=min(scores) if scores else None,
        mean=sum(size * team.score for size, team in zip(sizes, scored, strict=True) if size) / sum(sizes)
        if scores
        else None,
        violations=tuple(violations),
    )


def teams_of(problem: TeamProblem, plan) -> tuple[Team, ...]:
    """The teams of a plan of (option index, member indices)."""
    return tuple(
        Team(option=problem.options[j].id, members=tuple(problem.people[i].id for i in members))
        for j, members in plan
    )


def _scored(scorer: Scorer, team, members: list[int], option: int | None) -> ScoredTeam:
    known = tuple(team.members)
    if not members:
        return ScoredTeam(option=team.option, members=known, score=None, preference=None)
    size = len(members)
    points = sum(scorer.points[i][option] for i in members) if option is not None else 0
    deviations = scorer.deviations(members)
    return ScoredTeam(
        option=team.option,
        members=known,
        score=scorer.score(size, points, sum(deviations.values())),
        preference=scorer.preference(size, points),
        balance={name: scorer.balance(size, deviation) for name, deviation in deviations.items()},
    )


def _size(problem: TeamProblem, t: int, size: int) -> list[Finding]:
    if size < problem.min_size:
        return [
            _finding(
                "team_too_small",
                f"team {t} has {size} members, fewer than {problem.min_size}",
                team=t,
                size=size,
                min_size=problem.min_size,
            )
        ]
    if size > problem.max_size:
        return [
            _finding(
                "team_too_large",
                f"team {t} has {size} members, more than {problem.max_size}",
                team=t,
                size=size,
                max_size=problem.max_size,
            )
        ]
    return []


def _placement(problem: TeamProblem, placed: dict[Id, list[int]]) -> list[Finding]:
    found = []
    for person in problem.people:
        teams = placed.get(person.id, [])
        if not teams:
            found.append(_finding("person_missing", f"{person.id!r} is in no team", person=person.id))
        elif len(teams) > 1:
            listed = ", ".join(map(str, teams))
            found.append(
                _finding(
                    "person_repeated",
                    f"{person.id!r} is placed more than once (teams {listed})",
                    person=person.id,
                    teams=teams,
                )
            )
    return found


def _option_use(problem: TeamProblem, teams) -> list[Finding]:
    used = defaultdict(list)
    for t, team in enumerate(teams):
        used[team.option].append(t)
    found = []
    for option in problem.options:
        taking = used.get(option.id, [])
        if len(taking) > option.max_teams:
            found.append(
                _finding(
                    "option_overused",
                    f"{len(taking)} teams work on {option.id!r}, which allows {option.max_teams}",
                    option=option.id,
                    teams=taking,
                    max_teams=option.max_teams,
                )
            )
    return found


def _isolation(problem: TeamProblem, teams, people: dict[Id, int]) -> list[Finding]:
    found = []
    for group in isolation_groups(problem):
        for t, team in enumerate(teams):
            members = defaultdict(list)
            for person in dict.fromkeys(team.members):
                if person in people:
                    members[group.value_of[people[person]]].append(person)
            for v, holders in members.items():
                value = group.values[v]
                if len(holders) == 1 and value != UNKNOWN:
                    alone = group.counts[v] == 1
                    found.append(
                        _finding(
                            "isolated",
                            f"{holders[0]!r} is the only member of team {t} with {group.name} {value!r}"
                            + (" (the only one in the cohort)" if alone else ""),
                            team=t,
                            attribute=group.name,
                            value=value,
                            person=holders[0],
                            unavoidable=alone,
                        )
                    )
    return found


def _finding(code: str, detail: str, **fields) -> Finding:
    return Finding(code=code, detail=detail, fields=fields)
