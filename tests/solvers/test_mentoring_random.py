"""Random instances (seeded): stability checked pair by pair, max_fit against brute force, and
the stable matching against the ``matching`` package's hospital-resident solver."""

import itertools
import random

import pytest
from matching.games import HospitalResident

from opencampus.solvers.mentoring import Mentee, Mentor, Problem, fit, max_fit, solve, stable

FIELDS = ("energy", "care", "food", "digital")
WORDS = ("solar", "grid", "farm", "elderly", "data", "repair")


def random_ranking(rng: random.Random, ids: list[str]) -> tuple[tuple[str, ...], ...]:
    """A partial ranking with ties: some of ``ids`` in tiers of one to three."""
    chosen = rng.sample(ids, rng.randint(0, len(ids)))
    tiers = []
    while chosen:
        size = rng.choice((1, 1, 2, 3))
        tiers.append(tuple(chosen[:size]))
        chosen = chosen[size:]
    return tuple(tiers)


def random_profile(rng: random.Random) -> dict:
    return {
        "fields": tuple(rng.sample(FIELDS, rng.randint(0, 2))),
        "keywords": tuple(rng.sample(WORDS, rng.randint(0, 3))),
        "languages": rng.choice(((), ("ko",), ("en",), ("ko", "en"))),
    }


