import pytest
from django.db import transaction
from django_scopes import scope

from opencampus.demo.loader import load_demo

PASSWORD = "demo-password-for-tests"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load once for the module, inside a transaction rolled back when the module ends.

    Each test's own transaction nests inside it as a savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo(password=PASSWORD)
        transaction.set_rollback(True)


@pytest.fixture
def seoul(demo):
    """The Seoul campus, its scope active for the test."""
    campus = demo.campuses["seoul"]
    with scope(campus=campus):
        yield campus
