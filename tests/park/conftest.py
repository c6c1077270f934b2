import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english(client, settings):
    """The park's tests read pages and messages in English: the visitor's cookie and the
    active language (people who sign in keep their own preference, Korean by default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def make_person(make_person):
    """People made here prefer English, so their pages and letters read in English."""

    def make(campus=None, *roles, **fields):
        return make_person(campus, *roles, **{"preferred_language": "en", **fields})

    return make