def random_problem(rng: random.Random, mentees: int, mentors: int) -> Problem:
    mentee_ids = [f"e{i}" for i in range(mentees)]
    mentor_ids = [f"m{j}" for j in range(mentors)]
    people = [
        Mentee(id=i, ranking=random_ranking(rng, mentor_ids), **random_profile(rng)) for i in mentee_ids
    ]
    mentor_list = [
        Mentor(
            id=j, capacity=rng.randint(1, 3), ranking=random_ranking(rng, mentee_ids), **random_profile(rng)
        )
        for j in mentor_ids
    ]
    forbidden = tuple(sorted({(rng.choice(mentee_ids), rng.choice(mentor_ids)) for _ in range(mentees // 3)}))
    problem = Problem(mentees=tuple(people), mentors=tuple(mentor_list), forbidden=forbidden)
    # Pin a few acceptable pairs within capacity.
    by_id = {m.id: m for m in mentor_list}
    left = {m.id: m.capacity for m in mentor_list}
    pinned = []
    for mentee in rng.sample(people, min(2, len(people))):
        mentor = by_id[rng.choice(mentor_ids)]
        if left[mentor.id] and acceptable(problem, mentee, mentor):
            pinned.append((mentee.id, mentor.id))
            left[mentor.id] -= 1
    return Problem(
        mentees=problem.mentees, mentors=problem.mentors, forbidden=forbidden, pinned=tuple(pinned)
    )


# --- An independent reading of the definitions --------------------------------------------------


def acceptable(problem: Problem, mentee: Mentee, mentor: Mentor) -> bool:
    if (mentee.id, mentor.id) in problem.forbidden:
        return False
    return not mentee.languages or not mentor.languages or bool(set(mentee.languages) & set(mentor.languages))


def preference(problem: Problem, person, other, mentee_side: bool) -> tuple:
    """Lower is better: tier (unranked last), then higher fit, then id."""
    tier = next((t for t, ids in enumerate(person.ranking) if other.id in ids), len(person.ranking))
    pair_fit = fit(problem, person, other) if mentee_side else fit(problem, other, person)
    return tier, -pair_fit, other.id


def naive_blocking_pairs(problem: Problem, matching: dict[str, str]) -> set[tuple[str, str]]:
    mentors = {m.id: m for m in problem.mentors}
    mentees = {e.id: e for e in problem.mentees}
    pinned = {e for e, _ in problem.pinned}
    found = set()
    for mentee in problem.mentees:
        if mentee.id in pinned:
            continue
        current = mentors.get(matching.get(mentee.id))
        for mentor in problem.mentors:
            if mentor is current or not acceptable(problem, mentee, mentor):
                continue
            if current is not None and preference(problem, mentee, mentor, True) > preference(
                problem, mentee, current, True
            ):
                continue
            held = [mentees[e] for e, m in matching.items() if m == mentor.id]
            rivals = [e for e in held if (e.id, mentor.id) not in problem.pinned]
            if len(held) < mentor.capacity or any(
                preference(problem, mentor, mentee, False) < preference(problem, mentor, rival, False)
                for rival in rivals
            ):
                found.add((mentee.id, mentor.id))
    return found


def check_matching(problem: Problem, result) -> None:
    """Each mentee at most once, capacities kept, every pair acceptable, pins honoured."""
    mentors = {m.id: m for m in problem.mentors}
    mentees = {e.id: e for e in problem.mentees}
    matching = {a.mentee: a.mentor for a in result.assignments}
    assert len(matching) == len(result.assignments)
    assert set(matching) | set(result.unmatched) == set(mentees)
    assert not set(matching) & set(result.unmatched)
    for mentor in problem.mentors:
        assert sum(m == mentor.id for m in matching.values()) <= mentor.capacity
    assert all(acceptable(problem, mentees[e], mentors[m]) for e, m in matching.items())
    assert all(matching[e] == m for e, m in problem.pinned)


# --- Stability ------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(40))
def test_stable_leaves_no_blocking_pair_on_random_instances(seed):
    rng = random.Random(seed)
    problem = random_problem(rng, rng.randint(3, 14), rng.randint(1, 5))

    results = solve(problem)

    for result in results.values():
        check_matching(problem, result)
        matching = {a.mentee: a.mentor for a in result.assignments}
        assert set(result.blocking_pairs) == naive_blocking_pairs(problem, matching)
    assert results["stable"].blocking_pairs == ()


# --- Maximum fit against brute force -------------------------------------------------------------


def best_by_brute_force(problem: Problem) -> tuple[int, int]:
    """The most mentees matched, then the highest total fit in tenths, over every matching."""
    pinned = dict(problem.pinned)
    options = []
    for mentee in problem.mentees:
        if mentee.id in pinned:
            options.append([pinned[mentee.id]])
        else:
            options.append([None] + [m.id for m in problem.mentors if acceptable(problem, mentee, m)])
    capacity = {m.id: m.capacity for m in problem.mentors}
    fits = {(e.id, m.id): round(fit(problem, e, m) * 10) for e in problem.mentees for m in problem.mentors}
    best = (0, 0)
    for choice in itertools.product(*options):
        chosen = [m for m in choice if m is not None]
        if any(chosen.count(m) > capacity[m] for m in set(chosen)):
            continue
        total = sum(fits[e.id, m] for e, m in zip(problem.mentees, choice, strict=True) if m is not None)
        best = max(best, (len(chosen), total))
    return best


@pytest.mark.parametrize("seed", range(25))
def test_max_fit_is_the_true_maximum_on_tiny_instances(seed):
    rng = random.Random(1000 + seed)
    problem = random_problem(rng, rng.randint(2, 6), rng.randint(1, 3))

    result = max_fit(problem)

    check_matching(problem, result)
    assert (result.matched, round(result.total_fit * 10)) == best_by_brute_force(problem)
    assert result.matched >= stable(problem).matched


# --- Against the matching package ----------------------------------------------------------------


def strict_complete_problem(rng: random.Random, mentees: int, mentors: int) -> Problem:
    mentee_ids = [f"e{i}" for i in range(mentees)]
    mentor_ids = [f"m{j}" for j in range(mentors)]
    return Problem(
        mentees=tuple(
            Mentee(id=i, ranking=tuple((m,) for m in rng.sample(mentor_ids, mentors))) for i in mentee_ids
        ),
        mentors=tuple(
            Mentor(
                id=j, capacity=rng.randint(3, 9), ranking=tuple((e,) for e in rng.sample(mentee_ids, mentees))
            )
            for j in mentor_ids
        ),
    )


@pytest.mark.parametrize("seed", range(5))
def test_stable_equals_the_matching_packages_resident_optimal_matching(seed):
    problem = strict_complete_problem(random.Random(seed), 60, 8)
    game = HospitalResident.create_from_dictionaries(
        {e.id: [m for (m,) in e.ranking] for e in problem.mentees},
        {m.id: [e for (e,) in m.ranking] for m in problem.mentors},
        {m.id: m.capacity for m in problem.mentors},
    )

    theirs = {
        resident.name: hospital.name
        for hospital, residents in game.solve(optimal="resident").items()
        for resident in residents
    }

    assert {a.mentee: a.mentor for a in stable(problem).assignments} == theirs
