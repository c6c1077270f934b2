"""Presolve: each session's candidate starts, with the rooms free at each, or why there are none.

A candidate is a (week, slot) where the session fits the slot and its week window, every
instructor's weekly windows cover every day of it and none of their exceptions touches it, and
at least one allowed room with the capacity and features is free of bookings on every day (none
needed offsite). A session comes after its predecessors, so its candidates start no earlier than
the earliest any predecessor can end. A fixed session's only candidate is its fixed position,
taken as given: it is already decided, so nothing but the other sessions is checked against it.
"""

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from . import reasons
from .overlaps import merged
from .problem import DAY_MINUTES, WEEK_MINUTES, Instructor, Interval, Session, TimetableProblem
from .result import Reason


@dataclass(frozen=True)
class Start:
    week: int
    slot: int  # index into problem.slots
    intervals: tuple[Interval, ...]  # one per day, minutes from the horizon start
    rooms: tuple[int, ...]  # indices into problem.rooms, suitable and free; empty when offsite

    @property
    def begin(self) -> int:
        return self.intervals[0][0]

    @property
    def end(self) -> int:
        return self.intervals[-1][1]


@dataclass(frozen=True)
class Candidates:
    starts: tuple[tuple[Start, ...], ...]  # per session, in time order
    reasons: dict[int, tuple[Reason, ...]]  # per session left without candidates


class _Calendar:
    """Answers "is [a, b) free?" against a set of busy intervals."""

    def __init__(self, busy: Iterable[Interval]):
        union = merged(busy)
        self._starts = [start for start, _ in union]
        self._ends = [end for _, end in union]
        self._known: dict[Interval, bool] = {}

    def free(self, interval: Interval) -> bool:
        answer = self._known.get(interval)
        if answer is None:
            i = bisect_right(self._ends, interval[0])
            answer = i == len(self._ends) or self._starts[i] >= interval[1]
            self._known[interval] = answer
        return answer


