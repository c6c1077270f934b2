import os

import pytest
from django_scopes import scope

from opencampus.certificates.services.issuing import issue_certificate
from opencampus.certificates.services.pdf import KoreanFontMissing, korean_font
from tests import english
from tests.curriculum_helpers import make_cohort

from .helpers import BASE_URL, graduates

_english = english.english_pages
make_person = english.people_prefer_english


@pytest.fixture
def cohort(campus):
    return make_cohort(campus)


@pytest.fixture
def graduate(campus, cohort, make_person):
    """A participant who completed ``cohort`` (attended both sessions and presented)."""
    person = make_person(
        campus, "participant", name_ko="김민지", name_en="Kim Minji", email="minji@example.org"
    )
    return graduates(cohort, [person])[0]


@pytest.fixture
def certificate(campus, graduate, staff_member):
    with scope(campus=campus):
        return issue_certificate(graduate, by=staff_member, base_url=BASE_URL)


@pytest.fixture
def foreign_certificate(other_campus, other_operator, make_person):
    """A certificate of the other campus, issued by its own operator."""
    busan_cohort = make_cohort(other_campus, slug="busan-pilot", name_en="Busan pilot")
    holder = graduates(busan_cohort, [make_person(other_campus, "participant", name_en="Park Jisu")])[0]
    with scope(campus=other_campus):
        return issue_certificate(holder, by=other_operator, base_url=BASE_URL)


@pytest.fixture
def korean_font_installed():
    """./dev test installs Debian's fonts-nanum as root; elsewhere say what is missing (CI fails)."""
    try:
        korean_font()
    except KoreanFontMissing as missing:
        if os.environ.get("CI"):
            pytest.fail(str(missing))
        pytest.skip(str(missing))
