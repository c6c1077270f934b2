from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendasConfig(AppConfig):
    name = "opencampus.agendas"
    verbose_name = _("Social problems")

    def ready(self):
        from opencampus.people.signals import collect_personal_data, erase_personal_data

        from . import personal_data, rules  # noqa: F401 (rules register permissions)

        collect_personal_data.connect(personal_data.collect, dispatch_uid="agendas.personal_data")
        erase_personal_data.connect(personal_data.erase, dispatch_uid="agendas.personal_data")
