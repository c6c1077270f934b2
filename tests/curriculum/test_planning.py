from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django_scopes import scope, scopes_disabled

from opencampus.core.models import OutboxMessage
from opencampus.park.models import Booking, ClosedDay, Occurrence
from opencampus.park.services.bookings import request_booking
from opencampus.programs.models import (
    Engagement,
    InstructorAbsence,
    InstructorAvailability,
    Session,
    Timetable,
)
from opencampus.programs.services.planning import PlanningError, plan_timetable
from opencampus.programs.services.publishing import PublishError, publish_timetable
from tests.curriculum_helpers import MONDAY, join
from tests.factories import SpaceFactory


@pytest.fixture
def staff(campus, make_person):
    return make_person(campus, "staff")


def instructor(campus, make_person, *windows):
    person = make_person(campus, "instructor")
    with scopes_disabled():
        for weekday, start, end in windows:
            InstructorAvailability.objects.create(
                campus=campus, instructor=person, weekday=weekday, starts_at=time(start), ends_at=time(end)
            )
    return person


def add_session(cohort, title, *, teachers=(), after=(), minutes=180, **fields):
    with scopes_disabled():
        session = Session.objects.create(
            campus=cohort.campus, cohort=cohort, title_en=title, duration_minutes=minutes, **fields
        )
        session.instructors.set(teachers)
        session.after.set(after)
    return session


def local(campus, day, hour):
    return datetime.combine(day, time(hour), tzinfo=campus.tz)


def test_planning_places_every_session_in_the_cohorts_slot_and_a_free_room(
    campus, cohort, room, staff, make_person
):
    teacher = instructor(campus, make_person, (1, 18, 23))
    first = add_session(cohort, "Opening lecture", teachers=[teacher])
    add_session(cohort, "Workshop", teachers=[teacher], after=[first])
    with scope(campus=campus):
        request_booking(
            space=room,
            actor=staff,
            title="Residents' meeting",
            start=local(campus, MONDAY + timedelta(days=1), 19),
            end=local(campus, MONDAY + timedelta(days=1), 21),
        )
        timetable = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        entries = list(timetable.entries.order_by("starts_at"))
    assert timetable.solver_status == "optimal"
    assert timetable.state == Timetable.State.DRAFT
    assert [entry.session.title for entry in entries] == ["Opening lecture", "Workshop"]
    for entry in entries:
        start = entry.starts_at.astimezone(campus.tz)
        assert (start.weekday(), start.hour) == (1, 19)
        assert entry.room == room
        assert entry.week >= 2  # week 1's Tuesday evening is booked
    assert entries[0].ends_at <= entries[1].starts_at


def test_unplaceable_sessions_come_back_with_reasons_in_words(campus, cohort, room, staff, make_person):
    never = instructor(campus, make_person, (5, 10, 12))
    add_session(cohort, "Saturday-only teacher", teachers=[never])
    add_session(cohort, "Too long", minutes=300)
    with scope(campus=campus):
        timetable = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        unplaced = {entry.session.title: entry.reasons for entry in timetable.entries.filter(starts_at=None)}
    assert set(unplaced) == {"Saturday-only teacher", "Too long"}
    assert unplaced["Too long"][0]["code"] == "no_slot_fits"
    assert unplaced["Saturday-only teacher"][0]["code"] == "instructor_never_available"


def test_a_closed_day_and_a_room_too_small_are_respected(campus, cohort, room, staff):
    small = SpaceFactory(campus=campus, slug="small", capacity=5)
    with scopes_disabled():
        ClosedDay.objects.create(
            campus=campus, space=room, date=MONDAY + timedelta(days=1), reason_en="Holiday"
        )
    add_session(cohort, "Lecture", earliest_week=1, latest_week=1)
    with scope(campus=campus):
        timetable = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        (entry,) = timetable.entries.all()
    assert entry.starts_at is None
    assert entry.reasons[0]["code"] == "rooms_booked"
    assert small.pk not in entry.reasons[0]["rooms"]


def test_planning_needs_sessions_and_slots(campus, cohort, staff):
    with scope(campus=campus), pytest.raises(PlanningError, match="sessions"):
        plan_timetable(cohort=cohort, actor=staff)
    add_session(cohort, "Lecture")
    with scopes_disabled():
        cohort.slots.all().delete()
    with scope(campus=campus), pytest.raises(PlanningError, match="weekly slots"):
        plan_timetable(cohort=cohort, actor=staff)


