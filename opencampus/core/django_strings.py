"""Strings of Django itself that its Korean catalogue does not translate yet.

Listing them here puts them in our catalogue, which Django reads before its own
(``LOCALE_PATHS``), so every form reads fully in Korean. Remove an entry once Django's
catalogue translates it.
"""

from django.utils.translation import gettext_noop

UNTRANSLATED_BY_DJANGO = (
    gettext_noop("- Select an option -"),  # the empty choice of every select since Django 6.1
)
