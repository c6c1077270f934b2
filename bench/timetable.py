"""Timetable benchmark: the CP-SAT timetable solver on generated 16-week innovator courses.

    .venv/bin/python bench/timetable.py             # all rows, writes bench/results/timetable.md
    .venv/bin/python bench/timetable.py --no-write  # all rows, prints only

Each cohort has 80 sessions over 16 weeks: a kick-off in week 1, 20 lectures (150 min,
projector; two of its eight speakers are guests shared by every cohort), 14 workshops (180 min,
tables), 10 innovation experiments (180 min, half in a lab, experiment i after workshop i), a
3-day offsite field study (Friday to Sunday, weeks 5-12), 32 mentoring sessions (50 min, 8
people), a dry run after every experiment and the field study, and the final presentation (60
people, stage) after the dry run. Its 20 instructors (6 lecturers, 4 facilitators, 3 lab
instructors, 5 mentors, a coordinator, a guest) have weekly windows on the cohort's two evenings
(Tuesday and Thursday, or Monday and Wednesday for every other cohort) and Saturday, each day
with a chance of 85 % and then a window with a gap with a chance of 20 %, and one instructor
cancels a random week. Weekly slots: Monday to Thursday 17:30-18:20 and 18:30-21:30, Friday
09:00-18:00 (the field study), Saturday 09:30-12:30, 13:30-17:30 and 09:30-17:30. Ten rooms of
10-60 seats with features; in the blocks around the slots, each room is booked by others in a
block with a chance of 40 %, for 40-80 % of the block (the share of room time booked is
printed). Rows: one cohort (the target: proven optimal within 10 s on two workers), the same
cohort re-planned after the instructor who teaches most in week 6 cancels that week, two and five
cohorts planned together (sharing rooms and the guests), and the one-cohort target on ten more
seeds. The seeds are fixed: the same command gives the same instances everywhere.
"""

import argparse
import dataclasses
import math
import platform
import random
import sys
from pathlib import Path

import ortools
from report import cpu_line, date_and_load_line, markdown_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from opencampus.solvers.timetable import (  # noqa: E402
    Instructor,
    Position,
    Room,
    Session,
    Slot,
    TimetableProblem,
    TimetableResult,
    Window,
    solve_timetable,
)
from opencampus.solvers.timetable.problem import DAY_MINUTES, WEEK_MINUTES  # noqa: E402

SEED = 20260316
WEEKS = 16
WORKERS = 2
TIME_LIMIT = 60.0
CANCELLED_WEEK = 6
RESULTS = ROOT / "bench" / "results" / "timetable.md"

DAYS = ("mon", "tue", "wed", "thu")
SLOTS = (
    # Monday to Thursday: 17:30-18:20 (mentoring before the evening) and 18:30-21:30.
    *(Slot(id=f"{DAYS[day]}-early", day=day, start=1050, end=1100) for day in range(4)),
    *(Slot(id=f"{DAYS[day]}-eve", day=day, start=1110, end=1290) for day in range(4)),
    Slot(id="fri-day", day=4, start=540, end=1080),  # 09:00-18:00, the field study (Friday to Sunday)
    Slot(id="sat-am", day=5, start=570, end=750),  # 09:30-12:30
    Slot(id="sat-pm", day=5, start=810, end=1050),  # 13:30-17:30
    Slot(id="sat-day", day=5, start=570, end=1050),  # 09:30-17:30
)
# Blocks of the week in which others book the rooms: (day, start, end); the slots lie inside them.
BLOCKS = (*((day, 1020, 1320) for day in range(5)), (4, 540, 1020), (5, 540, 780), (5, 780, 1080))
BOOKING_CHANCE = 0.4  # per room, week and block; a booking covers 40-80 % of its block
ROOMS = (
    ("hall", 60, {"projector", "tables", "stage"}),
    ("seminar-a", 50, {"projector"}),
    ("seminar-b", 40, {"projector", "tables"}),
    ("studio", 35, {"projector", "tables"}),
    ("lab-1", 40, {"lab", "tables"}),
    ("lab-2", 30, {"lab"}),
    ("classroom", 30, {"projector", "tables"}),
    ("workroom", 20, {"tables"}),
    ("meeting-1", 12, {"projector"}),
    ("meeting-2", 10, set()),
)


