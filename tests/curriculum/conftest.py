from datetime import time, timedelta

import pytest
from django_scopes import scopes_disabled

from opencampus.programs.models import CohortSlot
from tests import english
from tests.curriculum_helpers import MONDAY, make_cohort
from tests.factories import SpaceFactory

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture
def cohort(campus):
    """Four weeks from MONDAY, 20 places, meeting on Tuesday evenings."""
    cohort = make_cohort(campus, starts_on=MONDAY, ends_on=MONDAY + timedelta(weeks=4), size=20, weeks=4)
    with scopes_disabled():
        CohortSlot.objects.create(
            campus=campus, cohort=cohort, weekday=1, starts_at=time(19), ends_at=time(22)
        )
    return cohort


@pytest.fixture
def room(campus):
    return SpaceFactory(campus=campus, slug="lab", name_en="Social Innovation Lab", capacity=30)
