import copy
import dataclasses
import itertools
import json
import math
import re

import pytest

from opencampus.solvers.timetable import (
    Instructor,
    Position,
    Room,
    Session,
    Slot,
    TimetableProblem,
    Weights,
    Window,
    problem_from_json,
    result_to_json,
    solve_json,
    solve_timetable,
)

DAY, WEEK = 1440, 7 * 1440
MON_AM = Slot(id="mon-am", day=0, start=540, end=720)
MON_PM = Slot(id="mon-pm", day=0, start=780, end=960)
TUE_AM = Slot(id="tue-am", day=1, start=540, end=720)
WED_AM = Slot(id="wed-am", day=2, start=540, end=720)
FRI_DAY = Slot(id="fri-day", day=4, start=540, end=1020)
SAT_AM = Slot(id="sat-am", day=5, start=540, end=720)
SAT_DAY = Slot(id="sat-day", day=5, start=540, end=1020)
ALWAYS = tuple(Window(day=day, start=0, end=1440) for day in range(7))


def teacher(name: str, *windows: Window, unavailable=()) -> Instructor:
    return Instructor(id=name, available=windows or ALWAYS, unavailable=tuple(unavailable))


def session(name: str, cohort: str = "c1", **fields) -> Session:
    return Session(id=name, cohort=cohort, **({"duration": 120} | fields))


def solve(problem: TimetableProblem, **options):
    result = solve_timetable(problem, **({"time_limit": 10.0, "workers": 2} | options))
    check_timetable(problem, result)
    return result


