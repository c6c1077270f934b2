"""Ranking pages: a mentee ranks the round's mentors and says what they look for; a mentor ranks
the round's mentees. The campus team may look at both."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from .. import matching_rules  # noqa: F401 (registers the permissions checked here)
from ..forms.matching import MenteeRankingForm, RankingForm
from ..models import MatchingRound, Mentee, MentorProfile
from ..services.errors import MentorsError
from ..services.matching_problem import fits_for
from ..services.rankings import mentee_ranks, mentor_ranks, rank_mentees, rank_mentors, round_mentees
from ..services.rounds import is_open_for_rankings, mentor_pool
from .mixins import SignedInMixin, mentors_url, show_error


class RankingMixin(SignedInMixin):
    view_permission = edit_permission = None

    def get_permission_required(self):
        return (self.edit_permission if self.request.method == "POST" else self.view_permission,)

    def may_edit(self):
        return self.request.user.has_perm(self.edit_permission, self.get_permission_object())


class MenteeRankingView(RankingMixin, View):
    """The mentee's ranking of the pool's mentors, each shown with their fit for the mentee."""

    view_permission, edit_permission = "mentors.view_mentee_ranking", "mentors.rank_mentors"
    template_name = "mentors/matching_rank_mentors.html"

    @cached_property
    def mentee(self):
        return get_object_or_404(
            Mentee.objects.select_related(
                "round__cohort", "round__campus", "participant__user", "group__agenda"
            ),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.mentee

    def make_form(self, pool, data=None):
        rankable = [profile for profile in pool if profile.room]
        return MenteeRankingForm(
            data,
            items=rankable,
            ranking=mentee_ranks(self.mentee),
            mentee=self.mentee,
            campus=self.request.campus,
        )

    def show(self, pool, form, status=200):
        fits = fits_for(self.mentee, pool) if pool else {}
        context = {
            "mentee": self.mentee,
            "round": self.mentee.round,
            "form": form,
            "rows": [(profile, form[f"rank_{profile.pk}"], fits.get(profile.pk)) for profile in form.items],
            "full": [(profile, fits.get(profile.pk)) for profile in pool if not profile.room],
            "is_open": is_open_for_rankings(self.mentee.round),
            "may_edit": self.may_edit(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        pool = mentor_pool(self.mentee.round)
        return self.show(pool, self.make_form(pool))

    def post(self, request, pk):
        pool = mentor_pool(self.mentee.round)
        form = self.make_form(pool, request.POST)
        if form.is_valid():
            try:
                rank_mentors(mentee=self.mentee, ranks=form.ranks(), actor=request.user, **form.wishes())
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Your ranking is saved."))
                return redirect(mentors_url(request.campus, "matching_rank_mentors", pk=self.mentee.pk))
        return self.show(pool, form, status=400)


class MentorRankingView(RankingMixin, View):
    """A mentor's ranking of a round's mentees (participants, or groups with their problem)."""

    view_permission, edit_permission = "mentors.view_mentor_ranking", "mentors.rank_mentees"
    template_name = "mentors/matching_rank_mentees.html"

    @cached_property
    def round(self):
        return get_object_or_404(
            MatchingRound.objects.select_related("cohort", "campus"),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )

    @cached_property
    def mentor(self):
        return get_object_or_404(
            MentorProfile.objects.select_related("user"), campus=self.request.campus, pk=self.kwargs["mentor"]
        )

    def get_permission_object(self):
        return self.mentor

    def make_form(self, data=None):
        mentees = list(round_mentees(self.round).prefetch_related("fields"))
        return RankingForm(data, items=mentees, ranking=mentor_ranks(self.round, self.mentor))

    def show(self, form, status=200):
        context = {
            "round": self.round,
            "mentor": self.mentor,
            "form": form,
            "is_open": is_open_for_rankings(self.round),
            "may_edit": self.may_edit(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk, mentor):
        return self.show(self.make_form())

    def post(self, request, pk, mentor):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                rank_mentees(round=self.round, mentor=self.mentor, ranks=form.ranks(), actor=request.user)
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Your ranking is saved."))
                return redirect(
                    mentors_url(
                        request.campus, "matching_rank_mentees", pk=self.round.pk, mentor=self.mentor.pk
                    )
                )
        return self.show(form, status=400)
