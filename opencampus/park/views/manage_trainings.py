"""The campus team's training pages: trainings, who holds them, recording and revoking records."""

import copy

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.trainings import RecordTrainingForm, TrainingForm
from ..models import Space, Training, TrainingRecord
from ..services import trainings as services
from ..services.trainings import TrainingError, holders_filter
from .manage_spaces import show_error


def trainings_url(campus, name="trainings", **kwargs):
    return campus_reverse(campus, f"spaces_manage:{name}", **kwargs)


class TrainingsPermissionMixin(ManagePermissionMixin):
    permission_required = "park.manage_trainings"


class TrainingMixin(TrainingsPermissionMixin):
    @cached_property
    def training(self):
        return get_object_or_404(
            Training.objects.select_related("campus"), campus=self.request.campus, slug=self.kwargs["slug"]
        )


class TrainingListView(TrainingsPermissionMixin, View):
    template_name = "park/manage/spaces/trainings.html"

    def get(self, request):
        today = timezone.localdate()
        trainings = (
            Training.objects.filter(campus=request.campus)
            .annotate(holders=Count("records__user", filter=holders_filter(today), distinct=True))
            .prefetch_related(Prefetch("spaces", queryset=Space.objects.order_by("name_ko", "name_en", "pk")))
        )
        return render(request, self.template_name, {"trainings": trainings})


class NewTrainingView(TrainingsPermissionMixin, View):
    template_name = "park/manage/spaces/training_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": TrainingForm(campus=request.campus)})

    def post(self, request):
        form = TrainingForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                training = services.create_training(
                    campus=request.campus, actor=request.user, **form.training_fields()
                )
            except TrainingError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The training has been added."))
                return redirect(trainings_url(request.campus, "training", slug=training.slug))
        return render(request, self.template_name, {"form": form})


class EditTrainingView(TrainingMixin, View):
    template_name = "park/manage/spaces/training_form.html"

    def make_form(self, data=None):
        return TrainingForm(data, instance=copy.copy(self.training), campus=self.request.campus)

    def render_form(self, form):
        return render(self.request, self.template_name, {"form": form, "training": self.training})

    def get(self, request, slug):
        return self.render_form(self.make_form())

    def post(self, request, slug):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                training = services.update_training(
                    training=self.training, actor=request.user, **form.training_fields()
                )
            except TrainingError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The training has been saved."))
                return redirect(trainings_url(request.campus, "training", slug=training.slug))
        return self.render_form(form)


class TrainingRecordsView(TrainingMixin, View):
    """A training's records, and the form to record that someone completed it."""

    template_name = "park/manage/spaces/training.html"

    def render_page(self, form):
        today = timezone.localdate()
        records = list(
            TrainingRecord.objects.filter(campus=self.request.campus, training=self.training)
            .select_related("user", "recorded_by")
            .order_by("-completed_on", "pk")
        )
        for record in records:
            record.expired = record.expires_on <= today
        context = {
            "training": self.training,
            "records": records,
            "spaces": self.training.spaces.all(),
            "form": form,
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        return self.render_page(RecordTrainingForm())

    def post(self, request, slug):
        form = RecordTrainingForm(request.POST)
        if form.is_valid():
            person = form.cleaned_data["person"]
            link = request.build_absolute_uri(
                campus_reverse(request.campus, "spaces:training", slug=self.training.slug)
            )
            try:
                services.record_training(
                    training=self.training,
                    user=person,
                    completed_on=form.cleaned_data["completed_on"],
                    actor=request.user,
                    link=link,
                )
            except TrainingError as error:
                show_error(form, error)
            else:
                messages.success(
                    request,
                    _("The training of %(person)s is recorded. A note to them waits in the outbox.")
                    % {"person": person},
                )
                return redirect(trainings_url(request.campus, "training", slug=self.training.slug))
        return self.render_page(form)


class RevokeTrainingView(TrainingMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        record = get_object_or_404(
            TrainingRecord.objects.select_related("user", "training", "campus"),
            campus=request.campus,
            training=self.training,
            pk=pk,
        )
        services.revoke_training(record=record, actor=request.user)
        messages.success(request, _("The record of %(person)s has been revoked.") % {"person": record.user})
        return redirect(trainings_url(request.campus, "training", slug=self.training.slug))