class _Presolver:
    def __init__(self, problem: TimetableProblem):
        self.problem = problem
        self.slot_order = sorted(range(len(problem.slots)), key=lambda t: _clock(problem.slots[t]))
        self.instructors = {instructor.id: instructor for instructor in problem.instructors}
        self.rooms = {room.id: r for r, room in enumerate(problem.rooms)}
        self.room_calendars = [_Calendar(room.busy) for room in problem.rooms]
        self.instructor_calendars = {i.id: _Calendar(i.unavailable) for i in problem.instructors}
        self.windows = {i.id: _weekly_windows(i) for i in problem.instructors}

    def intervals(self, session: Session, week: int, t: int) -> tuple[Interval, ...]:
        slot = self.problem.slots[t]
        first = (week - 1) * WEEK_MINUTES + slot.day * DAY_MINUTES + slot.start
        return tuple(
            (first + k * DAY_MINUTES, first + k * DAY_MINUTES + session.duration) for k in range(session.days)
        )

    def fixed(self, session: Session) -> Start:
        fixed = session.fixed
        t = next(t for t, slot in enumerate(self.problem.slots) if slot.id == fixed.slot)
        rooms = () if fixed.room is None else (self.rooms[fixed.room],)
        return Start(week=fixed.week, slot=t, intervals=self.intervals(session, fixed.week, t), rooms=rooms)

    def candidates(self, session: Session) -> tuple[list[Start], list[Reason]]:
        problem = self.problem
        found: list[Reason] = [
            reasons.unknown_instructor(i) for i in session.instructors if i not in self.instructors
        ]
        first, last = session.weeks or (1, problem.weeks)
        weeks = range(max(first, 1), min(last, problem.weeks) + 1)
        long_enough = [t for t in self.slot_order if _length(problem.slots[t]) >= session.duration]
        fitting = [t for t in long_enough if problem.slots[t].day + session.days <= 7]
        cause = "weeks" if not weeks else "duration" if not long_enough else "days" if not fitting else None
        if cause:
            found.append(
                reasons.no_slot_fits(cause, duration=session.duration, days=session.days, weeks=session.weeks)
            )
        suitable = self.suitable_rooms(session)
        if not session.offsite and not suitable:
            found.append(
                reasons.no_room(capacity=session.attendees, features=session.features, rooms=session.rooms)
            )
        every_time = [(week, t) for week in weeks for t in fitting]
        times = set(every_time)
        for instructor in session.instructors:
            if instructor not in self.instructors or not every_time:
                continue
            weekly = {t for t in fitting if self.within_windows(instructor, session, t)}
            if not weekly:
                found.append(
                    reasons.instructor_never_available(
                        instructor, duration=session.duration, days=session.days
                    )
                )
                continue
            calendar = self.instructor_calendars[instructor]
            own = {
                (week, t)
                for week, t in every_time
                if t in weekly and all(map(calendar.free, self.intervals(session, week, t)))
            }
            if not own:
                found.append(reasons.instructor_unavailable(instructor))
            times &= own
        if found:
            return [], found
        if not times:
            return [], [reasons.instructors_never_together(session.instructors)]
        starts = []
        for week, t in self.one_slot_per_time(session, [time for time in every_time if time in times]):
            intervals = self.intervals(session, week, t)
            free = tuple(r for r in suitable if all(map(self.room_calendars[r].free, intervals)))
            if free or session.offsite:
                starts.append(Start(week=week, slot=t, intervals=intervals, rooms=free))
        if not starts:
            return [], [reasons.rooms_booked(problem.rooms[r].id for r in suitable)]
        return starts, []

    def one_slot_per_time(self, session: Session, times: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Slots that start together (a morning and a whole-day slot) give the session the same
        times: one of them is enough. Keep the previous slot, else the shortest."""
        previous = self.problem.previous.get(session.id)
        chosen: dict[tuple[int, int, int], tuple[int, int]] = {}
        for week, t in times:
            slot = self.problem.slots[t]
            kept = chosen.setdefault((week, slot.day, slot.start), (week, t))
            if kept != (week, t) and self.preference(previous, week, t) < self.preference(previous, *kept):
                chosen[week, slot.day, slot.start] = (week, t)
        return sorted(chosen.values(), key=lambda time: (time[0], _clock(self.problem.slots[time[1]])))

    def preference(self, previous, week: int, t: int) -> tuple[bool, int]:
        slot = self.problem.slots[t]
        return (previous is None or (previous.week, previous.slot) != (week, slot.id), _length(slot))

    def suitable_rooms(self, session: Session) -> list[int]:
        if session.offsite:
            return []
        allowed = self.rooms.values() if session.rooms is None else [self.rooms[r] for r in session.rooms]
        return sorted(
            r
            for r in allowed
            if self.problem.rooms[r].capacity >= session.attendees
            and session.features <= self.problem.rooms[r].features
        )

    def within_windows(self, instructor, session: Session, t: int) -> bool:
        slot = self.problem.slots[t]
        windows = self.windows[instructor]
        return all(
            any(start <= slot.start and slot.start + session.duration <= end for start, end in windows[day])
            for day in range(slot.day, slot.day + session.days)
        )


def find_candidates(problem: TimetableProblem, order: list[int]) -> Candidates:
    """``order`` lists the sessions with every session after its predecessors."""
    presolver = _Presolver(problem)
    index = {session.id: i for i, session in enumerate(problem.sessions)}
    starts: list[tuple[Start, ...]] = [()] * len(problem.sessions)
    found: dict[int, tuple[Reason, ...]] = {}
    for i in order:
        session = problem.sessions[i]
        if session.fixed is not None:
            own, own_reasons = [presolver.fixed(session)], []
        else:
            own, own_reasons = presolver.candidates(session)
        if own_reasons:
            found[i] = tuple(own_reasons)
            continue
        blocked = [p for p in session.after if not starts[index[p]]]
        if blocked:
            found[i] = tuple(reasons.precedence("unplaceable", p) for p in blocked)
            continue
        if session.after:
            latest = max(session.after, key=lambda p: min(s.end for s in starts[index[p]]))
            earliest = min(s.end for s in starts[index[latest]])
            own = [s for s in own if s.begin >= earliest]
            if not own:
                found[i] = (reasons.precedence("too_late", latest),)
                continue
        starts[i] = tuple(own)
    return Candidates(starts=tuple(starts), reasons=found)


def _weekly_windows(instructor: Instructor) -> list[list[Interval]]:
    """Per weekday, the instructor's windows with touching or overlapping ones joined."""
    days: list[list[Interval]] = [[] for _ in range(7)]
    for window in instructor.available:
        days[window.day].append((window.start, window.end))
    return [merged(windows) for windows in days]


def _clock(item) -> tuple[int, int, int]:
    return (item.day, item.start, item.end)


def _length(slot) -> int:
    return slot.end - slot.start
