"""A participant's pages: their groups and rankings, and ranking a cohort's problems."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.programs.models import Cohort, Participant

from ..forms.choices import RankingForm
from ..services.choices import offers_of, rank_problems, ranking_of
from ..services.errors import WorkgroupError
from ..services.formation_settings import settings_of
from ..services.my_groups import my_cohorts
from .mixins import SignedInMixin


class MineView(SignedInMixin, View):
    permission_required = "workgroups.view_mine"

    def get(self, request):
        context = {"entries": my_cohorts(user=request.user, campus=request.campus)}
        return render(request, "workgroups/mine.html", context)


class ChoicesView(SignedInMixin, View):
    """Rank the problems offered to the cohort: a number per problem, 1 the first choice."""

    permission_required = "workgroups.rank_problems"
    template_name = "workgroups/choices.html"

    @cached_property
    def cohort(self):
        return get_object_or_404(
            Cohort.objects.select_related("campus"), campus=self.request.campus, slug=self.kwargs["cohort"]
        )

    def get_permission_object(self):
        return self.cohort

    @cached_property
    def participant(self):
        return Participant.objects.select_related("cohort__campus").get(
            cohort=self.cohort, user=self.request.user
        )

    def make_form(self, data=None):
        offers = list(offers_of(self.cohort))
        return RankingForm(data, offers=offers, ranking=ranking_of(self.participant))

    def show(self, form, status=200):
        context = {"cohort": self.cohort, "form": form, "is_open": settings_of(self.cohort).choices_open}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, cohort):
        return self.show(self.make_form())

    def post(self, request, cohort):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                rank_problems(participant=self.participant, ranks=form.ranks(), actor=request.user)
            except WorkgroupError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your ranking is saved."))
                return redirect(campus_reverse(request.campus, "workgroups:mine"))
        return self.show(form, status=400)