def occupied(problem: TimetableProblem, placement) -> list[tuple[int, int]]:
    days = next(s.days for s in problem.sessions if s.id == placement.session)
    return [(placement.start + k * DAY, placement.end + k * DAY) for k in range(days)]


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def check_timetable(problem: TimetableProblem, result) -> None:
    """Every hard constraint, checked on the output alone."""
    sessions = {s.id: s for s in problem.sessions}
    slots = {s.id: s for s in problem.slots}
    rooms = {r.id: r for r in problem.rooms}
    instructors = {i.id: i for i in problem.instructors}
    at = {p.session: p for p in result.placements}
    assert len(at) == len(result.placements)
    assert set(at).isdisjoint(u.session for u in result.unplaced)
    assert set(at) | {u.session for u in result.unplaced} == set(sessions)
    for p in result.placements:
        s, slot = sessions[p.session], slots[p.slot]
        assert p.day == slot.day
        assert p.start == ((p.week - 1) * 7 + slot.day) * DAY + slot.start
        assert p.end - p.start == s.duration <= slot.end - slot.start
        assert slot.day + s.days <= 7
        if s.fixed is not None:
            assert (p.week, p.slot, p.room) == (s.fixed.week, s.fixed.slot, s.fixed.room)
            continue
        if s.weeks:
            assert s.weeks[0] <= p.week <= s.weeks[1]
        if s.offsite:
            assert p.room is None
        else:
            room = rooms[p.room]
            assert room.capacity >= s.attendees
            assert s.features <= room.features
            assert s.rooms is None or p.room in s.rooms
            assert not overlap(occupied(problem, p), list(room.busy))
        for name in s.instructors:
            instructor = instructors[name]
            assert not overlap(occupied(problem, p), list(instructor.unavailable))
            for begin, end in occupied(problem, p):
                day, clock = (begin // DAY) % 7, begin % DAY
                assert any(
                    w.day == day and w.start <= clock and clock + (end - begin) <= w.end
                    for w in instructor.available
                )
        for before in s.after:
            assert before in at
            assert at[before].end + (sessions[before].days - 1) * DAY <= p.start
    for p, q in itertools.combinations(result.placements, 2):
        a, b = sessions[p.session], sessions[q.session]
        shared = (
            a.cohort == b.cohort or set(a.instructors) & set(b.instructors) or (p.room and p.room == q.room)
        )
        if shared:
            assert not overlap(occupied(problem, p), occupied(problem, q)), (p, q)


def codes(result) -> dict:
    return {u.session: [r.code for r in u.reasons] for u in result.unplaced}


def course(**fields) -> TimetableProblem:
    return TimetableProblem(
        **{
            "weeks": 2,
            "slots": (MON_AM, MON_PM),
            "rooms": (Room(id="r1", capacity=30),),
            "instructors": (teacher("kim"),),
            "sessions": (),
        }
        | fields
    )


# --- Plans ------------------------------------------------------------------------------------


def test_two_cohorts_sharing_rooms_and_an_instructor_are_planned_optimally():
    rooms = (
        Room(id="hall", capacity=60, features=frozenset({"projector"}), busy=((540, 720),)),
        Room(id="lab", capacity=20, features=frozenset({"lab"})),
        Room(id="small", capacity=10),
    )
    sessions = []
    for cohort in ("a", "b"):
        sessions += [
            session(
                f"{cohort}-kickoff",
                cohort,
                instructors=("kim",),
                attendees=25,
                features=frozenset({"projector"}),
            ),
            session(f"{cohort}-lab", cohort, instructors=("lee",), attendees=15, features=frozenset({"lab"})),
            session(f"{cohort}-mentor", cohort, duration=60, instructors=(f"{cohort}-mentor",), attendees=5),
            session(
                f"{cohort}-visit", cohort, duration=300, days=2, offsite=True, after=(f"{cohort}-kickoff",)
            ),
            session(
                f"{cohort}-final",
                cohort,
                instructors=("kim",),
                attendees=25,
                after=(f"{cohort}-lab", f"{cohort}-visit"),
            ),
        ]
    problem = course(
        weeks=3,
        slots=(MON_AM, MON_PM, FRI_DAY, SAT_AM),
        rooms=rooms,
        instructors=(teacher("kim"), teacher("lee"), teacher("a-mentor"), teacher("b-mentor")),
        sessions=tuple(sessions),
    )

    result = solve(problem)

    assert result.status == "optimal"
    assert result.objective == result.bound
    assert result.unplaced == ()
    assert result.moved == ()
    assert all(p.room == "hall" for p in result.placements if p.session.endswith(("kickoff", "final")))


def test_precedence_puts_a_session_after_its_predecessors():
    problem = course(
        weeks=3,
        sessions=(
            session("intro", weeks=(2, 3)),
            session("practice", after=("intro",)),
            session("review", after=("practice",)),
        ),
    )

    result = solve(problem)

    at = {p.session: p for p in result.placements}
    assert result.unplaced == ()
    assert at["intro"].end <= at["practice"].start
    assert at["practice"].end <= at["review"].start
    assert at["intro"].week >= 2


def test_sessions_of_different_cohorts_never_share_a_room_at_once():
    # One room over two weeks: a Monday morning and a Saturday that holds either a whole-day
    # session or a morning and an afternoon one. At most 5 of the 6 sessions fit; all 6 would
    # if the cohorts could share the room.
    sat_pm = Slot(id="sat-pm", day=5, start=780, end=960)
    sessions = [
        session(name, cohort, duration=duration)
        for cohort in ("a", "b")
        for name, duration in ((f"{cohort}-long", 420), (f"{cohort}1", 180), (f"{cohort}2", 180))
    ]
    problem = course(weeks=2, slots=(MON_AM, SAT_AM, sat_pm, SAT_DAY), sessions=tuple(sessions))

    result = solve(problem)

    assert result.status == "optimal"
    assert len(result.placements) == 5
    assert [r.code for u in result.unplaced for r in u.reasons] == ["crowded"]


def test_an_instructor_teaching_two_cohorts_is_in_one_place_at_a_time():
    problem = course(
        weeks=2,
        slots=(MON_AM,),
        rooms=(Room(id="r1", capacity=30), Room(id="r2", capacity=30), Room(id="r3", capacity=30)),
        sessions=tuple(session(f"{cohort}", cohort, instructors=("kim",)) for cohort in ("a", "b", "c")),
    )

    result = solve(problem)

    assert result.status == "optimal"
    assert len(result.placements) == 2
    [unplaced] = result.unplaced
    assert unplaced.reasons[0].code == "crowded"


def test_room_bookings_are_left_free():
    booked_week_1 = ((0 * WEEK + 540, 0 * WEEK + 600),)
    problem = course(
        slots=(MON_AM,),
        rooms=(Room(id="r1", capacity=30, busy=booked_week_1),),
        sessions=(session("s1", attendees=20),),
    )

    result = solve(problem)

    assert [(p.week, p.room) for p in result.placements] == [(2, "r1")]


def test_the_smallest_room_with_the_capacity_and_features_is_chosen():
    problem = course(
        slots=(MON_AM,),
        weeks=1,
        rooms=(
            Room(id="big", capacity=80, features=frozenset({"projector", "stage"})),
            Room(id="small", capacity=10, features=frozenset({"projector"})),
            Room(id="plain", capacity=40),
            Room(id="medium", capacity=40, features=frozenset({"projector"})),
        ),
        sessions=(session("s1", attendees=30, features=frozenset({"projector"})),),
    )

    result = solve(problem)

    assert [p.room for p in result.placements] == ["medium"]


def test_a_multi_day_session_occupies_consecutive_days_of_one_week():
    problem = course(
        weeks=2,
        slots=(FRI_DAY, SAT_AM),
        sessions=(
            session("field", duration=480, days=3, offsite=True),
            session("saturday", weeks=(2, 2)),
        ),
    )

    result = solve(problem)

    at = {p.session: p for p in result.placements}
    assert at["field"].week == 1
    assert at["field"].day == 4
    assert at["field"].room is None
    assert at["saturday"].week == 2


def test_instructor_windows_and_exceptions_are_respected():
    tuesday_afternoon = Window(day=1, start=720, end=1080)
    cancelled_week_1 = ((0, WEEK),)
    problem = course(
        slots=(MON_AM, Slot(id="tue-pm", day=1, start=780, end=960), TUE_AM),
        instructors=(teacher("kim", tuesday_afternoon, unavailable=cancelled_week_1),),
        sessions=(session("s1", instructors=("kim",)),),
    )

    result = solve(problem)

    assert [(p.week, p.slot) for p in result.placements] == [(2, "tue-pm")]


# --- Reasons ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code", "fields"),
    [
        ({"instructors": ("ghost",)}, "unknown_instructor", {"instructor": "ghost"}),
        ({"weeks": (5, 6)}, "no_slot_fits", {"cause": "weeks"}),
        ({"duration": 400}, "no_slot_fits", {"cause": "duration", "duration": 400}),
        ({"attendees": 50}, "no_room", {"capacity": 50, "features": [], "rooms": None}),
        ({"features": frozenset({"lab"})}, "no_room", {"capacity": 0, "features": ["lab"]}),
        ({"rooms": ()}, "no_room", {"rooms": []}),
        (
            {"instructors": ("evening",)},
            "instructor_never_available",
            {"instructor": "evening", "duration": 120},
        ),
        ({"instructors": ("away",)}, "instructor_unavailable", {"instructor": "away"}),
        (
            {"instructors": ("kim", "evening2")},
            "instructors_never_together",
            {"instructors": ["kim", "evening2"]},
        ),
        ({"rooms": ("booked",)}, "rooms_booked", {"rooms": ["booked"]}),
        ({"after": ("impossible",)}, "precedence", {"cause": "unplaceable", "predecessor": "impossible"}),
        ({"after": ("late",)}, "precedence", {"cause": "too_late", "predecessor": "late"}),
    ],
)
def test_presolve_explains_why_a_session_cannot_be_placed(changes, code, fields):
    horizon = (0, 2 * WEEK)
    problem = course(
        slots=(MON_AM, Slot(id="mon-eve", day=0, start=1080, end=1260)),
        rooms=(Room(id="r1", capacity=30), Room(id="booked", capacity=30, busy=(horizon,))),
        instructors=(
            teacher("kim", Window(day=0, start=480, end=780)),
            teacher("evening", Window(day=2, start=1080, end=1320)),
            teacher("evening2", Window(day=0, start=1080, end=1320)),
            teacher("away", unavailable=(horizon,)),
        ),
        sessions=(
            session("target", **changes),
            session("impossible", duration=1000),
            session("late", weeks=(2, 2), instructors=("evening2",)),
        ),
    )

    result = solve(problem)

    reasons = next(u.reasons for u in result.unplaced if u.session == "target")
    assert [r.code for r in reasons] == [code]
    assert {key: reasons[0].fields[key] for key in fields} == fields
    assert reasons[0].detail


