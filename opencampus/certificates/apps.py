from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "opencampus.certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from opencampus.people.signals import collect_personal_data, erase_personal_data

        from . import checks, personal_data  # noqa: F401 (checks registers itself)

        collect_personal_data.connect(personal_data.collect, dispatch_uid="certificates.personal_data")
        erase_personal_data.connect(personal_data.erase, dispatch_uid="certificates.personal_data")
