from datetime import datetime

import pytest
from django_scopes import scopes_disabled

from opencampus.park.models import Booking, Occurrence
from tests.factories import OrganisationFactory, ResidencyFactory, SpaceFactory


@pytest.fixture(autouse=True)
def _unscoped(db):
    with scopes_disabled():
        yield


@pytest.fixture
def at(campus):
    """``at("2026-12-02 10:00")``: that wall-clock time on the campus."""

    def make(text):
        return datetime.fromisoformat(text).replace(tzinfo=campus.tz)

    return make


@pytest.fixture
def room(campus):
    with scopes_disabled():
        return SpaceFactory(campus=campus, slug="studio", name_ko="스튜디오", name_en="Studio")


@pytest.fixture
def organisation(campus):
    with scopes_disabled():
        return OrganisationFactory(
            campus=campus,
            slug="sunlight",
            name_ko="햇빛발전협동조합",
            name_en="Sunlight Co-op",
            category="environment",
        )


@pytest.fixture
def residency(organisation, room):
    with scopes_disabled():
        residency = ResidencyFactory(organisation=organisation, monthly_booking_hours=10)
        residency.spaces.set([room])
        return residency


@pytest.fixture
def book(room):
    """``book(organisation, start, end)``: a booking with one occurrence in ``state``."""

    def make(organisation, start, end, state="confirmed", title="Workshop", space=None):
        space = space or room
        with scopes_disabled():
            booking = Booking.objects.create(
                campus=space.campus,
                space=space,
                organisation=organisation,
                title=title,
                start=start,
                end=end,
                state=state if state in Booking.State.values else Booking.State.CONFIRMED,
            )
            Occurrence.objects.create(
                campus=space.campus, booking=booking, space=space, start=start, end=end, state=state
            )
        return booking

    return make


@pytest.fixture
def staff_member(campus, make_person):
    """Staff who read the pages in English, so the tests can read them too."""
    return make_person(campus, "staff", preferred_language="en")
