"""An instructor is never engaged in two sessions at once across the campus's cohorts: the planner
avoids their published engagements elsewhere, and publishing refuses an overlap that remains."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from opencampus.programs.models import Engagement, InstructorAvailability, Session, Timetable, TimetableEntry
from opencampus.programs.services.planning import plan_timetable
from opencampus.programs.services.publishing import PublishError, publish_timetable
from tests.curriculum_helpers import MONDAY, make_cohort

DASH = "\N{EN DASH}"
TUESDAY = MONDAY + timedelta(days=1)


@pytest.fixture
def staff(campus, make_person):
    return make_person(campus, "staff")


@pytest.fixture
def teacher(campus, make_person):
    person = make_person(campus, "mentor", name_en="Kim Minji")
    with scopes_disabled():
        InstructorAvailability.objects.create(
            campus=campus, instructor=person, weekday=1, starts_at=time(18), ends_at=time(23)
        )
    return person


@pytest.fixture
def autumn(campus):
    return make_cohort(campus, slug="autumn", name_en="Autumn cohort", starts_on=MONDAY, size=20, weeks=4)


def at(campus, day, hour):
    return datetime.combine(day, time(hour), tzinfo=campus.tz)


def taught_elsewhere(
    cohort, person, starts_at, *, title="Policy lab", days=1, state=Engagement.State.CONFIRMED
):
    """``person`` engaged in a session of ``cohort``'s published timetable, three hours from ``starts_at``."""
    with scopes_disabled():
        timetable = Timetable.objects.create(
            campus=cohort.campus,
            cohort=cohort,
            number=1,
            state=Timetable.State.PUBLISHED,
            solver_status="optimal",
            published_at=timezone.now(),
        )
        session = Session.objects.create(
            campus=cohort.campus,
            cohort=cohort,
            title_en=title,
            days=days,
            offsite=True,
            offsite_place="Field",
        )
        session.instructors.add(person)
        TimetableEntry.objects.create(
            campus=cohort.campus,
            timetable=timetable,
            session=session,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=3),
            days=days,
            week=1,
        )
        return Engagement.objects.create(
            campus=cohort.campus, session=session, instructor=person, state=state
        )


def lecture_in_week_one(cohort, person):
    with scopes_disabled():
        session = Session.objects.create(
            campus=cohort.campus, cohort=cohort, title_en="Lecture", earliest_week=1, latest_week=1
        )
        session.instructors.add(person)
    return session


def plan(cohort, staff):
    with scope(campus=cohort.campus):
        return plan_timetable(cohort=cohort, actor=staff, time_limit=10, workers=2)


def placed(timetable):
    with scopes_disabled():
        return timetable.entries.get()


def test_the_planner_keeps_an_instructor_out_of_their_published_sessions_elsewhere(
    campus, cohort, room, staff, teacher, autumn
):
    taught_elsewhere(autumn, teacher, at(campus, TUESDAY, 20))
    lecture_in_week_one(cohort, teacher)
    entry = placed(plan(cohort, staff))
    assert entry.starts_at is None
    assert entry.reasons[0]["code"] == "instructor_unavailable"


def test_a_declined_engagement_elsewhere_leaves_the_instructor_free(
    campus, cohort, room, staff, teacher, autumn
):
    taught_elsewhere(autumn, teacher, at(campus, TUESDAY, 20), state=Engagement.State.DECLINED)
    lecture_in_week_one(cohort, teacher)
    entry = placed(plan(cohort, staff))
    assert entry.starts_at == at(campus, TUESDAY, 19)


def test_the_planner_sees_every_day_of_a_field_study_elsewhere(campus, cohort, room, staff, teacher, autumn):
    taught_elsewhere(autumn, teacher, at(campus, MONDAY, 19), days=3)  # Monday to Wednesday evenings
    lecture_in_week_one(cohort, teacher)
    assert placed(plan(cohort, staff)).starts_at is None


def test_publishing_refuses_an_overlap_published_since_planning(campus, cohort, room, staff, teacher, autumn):
    lecture_in_week_one(cohort, teacher)
    timetable = plan(cohort, staff)
    assert placed(timetable).starts_at == at(campus, TUESDAY, 19)
    taught_elsewhere(autumn, teacher, at(campus, MONDAY, 20), title="Field study", days=3)
    with translation.override("en"), scope(campus=campus), pytest.raises(PublishError) as error:
        publish_timetable(timetable=timetable, actor=staff)
    assert str(error.value) == (
        "An instructor cannot teach two sessions at once. "
        f"Kim Minji teaches “Field study” of Autumn cohort at 2030-03-04 20:00{DASH}23:00 (3 days), "
        f"which overlaps “Lecture” at 2030-03-05 19:00{DASH}22:00. "
        "Plan again to find other times."
    )
    with scopes_disabled():
        timetable.refresh_from_db()
        assert timetable.state == Timetable.State.DRAFT
        assert not Engagement.objects.filter(session__cohort=cohort).exists()


def test_publishing_allows_sessions_elsewhere_that_only_touch_or_were_declined(
    campus, cohort, room, staff, teacher, autumn, make_person
):
    lecture_in_week_one(cohort, teacher)
    timetable = plan(cohort, staff)
    taught_elsewhere(autumn, teacher, at(campus, TUESDAY, 16))  # ends at 19:00, as the lecture starts
    taught_elsewhere(
        make_cohort(campus, slug="winter", starts_on=MONDAY, weeks=4),
        teacher,
        at(campus, TUESDAY, 19),
        state=Engagement.State.DECLINED,
    )
    taught_elsewhere(  # someone else teaches at the same time
        make_cohort(campus, slug="spring", starts_on=MONDAY, weeks=4),
        make_person(campus, "instructor"),
        at(campus, TUESDAY, 19),
    )
    with scope(campus=campus):
        publish_timetable(timetable=timetable, actor=staff)
        timetable.refresh_from_db()
        assert timetable.state == Timetable.State.PUBLISHED
        assert Engagement.objects.filter(session__cohort=cohort, instructor=teacher).count() == 1
