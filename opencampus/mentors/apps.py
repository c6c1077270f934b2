from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "opencampus.mentors"
    verbose_name = _("Mentors and instructors")

    def ready(self):
        from . import rules  # noqa: F401 (rules register permissions)
