import pytest
from django_scopes import scopes_disabled

from tests.factories import CampusFactory, CampusRoleFactory, UserFactory


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Tasks run in-process in tests; one test runs the real database worker instead."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Templates need no collected manifest in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def campus(db):
    return CampusFactory(slug="seoul", name_ko="서울혁신파크", name_en="Seoul Innovation Park")


@pytest.fixture
def other_campus(db):
    return CampusFactory(slug="busan", name_ko="부산 캠퍼스", name_en="Busan Campus")


@pytest.fixture
def make_person(db):
    """``make_person(campus, "operator", "staff")``: a person holding those roles there."""

    def make(campus=None, *roles, **fields):
        user = UserFactory(**fields)
        with scopes_disabled():
            for role in roles:
                CampusRoleFactory(campus=campus, user=user, role=role)
        return user

    return make


@pytest.fixture
def operator(campus, make_person):
    return make_person(campus, "operator")


@pytest.fixture
def staff_member(campus, make_person):
    return make_person(campus, "staff")


@pytest.fixture
def participant(campus, make_person):
    return make_person(campus, "participant")


@pytest.fixture
def other_operator(other_campus, make_person):
    """Operator of the *other* campus: must never reach this campus's data."""
    return make_person(other_campus, "operator")