def test_no_slot_fits_when_the_days_run_past_sunday():
    problem = course(
        slots=(MON_AM, SAT_DAY), sessions=(session("field", duration=300, days=3, offsite=True),)
    )

    result = solve(problem)

    [reason] = result.unplaced[0].reasons
    assert (reason.code, reason.fields["cause"], reason.fields["days"]) == ("no_slot_fits", "days", 3)


def test_several_independent_reasons_are_reported_together():
    problem = course(sessions=(session("s1", instructors=("ghost",), attendees=99, duration=999),))

    result = solve(problem)

    assert codes(result) == {"s1": ["unknown_instructor", "no_slot_fits", "no_room"]}


def test_two_sessions_competing_for_the_only_slot_leave_one_crowded():
    problem = course(weeks=1, slots=(MON_AM,), sessions=(session("first"), session("second")))

    result = solve(problem)

    assert result.status == "optimal"
    [placed] = result.placements
    [unplaced] = result.unplaced
    [reason] = unplaced.reasons
    assert reason.code == "crowded"
    assert reason.fields == {"starts": 1, "sessions": [placed.session]}


def test_a_successor_whose_predecessor_lost_out_gets_the_precedence_reason():
    problem = course(
        weeks=1,
        instructors=(teacher("kim", Window(day=0, start=480, end=780)),),
        sessions=(
            session("held", fixed=Position(week=1, slot="mon-am", room="r1")),
            session("loser", instructors=("kim",)),
            session("next", after=("loser",)),
        ),
    )

    result = solve(problem)

    assert codes(result) == {"loser": ["crowded"], "next": ["precedence"]}
    assert result.unplaced[0].reasons[0].fields == {"starts": 1, "sessions": ["held"]}
    assert result.unplaced[1].reasons[0].fields == {"cause": "not_placed", "predecessor": "loser"}


