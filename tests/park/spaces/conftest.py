from datetime import date

import pytest
from django_scopes import scopes_disabled

from opencampus.park.models import Space
from tests.factories import SpaceFactory, TrainingFactory


@pytest.fixture
def sign_in(client):
    def sign_in(user):
        user.preferred_language = "en"
        user.save(update_fields=["preferred_language"])
        client.force_login(user)

    return sign_in


@pytest.fixture
def building(campus):
    with scopes_disabled():
        return SpaceFactory(
            campus=campus, slug="main-hall", name_en="Main hall", kind=Space.Kind.BUILDING, capacity=None
        )


@pytest.fixture
def floor(campus, building):
    with scopes_disabled():
        return SpaceFactory(
            campus=campus, slug="second-floor", name_en="Second floor", kind=Space.Kind.FLOOR, parent=building
        )


@pytest.fixture
def room(campus, floor):
    with scopes_disabled():
        return SpaceFactory(campus=campus, slug="fab-lab", name_en="Fab lab", parent=floor, capacity=12)


@pytest.fixture
def training(campus):
    with scopes_disabled():
        return TrainingFactory(campus=campus, slug="laser", name_en="Laser cutter", valid_for_days=180)


@pytest.fixture
def laser(campus, room, training):
    with scopes_disabled():
        return SpaceFactory(
            campus=campus,
            slug="laser-cutter",
            name_en="Laser cutter",
            kind=Space.Kind.EQUIPMENT,
            parent=room,
            capacity=1,
            required_training=training,
        )


@pytest.fixture
def foreign_space(other_campus):
    with scopes_disabled():
        return SpaceFactory(campus=other_campus, slug="busan-hall", name_en="Busan hall")


@pytest.fixture
def day():
    """``day("2026-03-01")``: a date."""
    return date.fromisoformat
