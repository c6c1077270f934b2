import pytest
from django_scopes import scopes_disabled

from tests import english
from tests.factories import (
    AgendaFactory,
    CohortAgendaFactory,
    CohortFactory,
    GroupMemberFactory,
    ParticipantFactory,
    TrackFactory,
    WorkingGroupFactory,
)

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture
def cohort(campus):
    with scopes_disabled():
        return CohortFactory(track=TrackFactory(campus=campus), campus=campus, name_en="Spring cohort")


@pytest.fixture
def other_cohort(campus):
    """Another cohort of the same campus."""
    with scopes_disabled():
        return CohortFactory(track=TrackFactory(campus=campus), campus=campus, name_en="Autumn cohort")


@pytest.fixture
def join(make_person):
    """``join(cohort, **person_fields)``: a new person taking part in ``cohort``."""

    def make(cohort, **fields):
        user = make_person(cohort.campus, "participant", **fields)
        with scopes_disabled():
            return ParticipantFactory(cohort=cohort, user=user)

    return make


@pytest.fixture
def offer(campus):
    """``offer(cohort, title_en="…", max_groups=1)``: a new agenda offered to ``cohort``."""

    def make(cohort, max_groups=1, **agenda_fields):
        with scopes_disabled():
            agenda = AgendaFactory(campus=cohort.campus, **agenda_fields)
            return CohortAgendaFactory(cohort=cohort, agenda=agenda, max_groups=max_groups)

    return make


@pytest.fixture
def group_of(campus):
    """``group_of(cohort, *participants, agenda=None, name=…)``: a group with those members."""

    def make(cohort, *participants, **fields):
        with scopes_disabled():
            group = WorkingGroupFactory(cohort=cohort, **fields)
            for participant in participants:
                GroupMemberFactory(group=group, participant=participant)
            return group

    return make
