"""The campus team's form builder (sections and questions) and eligibility rules of a call."""

import copy

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.people.models import Organisation

from ..forms.manage import EligibilityRuleForm, MoveForm, QuestionForm, SectionForm
from ..models import EligibilityRule, Question, Section
from ..services.form_builder import (
    FormBuilderError,
    add_eligibility_rule,
    add_question,
    add_section,
    delete_eligibility_rule,
    delete_question,
    delete_section,
    move_question,
    move_section,
    update_question,
    update_section,
)
from ..services.forms import current_form, questions_of
from .manage_calls import CallMixin


def report_change(request, change, done):
    """Tell the operator what happened, and which version applications already received keep."""
    if not change.changed:
        messages.info(request, _("Nothing changed."))
        return
    messages.success(request, done)
    if change.made_new_version:
        messages.warning(
            request,
            _("Applications already received keep version %(old)d; your change made version %(new)d.")
            % {"old": change.kept_version.number, "new": change.form.number},
        )


class FormMixin(CallMixin):
    """Pages of the form builder; the objects they change belong to the call's current version."""

    def builder_url(self):
        return self.call_url("form")

    @cached_property
    def form_version(self):
        return current_form(self.call)

    def get_form_version(self):
        return self.form_version

    def get_item(self, model, pk):
        """A section or question of this call (any version: a stale page gets a clear message)."""
        return get_object_or_404(
            model.objects.select_related("form__call"), pk=pk, form__call=self.get_call()
        )

    def is_stale(self, item):
        if item.form_id == self.get_form_version().pk:
            return False
        messages.error(
            self.request,
            _("The form has changed since this page was opened. Look at the current version and try again."),
        )
        return True


class FormBuilderView(FormMixin, View):
    template_name = "calls/manage/form_builder.html"

    def get(self, request, slug):
        call, form = self.get_call(), self.get_form_version()
        questions = Question.objects.filter(form=form).order_by("position", "pk")
        sections = (
            Section.objects.filter(form=form)
            .prefetch_related(Prefetch("questions", queryset=questions))
            .order_by("position", "pk")
        )
        versions = call.form_versions.annotate(application_count=Count("applications")).order_by("-number")
        versions = list(versions)
        application_count = next(version.application_count for version in versions if version.pk == form.pk)
        context = {
            "call": call,
            "form_version": form,
            "sections": sections,
            "versions": versions,
            "application_count": application_count,
            "rule_keys": set(
                EligibilityRule.objects.filter(call=call).values_list("question_key", flat=True)
            ),
        }
        return render(request, self.template_name, context)


class SectionView(FormMixin, View):
    """Add a section (no ``pk``) or edit one."""

    template_name = "calls/manage/section_form.html"

    def render_form(self, form, section=None):
        context = {
            "call": self.call,
            "form": form,
            "section": section,
            "form_version": self.get_form_version(),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug, pk=None):
        section = self.get_item(Section, pk) if pk else None
        if section is not None and self.is_stale(section):
            return redirect(self.builder_url())
        return self.render_form(SectionForm(instance=copy.copy(section)), section)

    def post(self, request, slug, pk=None):
        section = self.get_item(Section, pk) if pk else None
        form = SectionForm(request.POST, instance=copy.copy(section))
        if form.is_valid():
            try:
                if section is None:
                    change = add_section(call=self.call, actor=request.user, **form.section_fields())
                    done = _("The section has been added.")
                else:
                    change = update_section(section=section, actor=request.user, **form.section_fields())
                    done = _("The section has been saved.")
            except FormBuilderError as error:
                form.add_error(error.field, str(error))
            else:
                report_change(request, change, done)
                return redirect(self.builder_url())
        return self.render_form(form, section)


class ItemActionView(FormMixin, View):
    """Delete or move a section or question, posted from the form builder."""

    http_method_names = ["post"]
    model = None

    def post(self, request, slug, pk):
        item = self.get_item(self.model, pk)
        try:
            change, done = self.act(item)
        except FormBuilderError as error:
            messages.error(request, str(error))
        else:
            report_change(request, change, done)
        return redirect(self.builder_url())

    def direction(self):
        form = MoveForm(self.request.POST)
        if not form.is_valid():
            raise FormBuilderError(_("Choose to move up or down."))
        return form.cleaned_data["direction"]