def test_a_fixed_session_is_placed_before_any_number_of_others():
    problem = course(
        weeks=1,
        slots=(MON_AM,),
        sessions=(
            session("held", fixed=Position(week=1, slot="mon-am", room="r1")),
            session("first"),
            session("second", after=("first",)),
        ),
    )

    result = solve(problem)

    assert [p.session for p in result.placements] == ["held"]


# --- Re-planning and fixed sessions -----------------------------------------------------------


# kim teaches on Monday mornings, lee on Monday afternoons, one session a week each.
PUBLISHED = {
    f"{who}{week}": Position(week=week, slot=slot, room="r1")
    for who, slot in (("kim", "mon-am"), ("lee", "mon-pm"))
    for week in range(1, 5)
}


def weekly_course(*, cancelled_week: int | None = None) -> TimetableProblem:
    unavailable = [((cancelled_week - 1) * WEEK, cancelled_week * WEEK)] if cancelled_week else []
    return course(
        weeks=4,
        slots=(MON_AM, MON_PM, WED_AM),
        rooms=(Room(id="r1", capacity=30), Room(id="r2", capacity=30)),
        instructors=(teacher("kim", unavailable=unavailable), teacher("lee")),
        sessions=tuple(session(name, instructors=(name[:3],)) for name in PUBLISHED),
        previous=PUBLISHED,
        weights=Weights(same_weekday=0, spread=0),
    )


