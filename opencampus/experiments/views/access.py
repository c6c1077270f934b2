"""Finding the experiment a page is about, and who may see and change it."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from ..models import Experiment
from ..services.errors import ExperimentError

EXPERIMENT_RELATED = (
    "campus",
    "theme",
    "agenda",
    "working_group__agenda",
    "working_group__cohort",
    "organisation",
    "field_site__district",
)


def detail_url(experiment):
    return campus_reverse(experiment.campus, "experiments:detail", pk=experiment.pk)


def manage_url(campus, name="list", **kwargs):
    return campus_reverse(campus, f"experiments_manage:{name}", **kwargs)


def show_error(form, error: ExperimentError):
    """Put a service's refusal next to the input it is about (or on top of the form)."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


class ExperimentMixin:
    """The campus's experiment at ``pk``; a hidden one exists only for those who may read it."""

    @cached_property
    def experiment(self):
        experiment = get_object_or_404(
            Experiment.objects.select_related(*EXPERIMENT_RELATED),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )
        if not self.request.user.has_perm("experiments.view_experiment", experiment):
            raise Http404("No such experiment.")
        return experiment


class ContributeMixin(ExperimentMixin, ManagePermissionMixin):
    """Pages of the experiment's team and the campus team; others who can read it get 403."""

    permission_required = "experiments.contribute"

    def get_permission_object(self):
        return self.experiment


class ExperimentsManageMixin(ManagePermissionMixin):
    permission_required = "experiments.manage"
