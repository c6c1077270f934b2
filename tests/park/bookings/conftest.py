from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.park.services.bookings import request_booking
from tests.factories import SpaceFactory


@pytest.fixture(autouse=True)
def _unscoped(db):
    with scopes_disabled():
        yield


@pytest.fixture
def day(campus):
    """``day(3)``: the date three days from today on the campus."""
    today = timezone.now().astimezone(campus.tz).date()
    return lambda offset: today + timedelta(days=offset)


@pytest.fixture
def at(campus, day):
    """``at(3, "10:00")``: that wall-clock time three days from today on the campus."""
    return lambda offset, clock: datetime.combine(day(offset), time.fromisoformat(clock), tzinfo=campus.tz)


@pytest.fixture
def room(campus):
    return SpaceFactory(campus=campus, slug="seminar-1", name_en="Seminar room 1", capacity=20)


@pytest.fixture
def book(at):
    """``book(person, space, 3, "10:00", "11:00", **options)``: a booking made through the service."""

    def make(actor, space, offset, start, end, title="Workshop", **options):
        return request_booking(
            space=space, actor=actor, title=title, start=at(offset, start), end=at(offset, end), **options
        ).booking

    return make