def published_plan(campus, cohort, staff, make_person):
    teacher = instructor(campus, make_person, (1, 18, 23))
    learner = make_person(campus, "participant")
    join(cohort, learner)
    first = add_session(cohort, "Opening lecture", teachers=[teacher], earliest_week=1, latest_week=1)
    add_session(cohort, "Workshop", teachers=[teacher], after=[first])
    with scope(campus=campus):
        timetable = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        changes = publish_timetable(timetable=timetable, actor=staff)
    return timetable, teacher, learner, changes


def test_publishing_books_the_rooms_invites_the_instructors_and_drafts_the_announcements(
    campus, cohort, room, staff, make_person
):
    timetable, teacher, learner, changes = published_plan(campus, cohort, staff, make_person)
    with scope(campus=campus):
        timetable.refresh_from_db()
        entries = list(timetable.entries.select_related("booking"))
        assert timetable.state == Timetable.State.PUBLISHED
        assert [change.kind for change in changes] == ["added", "added"]
        for entry in entries:
            assert entry.booking.state == Booking.State.CONFIRMED
            (occurrence,) = entry.booking.occurrences.all()
            assert (occurrence.start, occurrence.end, occurrence.space) == (
                entry.starts_at,
                entry.ends_at,
                room,
            )
        assert Engagement.objects.filter(instructor=teacher, state=Engagement.State.INVITED).count() == 2
        drafts = {message.to: message for message in OutboxMessage.objects.all()}
    assert "Opening lecture" in drafts[learner.email].body
    assert "please confirm" in drafts[teacher.email].subject
    assert mail.outbox == []  # drafts wait for staff to release them


def test_a_published_version_is_frozen(campus, cohort, room, staff, make_person):
    timetable, *_rest = published_plan(campus, cohort, staff, make_person)
    with scope(campus=campus), pytest.raises(PublishError, match="frozen"):
        publish_timetable(timetable=timetable, actor=staff)


def test_replanning_after_an_absence_moves_only_the_affected_session_and_rebooks_it(
    campus, cohort, room, staff, make_person
):
    published, teacher, learner, _changes = published_plan(campus, cohort, staff, make_person)
    with scope(campus=campus):
        workshop = published.entries.get(session__title_en="Workshop")
        opening = published.entries.get(session__title_en="Opening lecture")
        InstructorAbsence.objects.create(
            campus=campus,
            instructor=teacher,
            starts_at=workshop.starts_at - timedelta(hours=1),
            ends_at=workshop.ends_at + timedelta(hours=1),
            reason="Conference abroad",
        )
        replanned = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        assert replanned.based_on == published
        moved = replanned.entries.get(session__title_en="Workshop")
        kept = replanned.entries.get(session__title_en="Opening lecture")
        assert kept.starts_at == opening.starts_at
        assert moved.starts_at != workshop.starts_at
        changes = publish_timetable(timetable=replanned, actor=staff)
        assert [(change.kind, change.session.title) for change in changes] == [("moved", "Workshop")]
        published.refresh_from_db()
        kept.refresh_from_db()
        moved.refresh_from_db()
        assert published.state == Timetable.State.SUPERSEDED
        assert kept.booking_id == opening.booking_id
        assert Occurrence.objects.get(booking_id=workshop.booking_id).state == Occurrence.State.CANCELLED
        assert Occurrence.objects.get(booking=moved.booking).start == moved.starts_at
        letters = OutboxMessage.objects.filter(to=learner.email).order_by("pk")
        assert "Changes to the timetable" in letters.last().subject
        assert "Workshop" in letters.last().body


def test_publishing_fails_whole_when_a_room_was_booked_meanwhile(campus, cohort, room, staff, make_person):
    teacher = instructor(campus, make_person, (1, 18, 23))
    add_session(cohort, "Lecture", teachers=[teacher], earliest_week=2, latest_week=2)
    with scope(campus=campus):
        timetable = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        entry = timetable.entries.get()
        request_booking(space=room, actor=staff, title="Meanwhile", start=entry.starts_at, end=entry.ends_at)
        with pytest.raises(PublishError, match="cannot be booked"):
            publish_timetable(timetable=timetable, actor=staff)
        timetable.refresh_from_db()
        assert timetable.state == Timetable.State.DRAFT
        assert not Engagement.objects.exists()
        assert Booking.objects.filter(title__contains="Lecture").count() == 0


def test_a_timetable_with_unplaced_sessions_cannot_be_published(campus, cohort, room, staff):
    add_session(cohort, "Too long", minutes=300)
    with scope(campus=campus):
        timetable = plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)
        with pytest.raises(PublishError, match="Too long"):
            publish_timetable(timetable=timetable, actor=staff)
