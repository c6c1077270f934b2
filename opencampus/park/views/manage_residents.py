"""The campus team's pages for resident organisations: residencies, booking quotas and the CSV import."""

from datetime import date

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.core.views.mixins import query_string_without_page
from opencampus.people.views.manage import ManagePermissionMixin, error_text

from ..forms.residents import (
    ImportConfirmForm,
    ImportUploadForm,
    MonthForm,
    NewResidencyForm,
    ResidencyForm,
    ResidentFilterForm,
    StateForm,
    sign_import,
)
from ..models import Residency
from ..services.quota_usage import month_bounds, quota_overview, usage_by_organisation
from ..services.residencies import (
    OPEN_STATES,
    TRANSITIONS,
    ResidencyError,
    create_residency,
    set_residency_state,
    update_residency,
)
from ..services.resident_import import ResidentImportError, plan_import, run_import, template_csv


class ResidentsPermissionMixin(ManagePermissionMixin):
    permission_required = "park.manage_residents"


def list_url(campus):
    return campus_reverse(campus, "residents_manage:list")


def edit_url(residency):
    return campus_reverse(residency.campus, "residents_manage:edit", pk=residency.pk)


def this_month(campus):
    return timezone.localdate(timezone=campus.tz).replace(day=1)


class ResidentListView(ResidentsPermissionMixin, ListView):
    template_name = "park/manage/residents/list.html"
    context_object_name = "residencies"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = ResidentFilterForm(self.request.GET or None)
        residencies = Residency.objects.filter(campus=self.request.campus)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        state = data.get("state")
        residencies = residencies.filter(state=state) if state else residencies.filter(state__in=OPEN_STATES)
        if data.get("category"):
            residencies = residencies.filter(organisation__category=data["category"])
        if data.get("q"):
            residencies = residencies.filter(
                Q(organisation__name_ko__icontains=data["q"]) | Q(organisation__name_en__icontains=data["q"])
            )
        return (
            residencies.select_related("organisation")
            .prefetch_related("spaces")
            .order_by("organisation__name_ko", "organisation__name_en", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campus = self.request.campus
        month = this_month(campus)
        month_start, month_end = month_bounds(campus=campus, month=month)
        page = list(context["residencies"])
        used = usage_by_organisation(
            organisation_ids=[residency.organisation_id for residency in page],
            month_start=month_start,
            month_end=month_end,
        )
        for residency in page:
            residency.used_hours = used[residency.organisation_id]
            residency.over_quota = residency.used_hours > residency.monthly_booking_hours
        context.update(
            residencies=page,
            filter_form=self.filter_form,
            month=month,
            query_string=query_string_without_page(self.request),
        )
        return context


class NewResidencyView(ResidentsPermissionMixin, View):
    template_name = "park/manage/residents/form.html"

    def get(self, request):
        form = NewResidencyForm(
            campus=request.campus,
            initial={"starts_on": timezone.localdate(), "monthly_fee": 0, "monthly_booking_hours": 20},
        )
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = NewResidencyForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                residency = create_residency(
                    organisation=form.cleaned_data["organisation"],
                    actor=request.user,
                    spaces=form.cleaned_data["spaces"],
                    state=form.cleaned_data["state"],
                    **form.residency_fields(),
                )
            except ResidencyError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The residency has been created."))
                return redirect(edit_url(residency))
        return render(request, self.template_name, {"form": form})


class ResidencyMixin(ResidentsPermissionMixin):
    def get_residency(self):
        return get_object_or_404(
            Residency.objects.select_related("organisation", "campus"),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )


def history_of(residency):
    return (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Residency), object_id=str(residency.pk)
        )
        .select_related("actor")
        .order_by("-created", "-pk")[:20]
    )


