import pytest
from django_scopes import scopes_disabled

from opencampus.agendas.models import SdgGoal, SdgTarget
from opencampus.agendas.services.similarity import index_agenda
from tests import english
from tests.factories import AgendaFactory, DistrictFactory, ThemeFactory

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture
def theme(campus):
    with scopes_disabled():
        return ThemeFactory(campus=campus, name_en="Waste", slug="waste")


@pytest.fixture
def district(campus):
    with scopes_disabled():
        return DistrictFactory(campus=campus, name_en="Eunpyeong-gu", name_ko="은평구")


@pytest.fixture
def goal_11(db):
    """Works before and after the SDG data migration lands."""
    goal, _created = SdgGoal.objects.get_or_create(
        number=11,
        defaults={
            "title_en": "Sustainable cities and communities",
            "title_ko": "지속가능한 도시",
            "colour": "#FD9D24",
        },
    )
    return goal


@pytest.fixture
def target_11_6(goal_11):
    target, _created = SdgTarget.objects.get_or_create(
        code="11.6",
        campus=None,
        defaults={
            "goal": goal_11,
            "text_en": "Reduce the environmental impact of cities",
            "text_ko": "도시 환경영향 감소",
        },
    )
    return target


@pytest.fixture
def make_agenda(campus):
    """``make_agenda(title_en=…, on=other_campus, indexed=True)``: a proposed problem."""

    def make(*, on=None, indexed=False, **fields):
        with scopes_disabled():
            agenda = AgendaFactory(campus=on or campus, **fields)
            if indexed:
                index_agenda(agenda=agenda)
            return agenda

    return make


@pytest.fixture
def agenda(make_agenda):
    return make_agenda(title_en="Rubbish piles up in the alleys of Eunpyeong")


UNRELATED = [
    ("Too few benches at the bus stops", "Older people wait standing for the night buses."),
    ("Street lights are off in the park", "The path along the stream is dark after eight."),
    ("Noisy construction at night", "Trucks unload next to the flats after midnight."),
    ("No shade in the playground", "Children cannot play in summer; the slide burns."),
    ("Flooded underpass after rain", "The drains are blocked and the tunnel fills with water."),
    ("Bicycles stolen at the station", "There is no camera and no lock ring near the exit."),
    ("Hard to find a clinic open on Sundays", "Parents travel far with sick children at weekends."),
    ("Cafés throw away good bread", "Unsold bread goes to the bin every evening."),
]


@pytest.fixture
def neighbours(make_agenda):
    """Unrelated problems, so that words shared with one other problem stand out (as on a real campus)."""
    return [make_agenda(title_en=title, description_en=text, indexed=True) for title, text in UNRELATED]
