"""The campus team's lecture-fee pages: fee records with totals, payments and CSV; each cohort's
engagements with their rates."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.core.money import format_krw
from opencampus.core.views.mixins import query_string_without_page
from opencampus.people.views.manage import ManagePermissionMixin

from .. import rules  # noqa: F401 (registers the permissions checked here)
from ..forms.fees import FeeFilterForm, FeeRateForm, MarkPaidForm, SetDueForm
from ..models import Cohort, Engagement, FeeRecord
from ..services import fees as services
from ..services.session_times import published_entries_of

PAGE_SIZE = 100


def fees_url(request):
    """The fee list with the filters the request came with."""
    url = campus_reverse(request.campus, "programs_manage:fees")
    query = query_string_without_page(request)
    return f"{url}?{query}" if query else url


def show_error(form, error):
    form.add_error(error.field if error.field in form.fields else None, error.message)


def due_form(pk, data=None):
    return SetDueForm(data, prefix=f"due-{pk}")


class FeesPermissionMixin(ManagePermissionMixin):
    permission_required = "programs.manage_cohorts"


class FeeListMixin(FeesPermissionMixin):
    def filtered(self):
        form = FeeFilterForm(self.request.GET or None, campus=self.request.campus)
        records = services.fee_records(campus=self.request.campus, **form.filters())
        return form, records

    def render_page(self, *, pay=None, due=None, status=200):
        """The fee list; a refused form comes back bound, with its errors."""
        request = self.request
        filter_form, records = self.filtered()
        page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
        bound_pk, bound_form = due or (None, None)
        pay_form = pay or MarkPaidForm(prefix="pay", campus=request.campus)
        context = {
            "filter_form": filter_form,
            "rows": [
                (record, bound_form if record.pk == bound_pk else due_form(record.pk))
                for record in page.object_list
            ],
            "totals": services.fee_totals(records),
            "pay_form": pay_form,
            "chosen": pay_form.chosen(),
            "cohorts": Cohort.objects.filter(campus=request.campus).order_by("-starts_on", "pk"),
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.has_other_pages(),
            "query_string": query_string_without_page(request),
        }
        return render(request, "programs/fees/list.html", context, status=status)


class FeeListView(FeeListMixin, View):
    def get(self, request):
        return self.render_page()


class FeeExportView(FeeListMixin, View):
    def get(self, request):
        _form, records = self.filtered()
        response = HttpResponse(
            services.fee_records_csv(records).encode(), content_type="text/csv; charset=utf-8"
        )
        day = timezone.localdate(timezone=request.campus.tz)
        response["Content-Disposition"] = (
            f'attachment; filename="lecture-fees-{request.campus.slug}-{day}.csv"'
        )
        return response


class PayFeesView(FeeListMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        form = MarkPaidForm(request.POST, prefix="pay", campus=request.campus)
        if form.is_valid():
            try:
                paid = services.mark_paid(
                    records=list(form.cleaned_data["records"]),
                    paid_on=form.cleaned_data["paid_on"],
                    actor=request.user,
                )
            except services.FeeError as error:
                show_error(form, error)
        if not form.is_valid():
            return self.render_page(pay=form, status=400)
        messages.success(
            request,
            ngettext(
                "%(count)d fee of %(amount)s in all is marked paid.",
                "%(count)d fees of %(amount)s in all are marked paid.",
                len(paid),
            )
            % {"count": len(paid), "amount": format_krw(sum(record.amount for record in paid))},
        )
        return redirect(fees_url(request))


class SetDueView(FeeListMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        record = get_object_or_404(
            FeeRecord.objects.select_related("instructor"), campus=request.campus, pk=pk
        )
        form = due_form(pk, request.POST)
        if form.is_valid():
            try:
                services.mark_due(record=record, reason=form.cleaned_data["reason"], actor=request.user)
            except services.FeeError as error:
                show_error(form, error)
        if not form.is_valid():
            return self.render_page(due=(record.pk, form), status=400)
        messages.success(
            request, _("The fee of %(person)s is to be paid again.") % {"person": record.instructor}
        )
        return redirect(fees_url(request))


# A cohort's engagements and their rates


def rate_form(engagement, data=None):
    return FeeRateForm(
        data, prefix=f"rate-{engagement.pk}", initial={"fee_per_day": f"{engagement.fee_per_day:,}"}
    )


class EngagementsView(FeesPermissionMixin, View):
    @cached_property
    def cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus", "track"),
            campus=self.request.campus,
            slug=self.kwargs["slug"],
        )

    def render_page(self, *, bound=None, status=200):
        engagements = list(services.cohort_engagements(self.cohort))
        entries = {entry.session_id: entry for entry in published_entries_of([self.cohort])}
        bound_pk, bound_form = bound or (None, None)
        rows = [
            {
                "engagement": engagement,
                "entry": entries.get(engagement.session_id),
                "expected": services.expected_amount(engagement),
                "record": getattr(engagement, "fee_record", None),
                "form": bound_form if engagement.pk == bound_pk else rate_form(engagement),
            }
            for engagement in engagements
        ]
        context = {
            "cohort": self.cohort,
            "rows": rows,
            "expected_total": sum(row["expected"] for row in rows if not _declined(row["engagement"])),
        }
        return render(self.request, "programs/fees/engagements.html", context, status=status)

    def get(self, request, slug):
        return self.render_page()


def _declined(engagement):
    return engagement.state == Engagement.State.DECLINED


class ChangeRateView(EngagementsView):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        engagement = get_object_or_404(
            Engagement.objects.select_related("session", "instructor"),
            campus=request.campus,
            session__cohort=self.cohort,
            pk=pk,
        )
        form = rate_form(engagement, request.POST)
        if form.is_valid():
            try:
                services.change_fee_rate(
                    engagement=engagement, fee_per_day=form.cleaned_data["fee_per_day"], actor=request.user
                )
            except services.FeeError as error:
                show_error(form, error)
        if not form.is_valid():
            return self.render_page(bound=(engagement.pk, form), status=400)
        messages.success(
            request,
            _("%(person)s is paid %(rate)s per day for “%(session)s”.")
            % {
                "person": engagement.instructor,
                "rate": format_krw(form.cleaned_data["fee_per_day"]),
                "session": engagement.session.title,
            },
        )
        return redirect(campus_reverse(request.campus, "programs_manage:engagements", slug=self.cohort.slug))
