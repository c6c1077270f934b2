"""Mentor-matching benchmark: the stable and the maximum-fit matchings of 3,000 mentees and 300
mentors, against the ``matching`` package's hospital-resident solver.

    .venv/bin/python bench/mentor_matching.py             # writes bench/results/mentor_matching.md
    .venv/bin/python bench/mentor_matching.py --no-write  # prints only

Two instances of 3,000 mentees and 300 mentors: capacity 10 each (3,000 places) and capacity 9
(2,700 places, so 300 mentees stay unmatched). Each mentee names 1 to 3 of 12 fields and 2 to 5
of 80 keywords, each mentor 1 to 4 fields and 3 to 8 keywords. Languages: mentees Korean 90 %,
English only 3 %, both 7 %; mentors Korean 70 %, both 30 % (so an English-only mentee can take
only the bilingual mentors). Both sides rank the whole other side strictly, by the fit plus
Gaussian noise (standard deviation 15 fit points): rankings follow the fit without copying it.
The seeds are fixed: the same command gives the same instances everywhere.

The ``matching`` package gets the same strict preferences (each side's ranking less the pairs
without a common language) and solves resident-optimal; its constructor deep-copies the players
recursively, which needs a recursion limit far above Python's default at this size.
"""

import argparse
import platform
import random
import sys
import time
from importlib.metadata import version
from pathlib import Path

import ortools
from matching.games import HospitalResident
from report import cpu_line, date_and_load_line, markdown_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from opencampus.solvers.mentoring import Mentee, Mentor, Problem, Result, Weights, max_fit, stable  # noqa: E402
from opencampus.solvers.mentoring.fit import common_language, fit_tenths  # noqa: E402

SEED = 20260501
MENTEES, MENTORS = 3000, 300
CAPACITIES = (10, 9)
FIELDS = (
    "environment",
    "manufacturing",
    "investment",
    "digital",
    "energy",
    "mobility",
    "housing",
    "care",
    "education",
    "food",
    "culture",
    "finance",
)
KEYWORDS = tuple(f"topic-{k}" for k in range(80))
MENTEE_LANGUAGES = {("ko",): 90, ("en",): 3, ("ko", "en"): 7}
MENTOR_LANGUAGES = {("ko",): 70, ("ko", "en"): 30}
NOISE = 15.0  # fit points
RECURSION_LIMIT = 1_000_000  # for the matching package's deep copy
RESULTS = ROOT / "bench" / "results" / "mentor_matching.md"


def draw(rng: random.Random, shares: dict) -> tuple[str, ...]:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def make_problem(capacity: int, seed: int = SEED) -> Problem:
    rng = random.Random(seed * 100 + capacity)
    mentees = [
        Mentee(
            id=f"e{i}",
            fields=tuple(rng.sample(FIELDS, rng.randint(1, 3))),
            keywords=tuple(rng.sample(KEYWORDS, rng.randint(2, 5))),
            languages=draw(rng, MENTEE_LANGUAGES),
        )
        for i in range(MENTEES)
    ]
    mentors = [
        Mentor(
            id=f"m{j}",
            capacity=capacity,
            fields=tuple(rng.sample(FIELDS, rng.randint(1, 4))),
            keywords=tuple(rng.sample(KEYWORDS, rng.randint(3, 8))),
            languages=draw(rng, MENTOR_LANGUAGES),
        )
        for j in range(MENTORS)
    ]
    fits = (fit_tenths(Weights(), mentees, mentors) / 10).tolist()

    def ranking(scores: list[float], others: list) -> tuple[tuple[str, ...], ...]:
        noisy = [score + rng.gauss(0, NOISE) for score in scores]
        return tuple((others[k].id,) for k in sorted(range(len(others)), key=lambda k: -noisy[k]))

    mentees = [
        Mentee(
            id=e.id,
            fields=e.fields,
            keywords=e.keywords,
            languages=e.languages,
            ranking=ranking(row, mentors),
        )
        for e, row in zip(mentees, fits, strict=True)
    ]
    mentors = [
        Mentor(
            id=m.id,
            capacity=m.capacity,
            fields=m.fields,
            keywords=m.keywords,
            languages=m.languages,
            ranking=ranking([row[j] for row in fits], mentees),
        )
        for j, m in enumerate(mentors)
    ]
    return Problem(mentees=tuple(mentees), mentors=tuple(mentors))


