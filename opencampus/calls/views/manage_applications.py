"""The campus team's pages for the applications to a call: list, detail, screening, files."""

import posixpath
from itertools import groupby
from operator import attrgetter

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from opencampus.core.models import ActivityLog
from opencampus.core.views.mixins import query_string_without_page
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.manage import ScreeningForm
from ..models import Answer, Application, Call, EligibilityRule, Question
from ..services.applications import ApplicationError, screen_application
from ..services.forms import questions_of
from ..services.states import ApplicationStateError
from .manage_calls import CallMixin

State = Application.State
Kind = Question.Kind
LISTED_STATES = [state for state in State if state != State.DRAFT]
SCREENABLE_STATES = {State.SUBMITTED, State.INELIGIBLE, State.ELIGIBLE}


def submitted_applications(call):
    return Application.objects.filter(call=call).exclude(state=State.DRAFT)


def rule_messages(call):
    """Each rule's message in the active language, by rule id."""
    return {rule.pk: rule.message for rule in EligibilityRule.objects.filter(call=call)}


def eligibility_results(application, messages_by_rule):
    """The stored results, with the rule's current message where the rule still exists."""
    return [
        {
            "passed": result.get("passed", False),
            "message": messages_by_rule.get(result.get("rule")) or result.get("message", ""),
        }
        for result in application.eligibility
    ]


class ApplicationListView(CallMixin, ListView):
    template_name = "calls/manage/applications.html"
    context_object_name = "applications"
    paginate_by = 50

    def get_queryset(self):
        self.state = self.request.GET.get("state", "")
        applications = submitted_applications(self.get_call()).select_related("applicant", "organisation")
        if self.state in {state.value for state in LISTED_STATES}:
            applications = applications.filter(state=self.state)
        else:
            self.state = ""
        return applications.order_by(F("submitted_at").asc(nulls_last=True), "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        messages_by_rule = rule_messages(self.call)
        for application in context["applications"]:
            application.failed_rules = [
                result
                for result in eligibility_results(application, messages_by_rule)
                if not result["passed"]
            ]
        counts = dict(
            submitted_applications(self.call).values_list("state").annotate(count=Count("pk")).order_by()
        )
        context.update(
            call=self.call,
            state=self.state,
            state_counts=[(state.value, state.label, counts.get(state.value, 0)) for state in LISTED_STATES],
            total=sum(counts.values()),
            query_string=query_string_without_page(self.request),
        )
        return context


def display_answer(question, answer):
    """What the team reads for one answer: ``{"text"}``, ``{"choices"}`` or ``{"file"}`` (``None``: empty)."""
    if answer is None:
        return None
    if question.kind == Kind.FILE:
        return {"file": posixpath.basename(answer.file.name)} if answer.file else None
    value = answer.value
    if value in (None, "", []):
        return None
    if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        labels = dict(question.choice_labels())
        values = value if isinstance(value, list) else [value]
        return {"choices": [labels.get(item, item) for item in values]}
    if question.kind == Kind.CONSENT:
        return {"text": _("Agreed") if value else _("Not agreed")}
    return {"text": str(value)}


def state_label(value):
    try:
        return State(value).label
    except ValueError:
        return value


class ApplicationDetailView(CallMixin, View):
    template_name = "calls/manage/application_detail.html"

    def get_application(self):
        if not hasattr(self, "application"):
            self.application = get_object_or_404(
                submitted_applications(self.get_call()).select_related(
                    "applicant", "organisation", "form", "campus"
                ),
                pk=self.kwargs["pk"],
            )
        return self.application

    def history(self, application):
        entries = ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id=str(application.pk),
            action__startswith="application.",
        ).select_related("actor")
        history = []
        for entry in entries.order_by("created", "pk"):
            history.append(
                {
                    "when": entry.created,
                    "actor": entry.actor,
                    "state": state_label(entry.action.removeprefix("application.")),
                    "previous": state_label(entry.data.get("from", "")),
                    "reason": entry.data.get("reason", ""),
                }
            )
        return history

    def render_page(self, screening_form=None):
        application = self.get_application()
        answers = {answer.question_id: answer for answer in Answer.objects.filter(application=application)}
        answer_sections = [
            (
                section,
                [
                    {
                        "question": question,
                        "answer": answers.get(question.pk),
                        "shown": display_answer(question, answers.get(question.pk)),
                    }
                    for question in questions
                ],
            )
            for section, questions in groupby(questions_of(application.form), key=attrgetter("section"))
        ]
        # After a refused decision the form stays, with what was typed, even if the state moved on.
        can_screen = self.request.user.has_perm("calls.screen_application", self.request.campus) and (
            application.state in SCREENABLE_STATES or screening_form is not None
        )
        context = {
            "call": self.call,
            "application": application,
            "answer_sections": answer_sections,
            "eligibility": eligibility_results(application, rule_messages(self.call)),
            "history": self.history(application),
            "can_screen": can_screen,
            "screening_form": screening_form or ScreeningForm(),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug, pk):
        return self.render_page()


class ScreenApplicationView(ApplicationDetailView):
    """Staff decide eligibility by hand, with a reason; a refusal re-shows the page with what was typed."""

    permission_required = "calls.screen_application"
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        application = self.get_application()
        form = ScreeningForm(request.POST)
        if not form.is_valid():
            return self.render_page(form)
        eligible = form.cleaned_data["decision"] == ScreeningForm.ELIGIBLE
        try:
            screen_application(
                application=application,
                eligible=eligible,
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except (ApplicationError, ApplicationStateError) as error:
            messages.error(request, str(error))
            return self.render_page(form)
        messages.success(
            request,
            _("The application is marked “%(state)s”.") % {"state": State(application.state).label},
        )
        return redirect(self.call_url("application", pk=application.pk))


class AnswerFileView(ManagePermissionMixin, View):
    """An uploaded file, served only to people who may see the application (never as public media)."""

    permission_required = "calls.view_application"

    def get_permission_object(self):
        call = get_object_or_404(Call, campus=self.request.campus, slug=self.kwargs["slug"])
        self.answer = get_object_or_404(
            Answer.objects.select_related("application__campus"),
            pk=self.kwargs["answer"],
            application__pk=self.kwargs["pk"],
            application__call=call,
        )
        return self.answer.application

    def get(self, request, slug, pk, answer):
        if not self.answer.file:
            raise Http404("This answer has no file.")
        try:
            handle = self.answer.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing from storage.") from None
        return FileResponse(handle, as_attachment=True, filename=posixpath.basename(self.answer.file.name))
