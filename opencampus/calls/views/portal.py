"""The applicant's own pages: start an application, fill it in, submit, follow it, withdraw.

An application is always found by ``(call, request.user)``, so nobody can open another
person's application by guessing an id.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.core.views.mixins import CampusPermissionMixin
from opencampus.people.views.account import CampusLoginRequiredMixin

from ..forms.application import ApplicationForm, ApplyForm
from ..models import Application, Question
from ..services.applications import (
    ApplicationError,
    ensure_editable,
    ensure_open,
    save_answers,
    start_application,
    submit_application,
    withdraw_application,
)
from ..services.decisions import Links
from ..services.forms import questions_of
from ..services.states import ApplicationStateError, can_move
from .public import STATE_EXPLANATIONS, own_application, visible_call

State = Application.State


def call_url(call, name):
    return campus_reverse(call.campus, name, slug=call.slug)


def letter_links(request, call):
    """Absolute addresses of the applicant's pages, for decision letters."""
    return Links(
        confirm=request.build_absolute_uri(call_url(call, "calls:confirm")),
        status=request.build_absolute_uri(call_url(call, "calls:status")),
    )


class ApplyView(CampusLoginRequiredMixin, CampusPermissionMixin, View):
    """Start (or find) the person's application, alone or for an organisation they act for."""

    permission_required = "calls.apply"
    template_name = "calls/portal/apply.html"

    def get_permission_object(self):
        if not hasattr(self, "call"):
            self.call = visible_call(self.request, self.kwargs["slug"])
        return self.call

    def get(self, request, **kwargs):
        if own_application(self.call, request.user) is not None:
            return redirect(call_url(self.call, "calls:application"))
        try:
            ensure_open(self.call)
        except ApplicationError as error:
            messages.info(request, str(error))
            return redirect(call_url(self.call, "calls:detail"))
        return self.show(ApplyForm(call=self.call, user=request.user))

    def post(self, request, **kwargs):
        form = ApplyForm(request.POST, call=self.call, user=request.user)
        if not form.can_apply or not form.is_valid():
            return self.show(form)
        try:
            start_application(call=self.call, applicant=request.user, organisation=form.organisation())
        except ApplicationError as error:
            messages.error(request, str(error))
            return redirect(call_url(self.call, "calls:detail"))
        return redirect(call_url(self.call, "calls:application"))

    def show(self, form):
        return render(self.request, self.template_name, {"call": self.call, "form": form})


