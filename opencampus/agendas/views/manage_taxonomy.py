"""The campus team's lists of themes, districts and local SDG targets, and the proposal policy."""

import copy

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ..forms.manage import DistrictForm, LocalTargetForm, PolicyForm, ThemeForm
from ..models import District, SdgTarget, Theme
from ..services.errors import AgendaError
from ..services.policy import agenda_policy, set_agenda_policy
from ..services.taxonomy import delete_district, delete_local_target, remove_theme, save_record
from .manage import AgendasManageMixin, manage_url


class ThemeListView(AgendasManageMixin, View):
    def get(self, request):
        themes = Theme.objects.filter(campus=request.campus).annotate(used=Count("agendas"))
        return render(request, "agendas/manage/themes.html", {"themes": themes})


class DistrictListView(AgendasManageMixin, View):
    def get(self, request):
        districts = District.objects.filter(campus=request.campus).annotate(used=Count("agendas"))
        return render(request, "agendas/manage/districts.html", {"districts": districts})


class LocalTargetListView(AgendasManageMixin, View):
    def get(self, request):
        targets = (
            SdgTarget.objects.filter(campus=request.campus)
            .select_related("goal")
            .annotate(used=Count("agendas"))
            .order_by("goal__number", "code", "pk")
        )
        return render(request, "agendas/manage/targets.html", {"targets": targets})


class RecordEditorView(AgendasManageMixin, View):
    """Add (no ``pk``) or change one of the campus's records; another campus's is not found."""

    model = form_class = None
    kind = list_name = ""
    add_heading = change_heading = ""

    def queryset(self):
        return self.model.objects.filter(campus=self.request.campus)

    def record(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.queryset(), pk=self.kwargs["pk"])

    def make_form(self, record, data=None):
        return self.form_class(data, instance=copy.copy(record), campus=self.request.campus)

    def render_form(self, form, record, status=200):
        context = {
            "form": form,
            "record": record,
            "heading": self.change_heading if record else self.add_heading,
            "back": manage_url(self.request.campus, self.list_name),
        }
        return render(self.request, "agendas/manage/record_form.html", context, status=status)

    def get(self, request, **kwargs):
        record = self.record()
        return self.render_form(self.make_form(record), record)

    def post(self, request, **kwargs):
        record = self.record()
        form = self.make_form(record, request.POST)
        if not form.is_valid():
            return self.render_form(form, record, status=400)
        save_record(record=form.save(commit=False), actor=request.user, kind=self.kind)
        messages.success(request, _("Saved."))
        return redirect(manage_url(request.campus, self.list_name))


class ThemeEditorView(RecordEditorView):
    model, form_class, kind, list_name = Theme, ThemeForm, "theme", "themes"
    add_heading, change_heading = gettext_lazy("Add a theme"), gettext_lazy("Change the theme")


class DistrictEditorView(RecordEditorView):
    model, form_class, kind, list_name = District, DistrictForm, "district", "districts"
    add_heading, change_heading = gettext_lazy("Add a district"), gettext_lazy("Change the district")


class LocalTargetEditorView(RecordEditorView):
    model, form_class, kind, list_name = SdgTarget, LocalTargetForm, "sdg_target", "targets"
    add_heading, change_heading = (
        gettext_lazy("Add a local SDG target"),
        gettext_lazy("Change the local target"),
    )


class RemoveThemeView(AgendasManageMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        theme = get_object_or_404(Theme, campus=request.campus, pk=pk)
        if remove_theme(theme=theme, actor=request.user):
            messages.success(request, _("The theme is deleted."))
        else:
            messages.info(
                request, _("Records use this theme, so it stays for them but is no longer offered.")
            )
        return redirect(manage_url(request.campus, "themes"))


class DeleteDistrictView(AgendasManageMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        district = get_object_or_404(District, campus=request.campus, pk=pk)
        delete_district(district=district, actor=request.user)
        messages.success(request, _("The district is deleted."))
        return redirect(manage_url(request.campus, "districts"))


class DeleteLocalTargetView(AgendasManageMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        target = get_object_or_404(SdgTarget, campus=request.campus, pk=pk)
        try:
            delete_local_target(target=target, actor=request.user)
        except AgendaError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The local target is deleted."))
        return redirect(manage_url(request.campus, "targets"))


class PolicyView(AgendasManageMixin, View):
    template_name = "agendas/manage/policy.html"

    def get(self, request):
        form = PolicyForm(instance=agenda_policy(request.campus))
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = PolicyForm(request.POST, instance=copy.copy(agenda_policy(request.campus)))
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        set_agenda_policy(
            campus=request.campus,
            actor=request.user,
            allow_self_endorsement=form.cleaned_data["allow_self_endorsement"],
        )
        messages.success(request, _("Saved."))
        return redirect(manage_url(request.campus, "index"))