def test_replanning_after_a_cancelled_week_moves_only_the_sessions_of_that_week():
    result = solve(weekly_course(cancelled_week=3))

    assert result.status == "optimal"
    assert result.moved == ("kim3",)
    assert result.unplaced == ()
    assert result.objective == 1000
    for p in result.placements:
        if p.session != "kim3":
            assert PUBLISHED[p.session] == Position(week=p.week, slot=p.slot, room=p.room)


def test_an_unchanged_replan_moves_nothing():
    result = solve(weekly_course())

    assert result.moved == ()
    assert result.objective == 0


def test_a_published_session_is_moved_rather_than_dropped_for_an_unplaced_one():
    # "old" was published in week 1, which is now cancelled; "new" was never placed. Dropping
    # "old" to place "new" would change two sessions, moving "old" changes one.
    problem = course(
        weeks=2,
        slots=(MON_AM,),
        instructors=(teacher("kim", unavailable=((0, WEEK),)),),
        sessions=(session("old", instructors=("kim",)), session("new", instructors=("kim",))),
        previous={"old": Position(week=1, slot="mon-am", room="r1")},
    )

    result = solve(problem)

    assert [(p.session, p.week) for p in result.placements] == [("old", 2)]
    assert result.moved == ("old",)
    assert codes(result) == {"new": ["crowded"]}


def test_fixed_sessions_stay_even_where_their_own_booking_is():
    fixed = Position(week=1, slot="mon-am", room="r1")
    problem = course(
        rooms=(Room(id="r1", capacity=30, busy=((540, 660),)),),
        instructors=(teacher("kim", Window(day=0, start=780, end=960)),),
        sessions=(
            session("held", instructors=("kim",), fixed=fixed),
            session("movable", instructors=("kim",)),
        ),
    )

    result = solve(problem)

    at = {p.session: p for p in result.placements}
    assert (at["held"].week, at["held"].slot, at["held"].room) == (1, "mon-am", "r1")
    assert at["movable"].slot == "mon-pm"


# --- Preferences ------------------------------------------------------------------------------


def test_same_weekday_preference_gathers_a_cohort_on_fewer_weekdays():
    previous = {
        "s1": Position(week=1, slot="mon-am", room="r1"),
        "s2": Position(week=1, slot="tue-am", room="r1"),
    }
    problem = course(slots=(MON_AM, TUE_AM), sessions=(session("s1"), session("s2")), previous=previous)

    indifferent = solve(dataclasses.replace(problem, weights=Weights(move=1, same_weekday=0, spread=0)))
    gathering = solve(dataclasses.replace(problem, weights=Weights(move=1, same_weekday=10, spread=0)))

    assert indifferent.moved == ()
    assert indifferent.penalties.same_weekday == 2
    assert len(gathering.moved) == 1
    assert gathering.penalties.same_weekday == 1
    assert gathering.status == "optimal"
    assert gathering.objective == 1 + 10


def test_spread_preference_evens_out_the_weeks():
    previous = {
        f"s{j}": Position(week=1, slot=slot.id, room="r1") for j, slot in enumerate((MON_AM, MON_PM, TUE_AM))
    }
    problem = course(
        slots=(MON_AM, MON_PM, TUE_AM), sessions=tuple(session(name) for name in previous), previous=previous
    )

    indifferent = solve(dataclasses.replace(problem, weights=Weights(move=1, same_weekday=0, spread=0)))
    spreading = solve(dataclasses.replace(problem, weights=Weights(move=1, same_weekday=0, spread=5)))

    assert indifferent.moved == ()
    assert indifferent.penalties.spread == 1
    assert len(spreading.moved) == 1
    assert spreading.penalties.spread == 0
    assert spreading.status == "optimal"
    assert spreading.objective == 1


