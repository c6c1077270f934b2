"""Plan a cohort's curriculum with the timetable solver and keep the result as a draft version.

The solver works in minutes from Monday 00:00 (campus time) of the cohort's first week; this
module translates the cohort, its sessions and slots, the instructors' availability and the
rooms' existing bookings, opening hours and closed days into that frame and back. An instructor
engaged in another cohort's published session is unavailable then.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.park.models import Space, SpaceClaim
from opencampus.park.services.booking_rules import closed_dates, effective_hours
from opencampus.park.services.tree import space_tree
from opencampus.solvers import timetable as solver

from ..models import (
    InstructorAbsence,
    InstructorAvailability,
    Session,
    Timetable,
    TimetableEntry,
)
from .teaching import engaged_elsewhere, teaching_days

WEEK_MINUTES = 7 * 24 * 60
PLANNED_KINDS = (Space.Kind.ROOM, Space.Kind.OUTDOOR)
UNLIMITED = 1_000_000  # a room without a recorded capacity admits any group, as in the park's rules


class PlanningError(Exception):
    """Why a cohort cannot be planned yet; the text is for staff."""


class Frame:
    """Minutes from the Monday of the cohort's first week, in the campus's time zone."""

    def __init__(self, cohort):
        self.tz = cohort.campus.tz
        self.monday = cohort.starts_on - timedelta(days=cohort.starts_on.weekday())
        self.weeks = cohort.weeks
        self.origin = datetime.combine(self.monday, time(0))

    @property
    def last_day(self):
        return self.monday + timedelta(weeks=self.weeks) - timedelta(days=1)

    def start(self):
        return timezone.make_aware(self.origin, self.tz)

    def end(self):
        return timezone.make_aware(self.origin + timedelta(weeks=self.weeks), self.tz)

    def minutes(self, moment):
        local = moment.astimezone(self.tz).replace(tzinfo=None)
        return round((local - self.origin).total_seconds() / 60)

    def moment(self, minutes):
        return timezone.make_aware(self.origin + timedelta(minutes=minutes), self.tz)

    def clipped(self, start, end):
        low, high = 0, self.weeks * WEEK_MINUTES
        first, last = max(low, self.minutes(start)), min(high, self.minutes(end))
        return (first, last) if first < last else None


def clock(value):
    return value.hour * 60 + value.minute


def plan_timetable(*, cohort, actor, time_limit=20.0, workers=8, now=None):
    """Solve the cohort's timetable and store it as a new draft version; returns the Timetable."""
    now = now or timezone.now()
    frame = Frame(cohort)
    sessions = list(
        Session.objects.filter(cohort=cohort).prefetch_related("instructors", "features", "after")
    )
    if not sessions:
        raise PlanningError(_("Add the curriculum's sessions before planning."))
    slots = list(cohort.slots.all())
    if not slots:
        raise PlanningError(_("Add the weekly slots the cohort meets in before planning."))
    published = cohort.timetables.filter(state=Timetable.State.PUBLISHED).first()
    rooms = _rooms(cohort, sessions, frame, published)
    planned_rooms = {room.id for room in rooms}
    previous = _previous(published, frame, slots, planned_rooms)
    held = _held(published, previous, now)
    problem = solver.TimetableProblem(
        weeks=frame.weeks,
        slots=tuple(
            solver.Slot(id=slot.pk, day=slot.weekday, start=clock(slot.starts_at), end=_end(slot.ends_at))
            for slot in slots
        ),
        rooms=tuple(rooms),
        instructors=tuple(_instructors(cohort, sessions, frame)),
        sessions=tuple(
            _session(cohort, session, held.get(session.pk), planned_rooms) for session in sessions
        ),
        previous=previous,
    )
    result = solver.solve_timetable(problem, time_limit=time_limit, workers=workers)
    return _store(cohort, actor, frame, sessions, published, result)


def _end(value):
    return 24 * 60 if value == time(0) else clock(value)


def _session(cohort, session, fixed, planned_rooms):
    window = None
    if session.earliest_week or session.latest_week:
        window = (session.earliest_week or 1, session.latest_week or cohort.weeks)
    return solver.Session(
        id=session.pk,
        cohort=cohort.pk,
        duration=session.duration_minutes,
        days=session.days,
        instructors=tuple(user.pk for user in session.instructors.all()),
        attendees=cohort.size,
        features=frozenset(feature.slug for feature in session.features.all()),
        offsite=session.offsite,
        rooms=_allowed_rooms(session, planned_rooms),
        after=tuple(other.pk for other in session.after.all()),
        weeks=window,
        fixed=fixed,
    )


def _allowed_rooms(session, planned_rooms):
    """None: any suitable room; a session tied to a room that is closed for good can go nowhere."""
    if session.offsite or not session.room_id:
        return None
    return (session.room_id,) if session.room_id in planned_rooms else ()


def _previous(published, frame, slots, planned_rooms):
    """The published plan in the solver's terms, so re-planning moves as little as it can."""
    if published is None:
        return {}
    by_time = {(slot.weekday, clock(slot.starts_at)): slot.pk for slot in slots}
    positions = {}
    for entry in published.entries.filter(starts_at__isnull=False):
        local = entry.starts_at.astimezone(frame.tz)
        slot = by_time.get((local.weekday(), clock(local.time())))
        if slot is not None and entry.week is not None and entry.room_id in planned_rooms | {None}:
            positions[entry.session_id] = solver.Position(week=entry.week, slot=slot, room=entry.room_id)
    return positions


