import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Services are called outside a request; their messages are checked in English."""
    with translation.override("en"):
        yield
