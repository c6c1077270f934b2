from datetime import datetime

import pytest
from django_scopes import scopes_disabled

from tests.factories import SpaceFactory


@pytest.fixture(autouse=True)
def _unscoped(db):
    with scopes_disabled():
        yield


@pytest.fixture
def at(campus):
    """``at("2026-12-02 10:00")``: that wall-clock time on the campus."""

    def make(text, tz=None):
        return datetime.fromisoformat(text).replace(tzinfo=tz or campus.tz)

    return make


@pytest.fixture
def now(at):
    return at("2026-12-01 09:00")


@pytest.fixture
def room(campus):
    return SpaceFactory(campus=campus, slug="seminar-1", name_en="Seminar room 1", capacity=20)
