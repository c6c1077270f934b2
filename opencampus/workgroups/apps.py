from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "opencampus.workgroups"
    verbose_name = _("Working groups")

    def ready(self):
        from opencampus.agendas import lineage as agenda_lineage
        from opencampus.people.signals import collect_personal_data, erase_personal_data

        from . import lineage, personal_data, rules  # noqa: F401 (rules register permissions)

        agenda_lineage.register("working_groups", lineage.working_group_steps)
        collect_personal_data.connect(personal_data.collect, dispatch_uid="workgroups.personal_data")
        erase_personal_data.connect(personal_data.erase, dispatch_uid="workgroups.personal_data")
