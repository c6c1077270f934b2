"""KRW amounts: stored as whole won in Decimal, shown in won or in thousand won."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _


def to_won(amount):
    return Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def to_thousand_won(amount):
    return (Decimal(amount) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def format_krw(amount):
    if amount in (None, ""):
        return ""
    return _("KRW %(amount)s") % {"amount": f"{to_won(amount):,}"}


def format_thousand_krw(amount):
    if amount in (None, ""):
        return ""
    return _("KRW %(amount)s thousand") % {"amount": f"{to_thousand_won(amount):,}"}
