from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "opencampus.programs"
    verbose_name = _("Courses and cohorts")

    def ready(self):
        from opencampus.calls.models import Application
        from opencampus.calls.signals import application_state_changed
        from opencampus.people.signals import collect_personal_data, erase_personal_data

        from . import participation_rules, personal_data, receivers, rules  # noqa: F401 (rules register permissions)

        application_state_changed.connect(
            receivers.follow_application, sender=Application, dispatch_uid="programs.follow_application"
        )
        collect_personal_data.connect(personal_data.collect, dispatch_uid="programs.personal_data")
        erase_personal_data.connect(personal_data.erase, dispatch_uid="programs.personal_data")
