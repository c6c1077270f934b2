from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperimentsConfig(AppConfig):
    name = "opencampus.experiments"
    verbose_name = _("Experiments and projects")

    def ready(self):
        from opencampus.agendas import lineage as agenda_lineage
        from opencampus.people.signals import collect_personal_data

        from . import lineage, personal_data, rules  # noqa: F401 (rules register permissions)

        agenda_lineage.register("experiments", lineage.experiment_steps)
        collect_personal_data.connect(personal_data.collect, dispatch_uid="experiments.personal_data")