def test_objective_follows_the_documented_formula():
    problem = course(
        weeks=2,
        slots=(MON_AM, TUE_AM, SAT_AM),
        sessions=(*(session(f"s{j}") for j in range(5)), session("x", duration=999)),
        previous={"s0": Position(week=2, slot="sat-am", room="r1")},
        weights=Weights(move=3, same_weekday=2, spread=7),
    )

    result = solve(problem)

    sessions, cohorts = 6, 1
    unplaced_weight = 1 + 3 * sessions + 2 * 7 * cohorts + 7 * sessions
    assert result.status == "optimal"
    assert result.objective == (
        unplaced_weight * len(result.unplaced)
        + 3 * len(result.moved)
        + 2 * result.penalties.same_weekday
        + 7 * result.penalties.spread
    )


# --- Validation -------------------------------------------------------------------------------

INSTANCE = {
    "weeks": 2,
    "slots": [
        {"id": "mon-am", "day": 0, "start": 540, "end": 720},
        {"id": 7, "day": 5, "start": 540, "end": 1020},
    ],
    "rooms": [{"id": "r1", "capacity": 30, "features": ["projector"], "busy": [[540, 600]]}],
    "instructors": [{"id": "kim", "available": [{"day": 0, "start": 480, "end": 780}], "unavailable": []}],
    "sessions": [
        {"id": "s1", "cohort": "c1", "duration": 120, "instructors": ["kim"], "attendees": 20},
        {"id": 2, "cohort": "c1", "duration": 240, "days": 2, "offsite": True, "after": ["s1"]},
        {"id": "s3", "cohort": "c1", "duration": 60, "fixed": {"week": 1, "slot": "mon-am", "room": "r1"}},
    ],
    "previous": {
        "s1": {"week": 2, "slot": "mon-am", "room": "r1"},
        "2": {"week": 2, "slot": 7, "room": None},
        "s3": {"week": 1, "slot": "mon-am", "room": "r1"},
    },
    "weights": {"move": 100},
}


def mutate(changes: dict) -> dict:
    instance = copy.deepcopy(INSTANCE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = instance
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
    return instance


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weeks": 0}, "weeks must be at least 1"),
        ({"slots.1.id": "mon-am"}, "slots[1].id: duplicate id 'mon-am'"),
        ({"slots.0.end": 500}, "slots[0].end must be between 541 and 1440"),
        ({"slots.0.end": 1500}, "slots[0].end must be between 541 and 1440"),
        ({"slots.0.day": 7}, "slots[0].day must be between 0 and 6"),
        ({"rooms.0.busy": [[600, 540]]}, "rooms[0].busy[0] must be whole minutes with start < end"),
        ({"rooms.0.capacity": "big"}, "rooms[0].capacity must be a whole number"),
        (
            {"instructors.0.available.0.start": 1.5},
            "instructors[0].available[0].start must be a whole number",
        ),
        ({"sessions.0.after": ["nobody"]}, "sessions[0].after: unknown session 'nobody'"),
        ({"sessions.0.after": [2]}, "sessions[1].after: cyclic precedence 's1' after 2 after 's1'"),
        ({"sessions.0.rooms": ["r9"]}, "sessions[0].rooms: unknown room 'r9'"),
        (
            {"sessions.0.instructors": ["kim", "kim"]},
            "sessions[0].instructors: an instructor is listed twice",
        ),
        ({"sessions.0.days": 8}, "sessions[0].days must be between 1 and 7"),
        ({"sessions.0.duration": KeyError}, "sessions[0] is missing the field 'duration'"),
        ({"sessions.1.weeks": [3, 2]}, "sessions[1].weeks must be at least 3"),
        ({"sessions.2.id": "s1"}, "sessions[2].id: duplicate id 's1'"),
        ({"sessions.2.fixed.slot": "sun"}, "sessions[2].fixed.slot: unknown slot 'sun'"),
        ({"sessions.2.fixed.room": "r9"}, "sessions[2].fixed.room: unknown room 'r9'"),
        (
            {"sessions.2.fixed.room": None},
            "sessions[2].fixed.room: a session that is not offsite needs its room",
        ),
        ({"sessions.2.fixed.week": 3}, "sessions[2].fixed.week must be between 1 and 2"),
        ({"sessions.2.duration": 200}, "sessions[2].fixed.slot: 'mon-am' is shorter than 200 minutes"),
        (
            {"sessions.1.fixed": {"week": 1, "slot": 7}, "sessions.1.days": 3},
            "sessions[1].days: 3 days from Saturday (fixed slot 7) run past Sunday",
        ),
        ({"previous": {"s9": {"week": 1, "slot": "mon-am"}}}, "previous: unknown session 's9'"),
        ({"previous": {"2": {"week": 1, "slot": "x"}}}, "previous[2].slot: unknown slot 'x'"),
        ({"weights": {"moves": 1}}, "weights.moves: unknown weight"),
        ({"weights": {"spread": -1}}, "weights.spread must be at least 0"),
        ({"sessions": {}}, "sessions must be a list"),
    ],
)
def test_malformed_instances_are_refused_naming_the_field(changes, message):
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        solve_json(mutate(changes), workers=1)