def run_matching_package(problem: Problem) -> tuple[dict[str, str], float, float]:
    """The package's resident-optimal matching, and the seconds to create the game and to solve it."""
    talk = common_language(problem.mentees, problem.mentors)
    mentee_index = {e.id: i for i, e in enumerate(problem.mentees)}
    mentor_index = {m.id: j for j, m in enumerate(problem.mentors)}
    resident_prefs = {
        e.id: [m for (m,) in e.ranking if talk[i, mentor_index[m]]] for i, e in enumerate(problem.mentees)
    }
    hospital_prefs = {
        m.id: [e for (e,) in m.ranking if talk[mentee_index[e], j]] for j, m in enumerate(problem.mentors)
    }
    capacities = {m.id: m.capacity for m in problem.mentors}
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        began = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
        created = time.perf_counter()
        solution = game.solve(optimal="resident")
        solved = time.perf_counter()
    finally:
        sys.setrecursionlimit(limit)
    matching = {
        resident.name: hospital.name for hospital, residents in solution.items() for resident in residents
    }
    return matching, created - began, solved - created


def row(label: str, method: str, result: Result) -> dict:
    return {
        "instance": label,
        "method": method,
        "time (s)": f"{result.seconds:.2f}",
        "matched": f"{result.matched:,}",
        "unmatched": f"{len(result.unmatched):,}",
        "total fit": f"{result.total_fit:,.1f}",
        "mean fit": f"{result.total_fit / result.matched:.1f}",
        "mean mentee rank": f"{result.mean_mentee_rank:.2f}",
        "first choices": f"{result.first_choices:,}",
        "mean mentor rank": f"{result.mean_mentor_rank:.1f}",
        "blocking pairs": f"{len(result.blocking_pairs):,}",
        "same as `matching`": "—",
    }


def run(capacity: int) -> list[dict]:
    problem = make_problem(capacity)
    label = f"{MENTEES:,} mentees, {MENTORS} mentors of capacity {capacity} ({MENTORS * capacity:,} places)"
    ours = stable(problem)  # raises AssertionError if it left a blocking pair
    rows = [row(label, "stable", ours), row(label, "max_fit", max_fit(problem))]
    print(rows[-2], rows[-1], sep="\n", flush=True)
    theirs, create, solve = run_matching_package(problem)
    identical = theirs == {a.mentee: a.mentor for a in ours.assignments}
    rows.append(
        dict.fromkeys(rows[0], "—")
        | {
            "instance": label,
            "method": "`matching` HospitalResident",
            "time (s)": f"{create + solve:.1f} ({create:.1f} + {solve:.1f})",
            "matched": f"{len(theirs):,}",
            "unmatched": f"{MENTEES - len(theirs):,}",
            "same as `matching`": "yes" if identical else "NO",
        }
    )
    print(rows[-1], flush=True)
    return rows


def machine() -> str:
    return (
        f"{cpu_line()}\n"
        f"- Python {platform.python_version()}, NumPy {version('numpy')}, OR-Tools {ortools.__version__}, "
        f"matching {version('matching')}\n"
        f"{date_and_load_line()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    args = parser.parse_args()
    rows = [r for capacity in CAPACITIES for r in run(capacity)]
    report = f"{markdown_table(rows)}\n\n{machine()}\n"
    print(report)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# Mentor matching benchmark\n\n"
            "`.venv/bin/python bench/mentor_matching.py`: 3,000 mentees and 300 mentors with fields, "
            "keywords and languages drawn at random, strict complete rankings on both sides that follow "
            "the fit with noise, fixed seeds (see the script). `stable` is mentee-proposing deferred "
            "acceptance, `max_fit` the most mentees matched and then the highest total fit (min-cost "
            "flow); times are each call from the problem dataclass to the result, validation, the fit "
            "table, the preference orders and the blocking-pair check included. Fit is 0-100 "
            '(docs/solvers.md, "Mentor matching"); ranks are 1 for a first choice; first choices count '
            "mentees matched with the mentor they ranked first; blocking pairs are mentee-mentor pairs "
            "who would both rather be together. The `matching` package's row is "
            '`HospitalResident.create_from_dictionaries(...)` plus `.solve(optimal="resident")` '
            "(time: create + solve) on the same preferences, with the recursion limit raised to "
            f"{RECURSION_LIMIT:,} (its constructor's deep copy fails at Python's default); "
            '"same" compares its matching with ours pair by pair.\n\n' + report,
            encoding="utf-8",
        )
        print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
