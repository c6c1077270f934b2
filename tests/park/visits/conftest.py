from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.park.models import VisitRequest
from tests.factories import TourSlotFactory, VisitRequestFactory


@pytest.fixture
def slot(campus):
    with scopes_disabled():
        return TourSlotFactory(campus=campus, capacity=40, start=timezone.now() + timedelta(days=10))


@pytest.fixture
def visit(campus):
    with scopes_disabled():
        return VisitRequestFactory(campus=campus, group_size=15, language="en")


@pytest.fixture
def confirmed(campus, slot):
    with scopes_disabled():
        return VisitRequestFactory(
            campus=campus, group_size=10, state=VisitRequest.State.CONFIRMED, slot=slot
        )


@pytest.fixture
def foreign_visit(other_campus):
    with scopes_disabled():
        slot = TourSlotFactory(campus=other_campus)
        return VisitRequestFactory(
            campus=other_campus, institution="Busan Office", state=VisitRequest.State.CONFIRMED, slot=slot
        )
