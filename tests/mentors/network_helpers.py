"""What the mentor network's tests share: a campus with fields, mentors made in one call, and
readers of the outbox and the activity log. Test modules import the ``*_fixture`` functions they
use; each is registered under its short name (``environment``, ``make_mentor``…)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage
from opencampus.people.models import CampusRole
from tests.factories import MentorFieldFactory, MentorProfileFactory, ParticipantFactory


def url(campus, name, **kwargs):
    return campus_reverse(campus, name, **kwargs)


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def outbox(campus):
    with scopes_disabled():
        return list(OutboxMessage.objects.filter(campus=campus).order_by("pk"))


def actions(campus, prefix=""):
    with scopes_disabled():
        return list(
            ActivityLog.objects.filter(campus=campus, action__startswith=prefix)
            .order_by("pk")
            .values_list("action", flat=True)
        )


def count_queries(client, address, **params):
    """How many queries a successful GET of ``address`` makes."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address, params).status_code == 200
    return len(captured)


def last_entry(campus, action):
    with scopes_disabled():
        return ActivityLog.objects.filter(campus=campus, action=action).latest("pk")


def roles(campus, user):
    with scopes_disabled():
        return set(CampusRole.objects.filter(campus=campus, user=user).values_list("role", flat=True))


@pytest.fixture(name="in_campus")
def in_campus_fixture(campus):
    """``with in_campus(): …`` runs queries inside the campus's scope, as views do."""
    return lambda: scope(campus=campus)


@pytest.fixture(name="environment")
def environment_fixture(campus):
    with scopes_disabled():
        return MentorFieldFactory(campus=campus, code="environment", name_ko="환경", name_en="Environment")


@pytest.fixture(name="digital")
def digital_fixture(campus):
    with scopes_disabled():
        return MentorFieldFactory(
            campus=campus, code="digital", name_ko="디지털", name_en="Digital", position=1
        )


@pytest.fixture(name="make_mentor")
def make_mentor_fixture(campus, environment):
    """``make_mentor(state="pending", …)``: a profile (active by default) in the environment field."""

    def make(on=None, fields=None, **values):
        with scopes_disabled():
            return MentorProfileFactory(
                campus=on or campus, fields=[environment] if fields is None else fields, **values
            )

    return make


@pytest.fixture(name="taking_part")
def taking_part_fixture(campus, make_person):
    """A person taking part in a cohort of the campus (so they see the full directory)."""
    person = make_person(campus, "participant")
    with scopes_disabled():
        ParticipantFactory(cohort__track__campus=campus, campus=campus, user=person)
    return person
