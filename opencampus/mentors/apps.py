from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "opencampus.mentors"
    verbose_name = _("Mentors and instructors")

    def ready(self):
        from opencampus.calls.models import Application
        from opencampus.calls.signals import application_state_changed
        from opencampus.people.signals import collect_personal_data, erase_personal_data

        from . import personal_data, receivers, rules  # noqa: F401 (rules register permissions)

        application_state_changed.connect(
            receivers.follow_application, sender=Application, dispatch_uid="mentors.follow_application"
        )
        collect_personal_data.connect(personal_data.collect, dispatch_uid="mentors.personal_data")
        erase_personal_data.connect(personal_data.erase, dispatch_uid="mentors.personal_data")
