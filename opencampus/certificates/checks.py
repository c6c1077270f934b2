"""A start-up warning when certificate PDFs could not be made (no Korean font)."""

from django.core import checks

from .services.pdf import KoreanFontMissing, korean_font


@checks.register()
def korean_font_installed(app_configs, **kwargs):
    try:
        korean_font()
    except KoreanFontMissing as error:
        return [checks.Warning(str(error), id="certificates.W001")]
    return []
