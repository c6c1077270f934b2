from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkConfig(AppConfig):
    name = "opencampus.park"
    verbose_name = _("Park operations")

    def ready(self):
        from opencampus.people.signals import collect_personal_data, erase_personal_data

        from . import personal_data

        collect_personal_data.connect(personal_data.collect, dispatch_uid="park.personal_data")
        erase_personal_data.connect(personal_data.erase, dispatch_uid="park.personal_data")
