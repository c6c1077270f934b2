from django import template

from opencampus.core.money import format_krw, format_thousand_krw

register = template.Library()


@register.filter
def krw(amount):
    """12345000 → “12,345,000원” (“KRW 12,345,000” in English)."""
    return format_krw(amount)


@register.filter
def thousand_krw(amount):
    """Budget figures as public documents show them: 72000000 → “72,000천원”."""
    return format_thousand_krw(amount)