class DeleteSectionView(ItemActionView):
    model = Section

    def act(self, section):
        return delete_section(section=section, actor=self.request.user), _("The section has been deleted.")


class MoveSectionView(ItemActionView):
    model = Section

    def act(self, section):
        change = move_section(section=section, direction=self.direction(), actor=self.request.user)
        return change, _("The section has been moved.")


class DeleteQuestionView(ItemActionView):
    model = Question

    def act(self, question):
        return delete_question(question=question, actor=self.request.user), _(
            "The question has been deleted."
        )


class MoveQuestionView(ItemActionView):
    model = Question

    def act(self, question):
        change = move_question(question=question, direction=self.direction(), actor=self.request.user)
        return change, _("The question has been moved.")


class QuestionView(FormMixin, View):
    """Add a question (no ``pk``; ``?section=`` preselects its section) or edit one."""

    template_name = "calls/manage/question_form.html"

    def make_form(self, question, data=None):
        initial = {}
        if question is None and self.request.GET.get("section", "").isdigit():
            initial["section"] = int(self.request.GET["section"])
        return QuestionForm(
            data, instance=copy.copy(question), initial=initial, form_version=self.get_form_version()
        )

    def render_form(self, form, question=None):
        context = {
            "call": self.call,
            "form": form,
            "question": question,
            "form_version": self.get_form_version(),
        }
        return render(self.request, self.template_name, context)

    def check(self, question):
        """A redirect to the builder when the page cannot be used, else ``None``."""
        if question is not None and self.is_stale(question):
            return redirect(self.builder_url())
        if question is None and not Section.objects.filter(form=self.get_form_version()).exists():
            messages.error(self.request, _("Add a section first; every question belongs to a section."))
            return redirect(self.builder_url())
        return None

    def get(self, request, slug, pk=None):
        question = self.get_item(Question, pk) if pk else None
        return self.check(question) or self.render_form(self.make_form(question), question)

    def post(self, request, slug, pk=None):
        question = self.get_item(Question, pk) if pk else None
        if response := self.check(question):
            return response
        form = self.make_form(question, request.POST)
        if form.is_valid():
            section = form.cleaned_data["section"]
            try:
                if question is None:
                    change = add_question(section=section, actor=request.user, **form.question_fields())
                    done = _("The question has been added.")
                else:
                    change = update_question(
                        question=question, section=section, actor=request.user, **form.question_fields()
                    )
                    done = _("The question has been saved.")
            except FormBuilderError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                report_change(request, change, done)
                return redirect(self.builder_url())
        return self.render_form(form, question)


# Eligibility rules


class EligibilityView(CallMixin, View):
    template_name = "calls/manage/eligibility.html"

    def render_page(self, form):
        kinds = dict(Organisation.Kind.choices)
        rules = list(EligibilityRule.objects.filter(call=self.call).order_by("pk"))
        for rule in rules:
            if rule.kind == EligibilityRule.Kind.ORGANISATION_KIND:
                rule.value_labels = [str(kinds.get(value, value)) for value in rule.values]
            else:
                rule.value_labels = rule.values
        context = {"call": self.call, "rules": rules, "form": form}
        return render(self.request, self.template_name, context)

    def make_form(self, data=None):
        return EligibilityRuleForm(data, questions=questions_of(current_form(self.get_call())))

    def get(self, request, slug):
        return self.render_page(self.make_form())

    def post(self, request, slug):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                add_eligibility_rule(call=self.call, actor=request.user, **form.rule_fields())
            except FormBuilderError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(
                    request,
                    _("The rule has been added. It is checked for applications submitted from now on."),
                )
                return redirect(self.call_url("eligibility"))
        return self.render_page(form)


class DeleteEligibilityRuleView(CallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        rule = get_object_or_404(EligibilityRule, pk=pk, call=self.get_call())
        delete_eligibility_rule(rule=rule, actor=request.user)
        messages.success(request, _("The rule has been deleted."))
        return redirect(self.call_url("eligibility"))
