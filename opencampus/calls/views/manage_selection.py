"""The campus team's pages from scores to a staged selection: scores, quotas, selection, exports."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ..forms.selection import QuotaForm, SelectionForm
from ..models import SelectionQuota
from ..services.exports import FORMATS, TABLES, export_call
from ..services.selection import (
    SelectionError,
    add_quota,
    delete_quota,
    holding_count,
    quota_label,
    quota_questions,
    run_selection,
    score_table,
    stage_selection,
)
from .manage_calls import CallMixin


class ScoresView(CallMixin, View):
    """Raw and calibrated scores side by side, reviewers' biases, and a warning for split groups."""

    template_name = "calls/manage/selection_scores.html"

    def get(self, request, slug):
        table = score_table(call=self.call)
        context = {"call": self.call, "table": table, "export_formats": list(FORMATS)}
        return render(request, self.template_name, context)


class QuotasView(CallMixin, View):
    template_name = "calls/manage/selection_quotas.html"

    def render_page(self, form, questions):
        by_key = {question.key: question for question in questions}
        quotas = list(SelectionQuota.objects.filter(call=self.call).order_by("question_key", "value"))
        for quota in quotas:
            quota.label = quota_label(str(quota), by_key)
            quota.is_current = quota.question_key in by_key
        context = {"call": self.call, "quotas": quotas, "form": form, "questions": questions}
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        questions = quota_questions(self.call)
        return self.render_page(QuotaForm(questions=questions), questions)

    def post(self, request, slug):
        questions = quota_questions(self.call)
        form = QuotaForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                add_quota(call=self.call, actor=request.user, **form.quota_fields())
            except SelectionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The quota has been added."))
                return redirect(self.call_url("quotas"))
        return self.render_page(form, questions)


class DeleteQuotaView(CallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        quota = get_object_or_404(
            SelectionQuota.objects.select_related("call", "campus"), pk=pk, call=self.call
        )
        delete_quota(quota=quota, actor=request.user)
        messages.success(request, _("The quota has been deleted."))
        return redirect(self.call_url("quotas"))


class SelectionView(CallMixin, View):
    """Run the selection (GET, nothing saved) and stage it (POST) for the decisions page."""

    template_name = "calls/manage/selection_run.html"

    def initial(self):
        places = max(0, self.call.places - holding_count(self.call))
        return {"places": places, "waitlist_size": self.call.places}

    def render_page(self, form, refusal=""):
        outcome = run_selection(call=self.call, **form.sizes()) if form.is_valid() else None
        context = {"call": self.call, "form": form, "outcome": outcome, "refusal": refusal}
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        if {"places", "waitlist_size"} & set(request.GET):
            form = SelectionForm({**self.initial(), **request.GET.dict()})
        else:
            form = SelectionForm(self.initial())
        return self.render_page(form)

    def post(self, request, slug):
        form = SelectionForm(request.POST)
        if not form.is_valid():
            return self.render_page(form)
        try:
            outcome = stage_selection(call=self.call, actor=request.user, **form.sizes())
        except SelectionError as error:
            return self.render_page(form, refusal=str(error))
        messages.success(
            request,
            _(
                "The selection is staged: %(accepted)s accepted, %(waitlisted)s on the waiting list, "
                "%(rejected)s not selected. Applicants see nothing until you send the decisions."
            )
            % {
                "accepted": len(outcome.selected),
                "waitlisted": len(outcome.waiting),
                "rejected": len(outcome.rejected),
            },
        )
        return redirect(self.call_url("decisions"))


class ExportView(CallMixin, View):
    """``applications`` or ``reviews`` as CSV or XLSX; ``?blind=1`` leaves out who applied and reviewed."""

    def get(self, request, slug, table, file_format):
        if table not in TABLES or file_format not in FORMATS:
            raise Http404("No such export.")
        blind = request.GET.get("blind") in {"1", "true", "yes"}
        name, content_type, content = export_call(
            call=self.call, table=table, file_format=file_format, blind=blind
        )
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
