from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.programs.models import Engagement, Session
from tests import english
from tests.curriculum_helpers import held_session, join, make_cohort

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture
def cohort(campus):
    """A cohort running now: it started ten weeks ago and ends in six."""
    return make_cohort(campus, starts_on=timezone.localdate() - timedelta(weeks=10))


@pytest.fixture
def member(cohort, make_person, campus):
    """An active participant of ``cohort`` (with the participant role, as joining grants it)."""
    return join(cohort, make_person(campus, "participant"))


@pytest.fixture
def session_at(cohort):
    """``session_at(start)``: a three-hour session of ``cohort`` in its published timetable."""

    def make(starts_at, **fields):
        return held_session(cohort, starts_at=starts_at, **fields)

    return make


@pytest.fixture
def soon(session_at):
    """A lecture that started five minutes ago (check-in is open for it in real time)."""
    return session_at(timezone.now() - timedelta(minutes=5), title="Systems thinking")


@pytest.fixture
def instructor(campus, make_person):
    return make_person(campus, "instructor")


@pytest.fixture
def engage():
    def make(session, person, state=Engagement.State.INVITED):
        with scopes_disabled():
            session.instructors.add(person)
            return Engagement.objects.create(
                campus=session.campus, session=session, instructor=person, state=state
            )

    return make


@pytest.fixture
def presentation(session_at):
    return session_at(timezone.now() - timedelta(days=1), kind=Session.Kind.PRESENTATION, title="Results")