def _held(published, previous, now):
    """Sessions already begun keep their place: the past is not re-planned."""
    if published is None:
        return {}
    begun = published.entries.filter(starts_at__lte=now).values_list("session_id", flat=True)
    return {session: previous[session] for session in begun if session in previous}


def _instructors(cohort, sessions, frame):
    people = {user.pk for session in sessions for user in session.instructors.all()}
    windows = defaultdict(list)
    for window in InstructorAvailability.objects.filter(instructor_id__in=people):
        windows[window.instructor_id].append(
            solver.Window(day=window.weekday, start=clock(window.starts_at), end=_end(window.ends_at))
        )
    unavailable = defaultdict(list)
    for absence in InstructorAbsence.objects.filter(
        instructor_id__in=people, starts_at__lt=frame.end(), ends_at__gt=frame.start()
    ):
        unavailable[absence.instructor_id].append(frame.clipped(absence.starts_at, absence.ends_at))
    # Engaged in another cohort's published session: busy then, so the plan cannot double-book them.
    for person, entry in engaged_elsewhere(
        cohort=cohort, people=people, start=frame.start(), end=frame.end()
    ):
        unavailable[person] += [frame.clipped(start, end) for start, end in teaching_days(entry)]
    return [
        solver.Instructor(
            id=person,
            available=tuple(windows[person]),
            unavailable=tuple(span for span in unavailable[person] if span),
        )
        for person in sorted(people)
    ]


def _rooms(cohort, sessions, frame, published):
    """Rooms the campus plans into, with what keeps each busy: bookings, closed hours, closed days."""
    tree = space_tree(cohort.campus)
    chosen = {session.room_id for session in sessions if session.room_id}
    spaces = list(
        Space.objects.filter(Q(kind__in=PLANNED_KINDS) | Q(pk__in=chosen), is_active=True, is_bookable=True)
        .prefetch_related("features")
        .order_by("pk")
    )
    own = set()
    if published is not None:
        own = set(published.entries.exclude(booking=None).values_list("booking_id", flat=True))
    busy = defaultdict(list)
    claims = SpaceClaim.objects.filter(start__lt=frame.end(), end__gt=frame.start()).exclude(
        occurrence__booking_id__in=own
    )
    for space_id, start, end in claims.values_list("space_id", "start", "end"):
        span = frame.clipped(start, end)
        if span:
            busy[space_id].append(span)
    rooms = []
    for space in spaces:
        spans = [span for claimed in tree.claimed_by(space.pk) for span in busy[claimed]]
        spans += _closed_spans(space, tree, frame)
        rooms.append(
            solver.Room(
                id=space.pk,
                capacity=space.capacity or UNLIMITED,
                features=frozenset(feature.slug for feature in space.features.all()),
                busy=tuple(sorted(spans)),
            )
        )
    return rooms


def _closed_spans(space, tree, frame):
    """The minutes a space cannot be booked: outside its opening hours and on its closed days."""
    hours = effective_hours(space, tree)
    closed = closed_dates(space, tree, frame.monday, frame.last_day)
    spans = []
    for offset in range(frame.weeks * 7):
        day = frame.monday + timedelta(days=offset)
        base = offset * 24 * 60
        if day in closed:
            spans.append((base, base + 24 * 60))
        elif hours is not None:
            spans += [(base + start, base + end) for start, end in _gaps(hours[day.weekday()])]
    return spans


def _gaps(opening):
    """The parts of a day outside ``opening`` [(opens, closes)], in minutes since midnight."""
    gaps, cursor = [], 0
    for opens, closes in sorted(opening):
        if clock(opens) > cursor:
            gaps.append((cursor, clock(opens)))
        cursor = max(cursor, _end(closes))
    if cursor < 24 * 60:
        gaps.append((cursor, 24 * 60))
    return gaps


@transaction.atomic
def _store(cohort, actor, frame, sessions, published, result):
    number = (cohort.timetables.aggregate(last=Max("number"))["last"] or 0) + 1
    timetable = Timetable.objects.create(
        campus=cohort.campus,
        cohort=cohort,
        number=number,
        based_on=published,
        solver_status=result.status,
        objective=result.objective,
        bound=result.bound,
        wall_time=result.wall_time,
        created_by=actor,
    )
    by_pk = {session.pk: session for session in sessions}
    entries = []
    for placement in result.placements:
        session = by_pk[placement.session]
        starts_at = frame.moment(placement.start)
        entries.append(
            TimetableEntry(
                campus=cohort.campus,
                timetable=timetable,
                session=session,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=session.duration_minutes),
                days=session.days,
                week=placement.week,
                room_id=placement.room,
            )
        )
    for unplaced in result.unplaced:
        entries.append(
            TimetableEntry(
                campus=cohort.campus,
                timetable=timetable,
                session=by_pk[unplaced.session],
                days=by_pk[unplaced.session].days,
                reasons=[
                    {"code": reason.code, "detail": reason.detail, **reason.fields}
                    for reason in unplaced.reasons
                ],
            )
        )
    TimetableEntry.objects.bulk_create(entries)
    log_activity(
        campus=cohort.campus,
        actor=actor,
        action="timetable.planned",
        subject=timetable,
        data={"status": result.status, "placed": len(result.placements), "unplaced": len(result.unplaced)},
    )
    return timetable
