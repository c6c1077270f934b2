from decimal import Decimal

import pytest
from django.utils import translation

from opencampus.core.money import format_krw, format_thousand_krw, to_thousand_won


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(72_000_000, Decimal(72_000)), (11_700_000, Decimal(11_700)), (1_500, Decimal(2))],
)
def test_thousand_won_rounds_half_up(amount, expected):
    assert to_thousand_won(amount) == expected


def test_budget_amount_in_korean():
    with translation.override("ko"):
        assert format_thousand_krw(204_000_000) == "204,000천원"


def test_budget_amount_in_english():
    with translation.override("en"):
        assert format_thousand_krw(204_000_000) == "KRW 204,000 thousand"


def test_won_amount_in_korean():
    with translation.override("ko"):
        assert format_krw(300_000) == "300,000원"


def test_empty_amount_shows_nothing():
    assert format_krw(None) == ""
