from datetime import timedelta

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.programs.models import Cohort
from tests import english
from tests.factories import CohortFactory, TrackFactory

_english = english.english_pages
make_person = english.people_prefer_english

WINDOWS = {
    # registration_opens_at, registration_closes_at, relative to now
    "open": (timedelta(days=-1), timedelta(days=7)),
    "closed": (timedelta(days=-8), timedelta(days=-1)),
    "upcoming": (timedelta(days=1), timedelta(days=8)),
}


@pytest.fixture
def make_cohort(campus):
    """``make_cohort("first_come", size=2, window="open")``: a published cohort of ``campus``."""

    def make(admission=Cohort.Admission.SELECTION, *, window="open", on=None, **fields):
        on = on or campus
        if admission != Cohort.Admission.SELECTION:
            opens, closes = WINDOWS[window]
            now = timezone.now()
            fields = {"registration_opens_at": now + opens, "registration_closes_at": now + closes, **fields}
        with scopes_disabled():
            track = fields.pop("track", None) or TrackFactory(campus=on)
            return CohortFactory(track=track, campus=on, admission=admission, **fields)

    return make
