"""The campus team's visit pages: requests and their decisions, tour slots, reminders, statistics."""

import csv
import io
from datetime import datetime

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog
from opencampus.core.views.mixins import query_string_without_page
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.visits import (
    CancelForm,
    CheckInForm,
    DeclineForm,
    SlotForm,
    TourSlotForm,
    VisitFilterForm,
    country_name,
)
from ..models import TourSlot, VisitRequest, VisitSurvey
from ..services import visits as services
from ..services.visit_stats import chart_bars, year_stats
from .visits import base_url

State = VisitRequest.State
Kind = VisitRequest.InstitutionKind


class VisitsPermissionMixin(ManagePermissionMixin):
    permission_required = "park.manage_visits"


def list_url(campus):
    return campus_reverse(campus, "visits_manage:list")


def detail_url(visit):
    return campus_reverse(visit.campus, "visits_manage:detail", pk=visit.pk)


# Requests


class VisitListView(VisitsPermissionMixin, ListView):
    template_name = "park/manage/visits/list.html"
    context_object_name = "visits"
    paginate_by = 50

    def get_queryset(self):
        campus = self.request.campus
        counts = dict(
            VisitRequest.objects.filter(campus=campus).values_list("state").annotate(n=Count("pk")).order_by()
        )
        self.state_counts = [(state.value, state.label, counts.get(state.value, 0)) for state in State]
        self.filter_form = VisitFilterForm(self.request.GET or None, state_counts=self.state_counts)
        visits = VisitRequest.objects.filter(campus=campus).select_related("slot")
        if self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            if data["state"]:
                visits = visits.filter(state=data["state"])
            if data["kind"]:
                visits = visits.filter(institution_kind=data["kind"])
            if data["month"]:
                visits = in_month(visits, campus, *data["month"])
        return visits.order_by("state", "slot__start", "-created", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            total=sum(count for _value, _label, count in self.state_counts),
            query_string=query_string_without_page(self.request),
            **kwargs,
        )


def in_month(visits, campus, year, month):
    """Visits whose tour falls in the month, or, with no tour yet, requested in it."""
    tz = campus.tz
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return visits.filter(
        Q(slot__start__gte=start, slot__start__lt=end)
        | Q(slot__isnull=True, created__gte=start, created__lt=end)
    )


ACTIONS = {
    # action: (its form, the states it is offered in)
    "confirm": (SlotForm, {State.REQUESTED}),
    "reschedule": (SlotForm, {State.CONFIRMED}),
    "decline": (DeclineForm, {State.REQUESTED, State.CONFIRMED}),
    "cancel": (CancelForm, {State.REQUESTED, State.CONFIRMED}),
    "check_in": (CheckInForm, {State.CONFIRMED, State.NO_SHOW}),
    "no_show": (None, {State.CONFIRMED}),
}


def action_form(action, visit, data=None):
    form_class = ACTIONS[action][0]
    if form_class is None:
        return None
    if form_class is SlotForm:
        exclude = visit.slot_id if action == "reschedule" else None
        return SlotForm(data, campus=visit.campus, exclude=exclude, prefix=action)
    if form_class is CheckInForm:
        return CheckInForm(data, prefix=action, initial={"headcount": visit.group_size})
    return form_class(data, prefix=action)


