import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled
from PIL import Image

from opencampus.core.links import campus_reverse
from opencampus.people.models import Membership
from tests import english
from tests.factories import (
    AgendaFactory,
    ExperimentFactory,
    GroupMemberFactory,
    MembershipFactory,
    MilestoneFactory,
    OrganisationFactory,
    ParticipantFactory,
    WorkingGroupFactory,
)

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def in_campus(campus):
    """``with in_campus(): …`` runs queries inside the campus's scope, as views do."""
    return lambda: scope(campus=campus)


@pytest.fixture
def make_experiment(campus):
    def make(on=None, milestones=(), **fields):
        with scopes_disabled():
            experiment = ExperimentFactory(campus=on or campus, **fields)
            for weight, progress in milestones:
                MilestoneFactory(experiment=experiment, weight=weight, progress=progress)
        return experiment

    return make


@pytest.fixture
def group(campus):
    with scopes_disabled():
        return WorkingGroupFactory(cohort__track__campus=campus, campus=campus)


@pytest.fixture
def member(group, make_person, campus):
    """An active participant in ``group``."""
    person = make_person(campus, "participant")
    with scopes_disabled():
        GroupMemberFactory(group=group, participant=ParticipantFactory(cohort=group.cohort, user=person))
    return person


@pytest.fixture
def outsider(make_person, campus):
    """A participant of the campus in no team."""
    return make_person(campus, "participant")


@pytest.fixture
def organisation(campus):
    with scopes_disabled():
        return OrganisationFactory(campus=campus)


@pytest.fixture
def org_manager(organisation, make_person, campus):
    person = make_person(campus, "resident")
    with scopes_disabled():
        MembershipFactory(organisation=organisation, user=person, role=Membership.Role.MANAGER)
    return person


@pytest.fixture
def org_member(organisation, make_person, campus):
    """A plain member of the organisation: not one who acts for it."""
    person = make_person(campus, "resident")
    with scopes_disabled():
        MembershipFactory(organisation=organisation, user=person, role=Membership.Role.MEMBER)
    return person


@pytest.fixture
def agenda(campus):
    with scopes_disabled():
        return AgendaFactory(campus=campus)


def url(campus, name, **kwargs):
    return campus_reverse(campus, name, **kwargs)


def fresh(record):
    with scopes_disabled():
        return type(record).objects.get(pk=record.pk)


def count_queries(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


def picture(name="photo.png", image_format="PNG", size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 107, 58)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def text_file(name="notes.txt", content=b"Minutes of the meeting with the residents."):
    return SimpleUploadedFile(name, content)