def make_rooms(rng: random.Random) -> tuple[Room, ...]:
    rooms = []
    for name, capacity, features in ROOMS:
        busy = []
        for week in range(WEEKS):
            for day, start, end in BLOCKS:
                if rng.random() < BOOKING_CHANCE:
                    length = round((end - start) * rng.uniform(0.4, 0.8) / 15) * 15
                    begin = start + 15 * rng.randrange((end - start - length) // 15 + 1)
                    origin = week * WEEK_MINUTES + day * DAY_MINUTES
                    busy.append((origin + begin, origin + begin + length))
        rooms.append(Room(id=name, capacity=capacity, features=frozenset(features), busy=tuple(busy)))
    return tuple(rooms)


# Weekly windows an instructor may have on a day: those that fit the day's slots, and those with
# gaps (from 19:00 misses the 18:30 start, until 20:00 leaves only the early slot, from 10:00
# misses Saturday morning).
EVENINGS = ((1020, 1320), (1080, 1320), (1050, 1290))
EVENING_GAPS = ((1140, 1320), (1020, 1200))
SATURDAYS = ((540, 1080), (540, 780), (780, 1080))
SATURDAY_GAPS = ((600, 1080),)


def make_instructor(
    rng: random.Random, name: str, *, evenings: tuple[int, ...], saturday: bool
) -> Instructor:
    """The ``evenings`` (weekdays) and Saturday if asked for, each with a chance of 85 %, and
    then a window with a gap with a chance of 20 %; the first day always has a window that fits."""
    days = [(day, EVENINGS, EVENING_GAPS) for day in evenings]
    days += [(5, SATURDAYS, SATURDAY_GAPS)] if saturday else []
    rng.shuffle(days)
    windows = []
    for n, (day, fitting, gaps) in enumerate(days):
        if n == 0 or rng.random() < 0.85:
            start, end = rng.choice(gaps if n and rng.random() < 0.2 else fitting)
            windows.append(Window(day=day, start=start, end=end))
    return Instructor(id=name, available=tuple(sorted(windows, key=lambda w: w.day)))


def make_cohort(rng: random.Random, c: int, guests: list[str]) -> tuple[list[Instructor], list[Session]]:
    def people(role: str, count: int, **availability) -> list[Instructor]:
        return [make_instructor(rng, f"c{c}-{role}{j}", **availability) for j in range(count)]

    evenings = (1, 3) if c % 2 == 0 else (0, 2)  # Tuesday and Thursday, or Monday and Wednesday
    lecturers = people("lecturer", 6, evenings=evenings, saturday=rng.random() < 0.5)
    facilitators = people("facilitator", 4, evenings=evenings, saturday=True)
    lab = people("lab", 3, evenings=evenings, saturday=True)
    mentors = people("mentor", 5, evenings=evenings, saturday=True)
    coordinator = Instructor(
        id=f"c{c}-coordinator",
        available=(
            *(Window(day=day, start=1020, end=1320) for day in evenings),
            *(Window(day=day, start=480, end=1200) for day in (4, 5, 6)),
        ),
    )
    guest = make_instructor(rng, f"c{c}-guest", evenings=evenings, saturday=True)
    instructors = [*lecturers, *facilitators, *lab, *mentors, coordinator, guest]
    size = 30
    sessions: list[Session] = []

    def add(kind: str, j: int, *, attendees: int = size, **fields) -> str:
        session_id = f"c{c}-{kind}{j}"
        sessions.append(Session(id=session_id, cohort=f"c{c}", attendees=attendees, **fields))
        return session_id

    projector, tables, lab_room = frozenset({"projector"}), frozenset({"tables"}), frozenset({"lab"})
    kickoff = add("kickoff", 0, duration=150, instructors=(coordinator.id,), features=projector, weeks=(1, 1))
    speakers = [i.id for i in lecturers] + guests
    for j in range(20):
        add(
            "lecture",
            j,
            duration=150,
            instructors=(speakers[j % len(speakers)],),
            features=projector,
            after=(kickoff,),
        )
    workshops = [
        add(
            "workshop",
            j,
            duration=180,
            instructors=(facilitators[j % 4].id,),
            features=tables,
            after=(kickoff,),
        )
        for j in range(14)
    ]
    experiments = [
        add(
            "experiment",
            j,
            duration=180,
            instructors=(lab[j % 3].id,),
            features=lab_room if j % 2 == 0 else tables,  # half in a lab, half prototyping
            after=(workshops[j],),
        )
        for j in range(10)
    ]
    field = add("field", 0, duration=480, days=3, instructors=(coordinator.id,), offsite=True, weeks=(5, 12))
    for j in range(32):
        add("mentoring", j, duration=50, instructors=(mentors[j % 5].id,), attendees=8, after=(kickoff,))
    dry_run = add(
        "dryrun",
        0,
        duration=150,
        instructors=(coordinator.id,),
        features=projector,
        after=(*experiments, field),
    )
    add(
        "final",
        0,
        duration=180,
        instructors=(coordinator.id, guest.id),
        attendees=60,
        features=frozenset({"stage"}),
        after=(dry_run,),
    )
    # One instructor cancels a week.
    index = rng.randrange(len(instructors))
    week = rng.randrange(2, WEEKS + 1)
    instructors[index] = dataclasses.replace(
        instructors[index], unavailable=(((week - 1) * WEEK_MINUTES, week * WEEK_MINUTES),)
    )
    return instructors, sessions


def make_problem(cohorts: int, seed: int = SEED) -> TimetableProblem:
    rng = random.Random(seed)
    rooms = make_rooms(rng)
    guests = [make_instructor(rng, f"guest{j}", evenings=(0, 1, 2, 3), saturday=True) for j in range(2)]
    instructors, sessions = list(guests), []
    for c in range(cohorts):
        own_instructors, own_sessions = make_cohort(rng, c, [g.id for g in guests])
        instructors += own_instructors
        sessions += own_sessions
    return TimetableProblem(
        weeks=WEEKS, slots=SLOTS, rooms=rooms, instructors=tuple(instructors), sessions=tuple(sessions)
    )


def cancel_week(problem: TimetableProblem, plan: TimetableResult, week: int) -> tuple[TimetableProblem, int]:
    """The problem with the published plan as ``previous`` and the instructor who teaches most in
    ``week`` unavailable that week; also how many sessions that instructor had there."""
    sessions = {s.id: s for s in problem.sessions}
    teaching: dict[str, int] = {}
    for placement in plan.placements:
        if placement.week == week:
            for instructor in sessions[placement.session].instructors:
                teaching[instructor] = teaching.get(instructor, 0) + 1
    name = max(sorted(teaching), key=teaching.get)
    instructors = tuple(
        Instructor(
            id=i.id,
            available=i.available,
            unavailable=(*i.unavailable, ((week - 1) * WEEK_MINUTES, week * WEEK_MINUTES)),
        )
        if i.id == name
        else i
        for i in problem.instructors
    )
    previous = {p.session: Position(week=p.week, slot=p.slot, room=p.room) for p in plan.placements}
    replanned = TimetableProblem(
        weeks=problem.weeks,
        slots=problem.slots,
        rooms=problem.rooms,
        instructors=instructors,
        sessions=problem.sessions,
        previous=previous,
        weights=problem.weights,
    )
    return replanned, teaching[name]


def booked_share(rooms: tuple[Room, ...]) -> float:
    """The share of the rooms' time in the blocks that others have booked."""
    booked = total = 0
    for room in rooms:
        for week in range(WEEKS):
            for day, start, end in BLOCKS:
                origin = week * WEEK_MINUTES + day * DAY_MINUTES
                total += end - start
                booked += sum(max(0, min(b, origin + end) - max(a, origin + start)) for a, b in room.busy)
    return booked / total


def row(label: str, problem: TimetableProblem, result: TimetableResult, *, affected: str = "—") -> dict:
    gap = (
        (result.objective - result.bound) / max(1, abs(result.objective))
        if result.objective is not None
        else math.nan
    )
    return {
        "instance": label,
        "sessions": str(len(problem.sessions)),
        "status": result.status,
        "time (s)": f"{result.wall_time:.2f}",
        "objective": str(result.objective),
        "bound": str(result.bound),
        "gap": f"{100 * gap:.2f}%",
        "placed": str(len(result.placements)),
        "unplaced": str(len(result.unplaced)),
        "moved": str(len(result.moved)) if problem.previous else "—",
        "sessions affected": affected,
        "weekdays used": str(result.penalties.same_weekday) if result.penalties else "—",
        "spread": str(result.penalties.spread) if result.penalties else "—",
    }


def machine() -> str:
    return (
        f"{cpu_line()}; CP-SAT with {WORKERS} workers, random seed 0, "
        f"time limit {TIME_LIMIT:g} s\n"
        f"- Python {platform.python_version()}, OR-Tools {ortools.__version__}\n"
        f"{date_and_load_line()}"
    )


def solve(problem: TimetableProblem) -> TimetableResult:
    return solve_timetable(problem, time_limit=TIME_LIMIT, workers=WORKERS, random_seed=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    args = parser.parse_args()
    rows = []
    one = make_problem(1)
    plan = solve(one)
    rows.append(row("1 cohort", one, plan))
    print(rows[-1], flush=True)
    replanned, affected = cancel_week(one, plan, CANCELLED_WEEK)
    label = f"1 cohort, re-plan: week {CANCELLED_WEEK} cancelled"
    rows.append(row(label, replanned, solve(replanned), affected=str(affected)))
    print(rows[-1], flush=True)
    for cohorts in (2, 5):
        problem = make_problem(cohorts)
        rows.append(row(f"{cohorts} cohorts", problem, solve(problem)))
        print(rows[-1], flush=True)
    seeds = []
    for seed in range(SEED + 1, SEED + 11):
        problem = make_problem(1, seed)
        seeds.append(row(f"1 cohort, seed {seed}", problem, solve(problem)))
        print(seeds[-1], flush=True)
    times = sorted(float(r["time (s)"]) for r in seeds)
    optimal = sum(r["status"] == "optimal" for r in seeds)
    report = (
        f"{markdown_table(rows)}\n\n"
        f"The target on ten more seeds: {optimal} of 10 proven optimal, time median "
        f"{(times[4] + times[5]) / 2:.2f} s, max {times[-1]:.2f} s.\n\n{markdown_table(seeds)}\n\n"
        f"Room time booked by others in the blocks around the slots: "
        f"{100 * booked_share(one.rooms):.0f} %.\n\n"
        f"{machine()}\n"
    )
    print(report)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# Timetable benchmark\n\n"
            "`.venv/bin/python bench/timetable.py`: generated 16-week innovator courses, 10 rooms, fixed "
            "seeds (see the script). Time is `solve_timetable` from the problem dataclass to the result "
            "(validation, presolve, model building and CP-SAT); gap is (objective - bound) / objective; "
            '"sessions affected" counts the sessions the cancelling instructor had in that week; '
            '"weekdays used" and "spread" are the two preference penalties before weighting.\n\n' + report,
            encoding="utf-8",
        )
        print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
