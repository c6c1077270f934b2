"""The campus team's pages: every experiment (hidden ones too), creating and editing them, their
status and their milestones."""

import copy

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from ..forms.experiments import ExperimentForm, StatusForm
from ..forms.milestones import MilestoneForm
from ..models import Experiment, Milestone
from ..services.errors import ExperimentError
from ..services.experiments import create_experiment, set_experiment_status, update_experiment
from ..services.milestones import update_milestone
from ..services.progress import weighted_progress
from .access import EXPERIMENT_RELATED, ExperimentsManageMixin, manage_url, show_error
from .lists import ExperimentListMixin


class ManageListView(ExperimentsManageMixin, ExperimentListMixin):
    template_name = "experiments/manage/list.html"

    def experiments(self):
        return Experiment.objects.filter(campus=self.request.campus)


class ManagedExperimentMixin(ExperimentsManageMixin):
    @cached_property
    def experiment(self):
        return get_object_or_404(
            Experiment.objects.select_related(*EXPERIMENT_RELATED),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )


class NewExperimentView(ExperimentsManageMixin, View):
    template_name = "experiments/manage/experiment_form.html"

    def render_form(self, form, status=200):
        return render(self.request, self.template_name, {"form": form}, status=status)

    def get(self, request):
        return self.render_form(ExperimentForm(campus=request.campus))

    def post(self, request):
        form = ExperimentForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                experiment = create_experiment(
                    campus=request.campus, actor=request.user, **form.experiment_fields()
                )
            except ExperimentError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The experiment is created; add its milestones."))
                return redirect(manage_url(request.campus, "edit", pk=experiment.pk))
        return self.render_form(form, status=400)


class EditExperimentView(ManagedExperimentMixin, View):
    """The whole experiment, its status and its milestones on one page."""

    template_name = "experiments/manage/experiment_form.html"

    def render_page(self, form=None, status_form=None, status=200):
        experiment = self.experiment
        milestones = list(experiment.milestones.all())
        context = {
            "experiment": experiment,
            "form": form or ExperimentForm(instance=copy.copy(experiment), campus=self.request.campus),
            "status_form": status_form or StatusForm(experiment=experiment),
            "milestones": milestones,
            "progress": weighted_progress(milestones),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page()

    def post(self, request, pk):
        form = ExperimentForm(request.POST, instance=copy.copy(self.experiment), campus=request.campus)
        if form.is_valid():
            try:
                update_experiment(experiment=self.experiment, actor=request.user, **form.experiment_fields())
            except ExperimentError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(manage_url(request.campus, "edit", pk=pk))
        return self.render_page(form=form, status=400)


class StatusView(EditExperimentView):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = StatusForm(request.POST, experiment=self.experiment)
        if form.is_valid():
            try:
                set_experiment_status(
                    experiment=self.experiment,
                    to_status=form.cleaned_data["status"],
                    actor=request.user,
                    base_url=request.build_absolute_uri("/"),
                )
            except ExperimentError as error:
                form.add_error("status", error.message)
            else:
                messages.success(
                    request,
                    _("The status is now: %(status)s.") % {"status": self.experiment.get_status_display()},
                )
                return redirect(manage_url(request.campus, "edit", pk=pk))
        return self.render_page(status_form=form, status=400)


class EditMilestoneView(ManagedExperimentMixin, View):
    template_name = "experiments/milestone_form.html"

    @cached_property
    def milestone(self):
        return get_object_or_404(Milestone, experiment=self.experiment, pk=self.kwargs["milestone_pk"])

    def render_form(self, form, status=200):
        context = {"experiment": self.experiment, "milestone": self.milestone, "form": form}
        return render(self.request, self.template_name, context, status=status)

    def make_form(self, data=None):
        return MilestoneForm(data, instance=copy.copy(self.milestone), experiment=self.experiment)

    def get(self, request, pk, milestone_pk):
        return self.render_form(self.make_form())

    def post(self, request, pk, milestone_pk):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                update_milestone(milestone=self.milestone, actor=request.user, **form.milestone_fields())
            except ExperimentError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(manage_url(request.campus, "edit", pk=pk))
        return self.render_form(form, status=400)