class EditResidencyView(ResidencyMixin, View):
    template_name = "park/manage/residents/form.html"

    def render_page(self, residency, form):
        context = {
            "form": form,
            "residency": residency,
            "next_states": [
                Residency.State(state) for state in Residency.State if state in TRANSITIONS[residency.state]
            ],
            "history": history_of(residency),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, pk):
        residency = self.get_residency()
        initial = {
            name: getattr(residency, name)
            for name in ("starts_on", "ends_on", "monthly_fee", "monthly_booking_hours", "note")
        }
        initial["spaces"] = list(residency.spaces.all())
        return self.render_page(residency, ResidencyForm(campus=request.campus, initial=initial))

    def post(self, request, pk):
        residency = self.get_residency()
        form = ResidencyForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                changed = update_residency(
                    residency=residency,
                    actor=request.user,
                    spaces=form.cleaned_data["spaces"],
                    **form.residency_fields(),
                )
            except ResidencyError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("The residency has been saved.") if changed else _("Nothing has changed.")
                )
                return redirect(edit_url(residency))
        return self.render_page(residency, form)


class ResidencyStateView(ResidencyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        residency = self.get_residency()
        form = StateForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose one of the states."))
            return redirect(edit_url(residency))
        link = request.build_absolute_uri(
            campus_reverse(request.campus, "directory:organisation", slug=residency.organisation.slug)
        )
        try:
            residency = set_residency_state(
                residency=residency, state=form.cleaned_data["state"], actor=request.user, link=link
            )
        except ResidencyError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                _("The residency is now %(state)s. Drafts to the representatives wait in the outbox.")
                % {"state": residency.get_state_display()},
            )
        return redirect(edit_url(residency))


def shift_month(month, months):
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class QuotaView(ResidentsPermissionMixin, View):
    template_name = "park/manage/residents/quota.html"

    def get(self, request):
        month = MonthForm(request.GET).month_start(this_month(request.campus))
        lines = quota_overview(campus=request.campus, month=month)
        context = {
            "month": month,
            "previous_month": shift_month(month, -1),
            "next_month": shift_month(month, 1),
            "lines": lines,
            "over_count": sum(1 for line in lines if line.is_over),
        }
        return render(request, self.template_name, context)


class ImportView(ResidentsPermissionMixin, View):
    """Upload → a dry-run report of every row → confirm, carrying the checked file back signed."""

    template_name = "park/manage/residents/import.html"

    def render_page(self, upload_form, report=None, token=""):
        context = {"upload_form": upload_form, "report": report, "token": token}
        return render(self.request, self.template_name, context)

    def get(self, request):
        return self.render_page(ImportUploadForm())

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request)
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form)
        text = form.cleaned_data["text"]
        report = plan_import(campus=request.campus, text=text)
        token = sign_import(text=text, campus=request.campus, user=request.user) if report.is_clean else ""
        return self.render_page(ImportUploadForm(), report, token)

    def confirm(self, request):
        form = ImportConfirmForm(request.POST, campus=request.campus, user=request.user)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["token"]))
            return redirect(campus_reverse(request.campus, "residents_manage:import"))
        try:
            report = run_import(campus=request.campus, actor=request.user, text=form.cleaned_data["token"])
        except ResidentImportError as error:
            messages.error(request, str(error))
            return redirect(campus_reverse(request.campus, "residents_manage:import"))
        if not report.is_clean:
            messages.error(
                request, _("The data changed since the check; nothing was imported. See the problems below.")
            )
            return self.render_page(ImportUploadForm(), report)
        counts = report.counts
        messages.success(
            request,
            _(
                "Imported: %(organisations_created)d organisations created, "
                "%(organisations_updated)d updated; %(residencies_created)d residencies created, "
                "%(residencies_updated)d updated; %(accounts_created)d accounts created; "
                "%(members_added)d members added, %(members_updated)d updated."
            )
            % {name: counts[name] for name in IMPORT_COUNTS},
        )
        return redirect(list_url(request.campus))


IMPORT_COUNTS = (
    "organisations_created",
    "organisations_updated",
    "residencies_created",
    "residencies_updated",
    "accounts_created",
    "members_added",
    "members_updated",
)


class ImportTemplateView(ResidentsPermissionMixin, View):
    def get(self, request):
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="resident-organisations.csv"'
        return response
