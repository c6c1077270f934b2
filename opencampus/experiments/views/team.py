"""The pages where the experiment's team (and the campus team) keep it up to date: its texts,
milestones and their progress, and the timeline."""

import copy

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from ..forms.experiments import TeamForm
from ..forms.milestones import MilestoneForm, ProgressForm
from ..forms.updates import UpdateForm
from ..models import Milestone
from ..services.errors import ExperimentError
from ..services.experiments import update_experiment
from ..services.milestones import add_milestone, set_milestone_progress
from ..services.updates import post_update
from .access import ContributeMixin, detail_url, show_error


class ContributeFormView(ContributeMixin, View):
    """A form about the experiment; a refusal shows it again with everything typed."""

    template_name = None
    saved_message = None

    def make_form(self, data=None, files=None):
        raise NotImplementedError

    def save(self, form):
        raise NotImplementedError

    def render_form(self, form, status=200):
        context = {"experiment": self.experiment, "form": form, **self.extra_context()}
        return render(self.request, self.template_name, context, status=status)

    def extra_context(self):
        return {}

    def get(self, request, **kwargs):
        return self.render_form(self.make_form())

    def post(self, request, **kwargs):
        form = self.make_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.save(form)
            except ExperimentError as error:
                show_error(form, error)
            else:
                messages.success(request, self.saved_message)
                return redirect(detail_url(self.experiment))
        return self.render_form(form, status=400)


class TeamEditView(ContributeFormView):
    template_name = "experiments/team_form.html"
    saved_message = _("Saved.")

    def make_form(self, data=None, files=None):
        return TeamForm(data, instance=copy.copy(self.experiment))

    def save(self, form):
        update_experiment(experiment=self.experiment, actor=self.request.user, **form.experiment_fields())


class AddMilestoneView(ContributeFormView):
    template_name = "experiments/milestone_form.html"
    saved_message = _("The milestone is added.")

    def make_form(self, data=None, files=None):
        return MilestoneForm(data, experiment=self.experiment)

    def save(self, form):
        add_milestone(experiment=self.experiment, actor=self.request.user, **form.milestone_fields())


class MilestoneProgressView(ContributeFormView):
    template_name = "experiments/progress_form.html"
    saved_message = _("The progress is saved.")

    @cached_property
    def milestone(self):
        return get_object_or_404(Milestone, experiment=self.experiment, pk=self.kwargs["milestone_pk"])

    def extra_context(self):
        return {"milestone": self.milestone}

    def make_form(self, data=None, files=None):
        return ProgressForm(data, initial={"progress": self.milestone.progress})

    def save(self, form):
        set_milestone_progress(
            milestone=self.milestone, progress=form.cleaned_data["progress"], actor=self.request.user
        )


class PostUpdateView(ContributeFormView):
    template_name = "experiments/update_form.html"
    saved_message = _("The update is on the timeline.")

    def make_form(self, data=None, files=None):
        return UpdateForm(data, files)

    def save(self, form):
        post_update(
            experiment=self.experiment,
            author=self.request.user,
            happened_on=form.cleaned_data["happened_on"],
            body=form.cleaned_data["body"],
            files=form.cleaned_data["files"],
        )
