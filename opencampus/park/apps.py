from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkConfig(AppConfig):
    name = "opencampus.park"
    verbose_name = _("Park operations")
