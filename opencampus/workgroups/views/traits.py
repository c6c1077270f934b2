"""The traits page: participants' attribute values, typed, copied from the call or uploaded."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views import View

from ..forms.traits import FillFromCallForm, TraitTableForm, TraitUploadForm
from ..services.errors import WorkgroupError
from ..services.formation_settings import cohort_attributes
from ..services.traits import (
    TraitImportError,
    active_participants,
    call_choice_questions,
    fill_traits_from_call,
    import_traits,
    save_traits,
    trait_values,
)
from .mixins import CohortManageMixin, manage_url, show_error


class TraitsView(CohortManageMixin, View):
    template_name = "workgroups/manage/traits.html"

    def table_form(self, data=None):
        return TraitTableForm(
            data,
            participants=list(active_participants(self.cohort)),
            attributes=cohort_attributes(self.cohort),
            values=trait_values(self.cohort),
        )

    def render_page(self, bound=None, problems=(), status=200):
        questions = call_choice_questions(self.cohort)
        forms = {"table": self.table_form(), "upload": TraitUploadForm(prefix="upload")}
        if questions:
            forms["fill"] = FillFromCallForm(questions=questions, prefix="fill")
        if bound is not None:
            forms[bound[0]] = bound[1]
        context = {"cohort": self.cohort, "forms": forms, "problems": problems}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort):
        return self.render_page()

    def post(self, request, cohort):
        form = self.table_form(request.POST)
        if form.is_valid():
            try:
                changed = save_traits(cohort=self.cohort, values=form.values(), actor=request.user)
            except WorkgroupError as error:
                show_error(form, error)
            else:
                messages.success(
                    request,
                    ngettext("%(count)s value changed.", "%(count)s values changed.", changed)
                    % {"count": changed},
                )
                return redirect(manage_url(self.cohort, "traits"))
        return self.render_page(bound=("table", form), status=400)


class FillFromCallView(TraitsView):
    http_method_names = ["post"]

    def post(self, request, cohort):
        form = FillFromCallForm(request.POST, questions=call_choice_questions(self.cohort), prefix="fill")
        if form.is_valid():
            data = form.cleaned_data
            try:
                filled, skipped = fill_traits_from_call(
                    cohort=self.cohort,
                    question_key=data["question"],
                    attribute=data["attribute"] or data["question"],
                    actor=request.user,
                )
            except WorkgroupError as error:
                show_error(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s participant's answer was copied.",
                        "%(count)s participants' answers were copied.",
                        filled,
                    )
                    % {"count": filled},
                )
                if skipped:
                    messages.warning(
                        request,
                        ngettext(
                            "%(count)s participant has no answer to this question and was skipped.",
                            "%(count)s participants have no answer to this question and were skipped.",
                            skipped,
                        )
                        % {"count": skipped},
                    )
                return redirect(manage_url(self.cohort, "traits"))
        return self.render_page(bound=("fill", form), status=400)


class UploadTraitsView(TraitsView):
    http_method_names = ["post"]

    def post(self, request, cohort):
        form = TraitUploadForm(request.POST, request.FILES, prefix="upload")
        problems = ()
        if form.is_valid():
            try:
                count = import_traits(
                    cohort=self.cohort, upload=form.cleaned_data["file"], actor=request.user
                )
            except TraitImportError as error:
                form.add_error(None, error.message)
                problems = error.problems
            except WorkgroupError as error:
                show_error(form, error)
            else:
                messages.success(
                    request,
                    ngettext("%(count)s line read.", "%(count)s lines read.", count) % {"count": count},
                )
                return redirect(manage_url(self.cohort, "traits"))
        return self.render_page(bound=("upload", form), problems=problems, status=400)
