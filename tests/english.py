"""Fixtures for test packages that read pages and letters in English.

A package's conftest binds them under the fixture names its tests use
(``_english = english.english_pages``, ``make_person = english.people_prefer_english``): the
visitor's language cookie and the active language are English, and people made there prefer
English (people who sign in keep their own preference, Korean by default).
"""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_pages(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def people_prefer_english(make_person):
    def make(campus=None, *roles, **fields):
        return make_person(campus, *roles, **{"preferred_language": "en", **fields})

    return make
