"""The experiments' part of a social problem's story (registered in ``apps.ready``).

An experiment belongs to a problem directly (``Experiment.agenda``) or through its working group;
completed ones with results add a result step. One query whatever the number of experiments and
milestones: visibility and progress are computed in the database.
"""

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from opencampus.agendas.lineage import Step
from opencampus.core.links import campus_reverse

from .models import Experiment
from .services.progress import with_progress
from .services.visibility import visible_experiments, with_group_access

SUMMARY_CHARS = 200


def shortened(text):
    return Truncator(text).chars(SUMMARY_CHARS)


def experiment_steps(agenda, *, viewer):
    campus = agenda.campus
    experiments = Experiment.objects.filter(campus=campus).filter(
        Q(agenda=agenda) | Q(working_group__agenda=agenda)
    )
    experiments = visible_experiments(experiments, viewer=viewer, campus=campus)
    experiments = with_group_access(with_progress(experiments), viewer=viewer, campus=campus)
    steps = []
    for experiment in experiments.order_by("starts_on", "pk"):
        url = campus_reverse(campus, "experiments:detail", pk=experiment.pk)
        group_url = ""
        if experiment.opens_group:
            group_url = campus_reverse(campus, "workgroups:group", pk=experiment.working_group_id)
        steps.append(
            Step(
                kind="experiment",
                kind_label=str(experiment.get_kind_display()),
                title=experiment.title,
                url=url,
                date=experiment.starts_on,
                summary=shortened(experiment.hypothesis),
                progress=experiment.progress,
                status=str(experiment.get_status_display()),
                parent_url=group_url,
            )
        )
        if experiment.status == Experiment.Status.COMPLETED and experiment.results.strip():
            steps.append(
                Step(
                    kind="result",
                    kind_label=_("result"),
                    title=_("Results of %(title)s") % {"title": experiment.title},
                    url=f"{url}#results",
                    date=experiment.ends_on,
                    summary=shortened(experiment.results),
                    parent_url=url,
                )
            )
    return steps