def test_options_are_checked():
    with pytest.raises(ValueError, match="workers"):
        solve_json(INSTANCE, workers=0)
    with pytest.raises(ValueError, match="time_limit"):
        solve_json(INSTANCE, time_limit=-1)


# --- JSON -------------------------------------------------------------------------------------


def test_json_round_trip_keeps_ids_as_given():
    problem = problem_from_json(json.loads(json.dumps(INSTANCE)))
    assert problem.previous[2] == Position(week=2, slot=7, room=None)  # the key "2" names session 2
    assert problem.weights == Weights(move=100)

    output = json.loads(json.dumps(solve_json(INSTANCE, workers=1)))

    assert output | {"wall_time": None} == {
        "status": "optimal",
        "objective": 10 * 3,  # Monday, Saturday, Sunday; nothing moved, weeks within the share of 2
        "bound": 30,
        "wall_time": None,
        "placements": [
            # s3 is fixed where its own booking is; s1 must wait for week 2, and 2 comes after it.
            {"session": "s3", "week": 1, "slot": "mon-am", "day": 0, "start": 540, "end": 600, "room": "r1"},
            {
                "session": "s1",
                "week": 2,
                "slot": "mon-am",
                "day": 0,
                "start": WEEK + 540,
                "end": WEEK + 660,
                "room": "r1",
            },
            {
                "session": 2,
                "week": 2,
                "slot": 7,
                "day": 5,
                "start": WEEK + 5 * DAY + 540,
                "end": WEEK + 5 * DAY + 780,
                "room": None,
            },
        ],
        "unplaced": [],
        "moved": [],
        "penalties": {"same_weekday": 3, "spread": 0},
    }
    again = result_to_json(solve_timetable(problem, workers=1))
    assert again | {"wall_time": None} == output | {"wall_time": None}


def test_json_reasons_flatten_their_fields():
    instance = mutate({"sessions.0.instructors": ["ghost"]})

    output = solve_json(instance, workers=1)

    [unplaced, successor] = output["unplaced"]
    assert unplaced["session"] == "s1"
    assert unplaced["reasons"] == [
        {
            "code": "unknown_instructor",
            "detail": "instructor 'ghost' is not among the instructors, so their availability is unknown",
            "instructor": "ghost",
        }
    ]
    assert successor["reasons"][0] | {"detail": ""} == {
        "code": "precedence",
        "detail": "",
        "cause": "unplaceable",
        "predecessor": "s1",
    }
    assert math.isfinite(output["wall_time"])
