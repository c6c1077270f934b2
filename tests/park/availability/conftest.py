from datetime import datetime

import pytest
from django_scopes import scopes_disabled

from opencampus.park.services.bookings import block_space, request_booking
from tests.factories import SpaceFactory


@pytest.fixture
def unscoped(db):
    with scopes_disabled():
        yield


@pytest.fixture
def at(campus):
    """``at("2030-03-05 10:00")``: that wall-clock time on the campus."""

    def make(text):
        return datetime.fromisoformat(text).replace(tzinfo=campus.tz)

    return make


@pytest.fixture
def make_space(campus):
    def make(**fields):
        with scopes_disabled():
            return SpaceFactory(**{"campus": campus, **fields})

    return make


@pytest.fixture
def building(make_space):
    return make_space(slug="main-hall", name_en="Main hall", kind="building", capacity=200)


@pytest.fixture
def room(make_space, building):
    return make_space(slug="seminar-1", name_en="Seminar room 1", parent=building, capacity=20)


@pytest.fixture
def desk(make_space, room):
    return make_space(slug="desk-1", name_en="Desk 1", parent=room, kind="equipment", capacity=1)


@pytest.fixture
def book(at):
    """``book(person, space, "2030-03-05 10:00", "2030-03-05 12:00")``: booked through the service."""

    def make(
        actor, space, start, end, *, title="Workshop", blocking=False, now="2030-03-01 09:00", **options
    ):
        with scopes_disabled():
            if blocking:
                return block_space(
                    space=space, actor=actor, title=title, start=at(start), end=at(end)
                ).booking
            return request_booking(
                space=space,
                actor=actor,
                title=title,
                start=at(start),
                end=at(end),
                now=at(now),
                **options,
            ).booking

    return make