class ApplicantView(CampusLoginRequiredMixin, View):
    """Base for the pages of the signed-in person's own application to one call."""

    permission_required = "calls.view_application"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.call = visible_call(request, kwargs["slug"])
        self.application = own_application(self.call, request.user)
        if self.application is None:
            messages.info(request, _("You have not started an application to this call yet."))
            return redirect(call_url(self.call, "calls:detail"))
        if not request.user.has_perm(self.permission_required, self.application):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ApplicationFormView(ApplicantView):
    permission_required = "calls.change_application"
    template_name = "calls/portal/application_form.html"

    def get(self, request, **kwargs):
        try:
            ensure_editable(self.application)
        except ApplicationError as error:
            messages.info(request, str(error))
            return redirect(call_url(self.call, "calls:status"))
        return self.show(self.build_form())

    def build_form(self, data=None, files=None):
        questions = questions_of(self.application.form)
        by_question = {answer.question_id: answer for answer in self.application.answers.all()}
        answers = {
            question.key: by_question[question.pk] for question in questions if question.pk in by_question
        }
        return ApplicationForm(data, files, questions=questions, answers=answers)

    def post(self, request, **kwargs):
        if request.headers.get("X-Autosave") == "1":
            return self.autosave(self.build_form(request.POST))
        form = self.build_form(request.POST, request.FILES)
        is_draft = self.application.state == State.DRAFT
        # Changes to a submitted application count only when they pass every check again.
        submitting = request.POST.get("action") == "submit" or not is_draft
        try:
            ensure_editable(self.application)
        except ApplicationError as error:
            # Nothing is stored after the deadline, but the page keeps what the person typed.
            return self.show(form, refusal=str(error))
        form.is_valid()
        if submitting:
            form.flag_missing()
        if form.errors:
            if is_draft:
                self.save(form)
            return self.show(form)
        if not submitting:
            self.save(form)
            messages.success(request, _("Your draft has been saved."))
            return redirect(call_url(self.call, "calls:application"))
        return self.submit(form, is_draft)

    def save(self, form):
        save_answers(application=self.application, values=form.values(), files=form.files_to_store())

    def submit(self, form, is_draft):
        link = self.request.build_absolute_uri(call_url(self.call, "calls:status"))
        try:
            if is_draft:
                self.save(form)
            with transaction.atomic():
                if not is_draft:
                    self.save(form)
                application = submit_application(
                    application=self.application, actor=self.request.user, confirmation_link=link
                )
        except (ApplicationError, ApplicationStateError) as error:
            missing = getattr(error, "missing", [])
            form.flag_missing(missing)
            return self.show(form, refusal="" if missing else str(error))
        if application.state == State.INELIGIBLE:
            messages.warning(
                self.request,
                _("Your application was submitted, but it does not meet every condition of this call."),
            )
        elif is_draft:
            messages.success(
                self.request,
                _("Your application has been submitted. A confirmation was sent to %(email)s.")
                % {"email": self.request.user.email},
            )
        else:
            messages.success(self.request, _("Your changes have been submitted."))
        return redirect(call_url(self.call, "calls:status"))

    def autosave(self, form):
        """Save the draft in the background (files are left to the full form); answer in JSON."""
        if self.application.state != State.DRAFT:
            message = _("Changes to a submitted application are kept when you press “Submit changes”.")
            return JsonResponse({"saved": False, "message": message}, status=409)
        try:
            ensure_editable(self.application)
        except ApplicationError as error:
            return JsonResponse({"saved": False, "message": str(error)}, status=409)
        form.is_valid()
        save_answers(application=self.application, values=form.values())
        saved_at = formats.time_format(timezone.localtime(), "H:i")
        if form.errors:
            message = _(
                "Draft saved at %(time)s. Some answers are not saved yet: check them before you submit."
            )
        else:
            message = _("Draft saved at %(time)s.")
        errors = {key: [str(error) for error in errors] for key, errors in form.errors.items()}
        return JsonResponse(
            {"saved": True, "saved_at": saved_at, "message": message % {"time": saved_at}, "errors": errors}
        )

    def show(self, form, refusal=""):
        context = {
            "call": self.call,
            "application": self.application,
            "form": form,
            "sections": form.sections(),
            "refusal": refusal,
            "is_draft": self.application.state == State.DRAFT,
        }
        return render(self.request, self.template_name, context)


def shown_answer(question, answer):
    """An answer as the person reads it back."""
    if answer is None:
        return ""
    if question.kind == Question.Kind.FILE:
        return answer.file.name.rsplit("/", 1)[-1] if answer.file else ""
    value = answer.value
    if value in (None, "", []):
        return ""
    if question.kind in {Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE}:
        labels = dict(question.choice_labels())
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(str(labels.get(item, item)) for item in chosen)
    if question.kind == Question.Kind.CONSENT:
        return _("Yes") if value else _("No")
    return str(value)


class ApplicationStatusView(ApplicantView):
    template_name = "calls/portal/application_status.html"

    def get(self, request, **kwargs):
        application = self.application
        try:
            ensure_editable(application)
            editable = True
        except ApplicationError:
            editable = False
        questions = questions_of(application.form)
        by_question = {answer.question_id: answer for answer in application.answers.all()}
        sections = []
        for question in questions:
            if not sections or sections[-1][0].pk != question.section_id:
                sections.append((question.section, []))
            sections[-1][1].append((question, shown_answer(question, by_question.get(question.pk))))
        context = {
            "call": self.call,
            "application": application,
            "explanation": STATE_EXPLANATIONS.get(application.state, ""),
            "failed_checks": [check for check in application.eligibility if not check.get("passed")],
            "editable": editable,
            "can_withdraw": can_move(application, State.WITHDRAWN),
            "sections": sections,
        }
        return render(request, self.template_name, context)


class WithdrawView(ApplicantView):
    permission_required = "calls.change_application"
    http_method_names = ["post"]

    def post(self, request, **kwargs):
        try:
            withdraw_application(
                application=self.application, actor=request.user, links=letter_links(request, self.call)
            )
        except ApplicationStateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect(call_url(self.call, "calls:status"))