class VisitDetailView(VisitsPermissionMixin, View):
    template_name = "park/manage/visits/detail.html"

    def get_visit(self):
        return get_object_or_404(
            VisitRequest.objects.select_related("slot__guide", "requested_by", "campus"),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )

    def render_page(self, visit, bound=None, status=200):
        forms = {
            action: action_form(action, visit)
            for action, (_form, states) in ACTIONS.items()
            if visit.state in states
        }
        if bound is not None and bound[0] in forms:
            forms[bound[0]] = bound[1]
        history = (
            ActivityLog.objects.filter(
                content_type=ContentType.objects.get_for_model(VisitRequest),
                object_id=str(visit.pk),
            )
            .select_related("actor")
            .order_by("created", "pk")
        )
        context = {
            "visit": visit,
            "country": country_name(visit.country),
            "forms": forms,
            "survey": VisitSurvey.objects.filter(visit=visit).first(),
            "history": history,
            "status_link": self.request.build_absolute_uri(
                campus_reverse(visit.campus, "visits:status", token=visit.token)
            ),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render_page(self.get_visit())


class VisitActionView(VisitDetailView):
    """One of the decisions on a visit; ``action`` is set in the URL configuration."""

    http_method_names = ["post"]
    action = None

    def post(self, request, pk):
        visit = self.get_visit()
        form = action_form(self.action, visit, request.POST)
        if form is not None and not form.is_valid():
            return self.render_page(visit, bound=(self.action, form), status=400)
        data = form.cleaned_data if form is not None else {}
        try:
            self.perform(visit, data)
        except services.VisitError as error:
            messages.error(request, str(error))
            visit.refresh_from_db()
            return self.render_page(visit, bound=(self.action, form), status=400)
        messages.success(request, self.success_message())
        return redirect(detail_url(visit))

    def perform(self, visit, data):
        actor, url = self.request.user, base_url(self.request)
        match self.action:
            case "confirm":
                services.confirm_visit(
                    visit=visit, slot=data["slot"], actor=actor, note=data["note"], base_url=url
                )
            case "reschedule":
                services.reschedule_visit(
                    visit=visit, slot=data["slot"], actor=actor, note=data["note"], base_url=url
                )
            case "decline":
                services.decline_visit(visit=visit, actor=actor, note=data["note"], base_url=url)
            case "cancel":
                services.cancel_visit(visit=visit, actor=actor, note=data["note"], base_url=url)
            case "check_in":
                services.check_in_visit(visit=visit, headcount=data["headcount"], actor=actor, base_url=url)
            case "no_show":
                services.mark_no_show(visit=visit, actor=actor)

    def success_message(self):
        return {
            "confirm": _("The visit is confirmed. The confirmation to the contact waits in the outbox."),
            "reschedule": _("The visit is moved. The mail about the new time waits in the outbox."),
            "decline": _("The visit is declined. The mail to the contact waits in the outbox."),
            "cancel": _("The visit is cancelled. A mail to the contact waits in the outbox."),
            "check_in": _("Checked in. The thank-you mail with the survey link waits in the outbox."),
            "no_show": _("The group is marked as not come."),
        }[self.action]


class RemindersView(VisitsPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        count = services.draft_visit_reminders(
            campus=request.campus, now=timezone.now(), base_url=base_url(request)
        )
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)s reminder drafted; it waits in the outbox.",
                    "%(count)s reminders drafted; they wait in the outbox.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.info(request, _("No confirmed visit in the next two days needs a reminder."))
        return redirect(list_url(request.campus))


# Tour slots


class SlotListView(VisitsPermissionMixin, ListView):
    template_name = "park/manage/visits/slots.html"
    context_object_name = "slots"
    paginate_by = 50

    def get_queryset(self):
        self.past = self.request.GET.get("past") == "1"
        now = timezone.now()
        slots = (
            TourSlot.objects.filter(campus=self.request.campus)
            .select_related("guide")
            .annotate(
                booked=services.booked_visitors(),
                groups=Count("visits", filter=Q(visits__state__in=services.SEATED_STATES)),
            )
        )
        if self.past:
            return slots.filter(end__lt=now).order_by("-start", "-pk")
        return slots.filter(end__gte=now).order_by("start", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            past=self.past, query_string=query_string_without_page(self.request), **kwargs
        )


class SlotFormView(VisitsPermissionMixin, View):
    template_name = "park/manage/visits/slot_form.html"

    def get_slot(self):
        if "pk" not in self.kwargs:
            return TourSlot(campus=self.request.campus)
        return get_object_or_404(TourSlot, campus=self.request.campus, pk=self.kwargs["pk"])

    def show(self, form, slot, status=200):
        return render(self.request, self.template_name, {"form": form, "slot": slot}, status=status)

    def get(self, request, **kwargs):
        slot = self.get_slot()
        return self.show(TourSlotForm(instance=slot, campus=request.campus), slot)

    def post(self, request, **kwargs):
        slot = self.get_slot()
        form = TourSlotForm(request.POST, instance=slot, campus=request.campus)
        if not form.is_valid():
            return self.show(form, slot, status=400)
        try:
            services.save_tour_slot(slot=form.instance, actor=request.user)
        except services.VisitError as error:
            form.add_error("capacity", str(error))
            return self.show(form, slot, status=400)
        messages.success(request, _("The tour is saved."))
        return redirect(campus_reverse(request.campus, "visits_manage:slots"))


class SlotDeleteView(VisitsPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        slot = get_object_or_404(TourSlot.objects.select_related("campus"), campus=request.campus, pk=pk)
        try:
            services.delete_tour_slot(slot=slot, actor=request.user)
        except services.VisitError as error:
            messages.error(request, str(error))
            return redirect(campus_reverse(request.campus, "visits_manage:slot_edit", pk=pk))
        messages.success(request, _("The tour is deleted."))
        return redirect(campus_reverse(request.campus, "visits_manage:slots"))


# Statistics


def chosen_year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


class StatsView(VisitsPermissionMixin, View):
    template_name = "park/manage/visits/stats.html"

    def get(self, request):
        year = chosen_year(request)
        stats = year_stats(campus=request.campus, year=year)
        years = sorted({row.key for row in stats.by_year} | {year, timezone.localdate().year}, reverse=True)
        context = {
            "stats": stats,
            "year": year,
            "years": years,
            "months": [(row, month_name(row.key)) for row in stats.months],
            "bars": [(bar, month_name(bar.month)) for bar in chart_bars(stats.months)],
            "kinds": [(row, Kind(row.key).label) for row in stats.by_kind],
            "countries": [(row, country_name(row.key)) for row in stats.by_country],
        }
        return render(request, self.template_name, context)


def month_name(month):
    return MONTHS[month]


def stats_rows(stats):
    """The year's statistics as rows of a table: (section, key, label, institutions, visitors)."""
    for row in stats.months:
        yield _("month"), f"{stats.year}-{row.key:02d}", month_name(row.key), row.institutions, row.visitors
    yield _("year"), stats.year, stats.year, stats.total.institutions, stats.total.visitors
    for row in stats.by_kind:
        yield _("kind of institution"), row.key, Kind(row.key).label, row.institutions, row.visitors
    for row in stats.by_country:
        yield _("country"), row.key, country_name(row.key), row.institutions, row.visitors


class StatsCsvView(VisitsPermissionMixin, View):
    def get(self, request):
        year = chosen_year(request)
        stats = year_stats(campus=request.campus, year=year)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([_("section"), _("code"), _("name"), _("institutions"), _("visitors")])
        writer.writerows(stats_rows(stats))
        # A byte-order mark, so spreadsheet programs read Korean correctly.
        response = HttpResponse(
            ("\ufeff" + buffer.getvalue()).encode(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="visits-{request.campus.slug}-{year}.csv"'
        return response
