"""A person's matches: the "my mentoring" entry point, a match's page, accepting it or asking for a
change."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from .. import matching_rules  # noqa: F401 (registers the permissions checked here)
from ..forms.matching import ChangeRequestForm
from ..models import Mentorship
from ..services.answers import accept_match, ask_for_change, my_matches, sides_of
from ..services.errors import MentorsError
from ..services.rankings import rankings_to_give
from .mixins import SignedInMixin, mentors_url, show_error


class MyMatchesView(SignedInMixin, View):
    permission_required = "mentors.view_my_matches"

    def get(self, request):
        as_mentor, as_mentee = my_matches(request.user)
        mentees, profile, rounds = rankings_to_give(request.user, request.campus)
        context = {
            "as_mentor": as_mentor,
            "as_mentee": as_mentee,
            "mentee_rankings": mentees,
            "profile": profile,
            "mentor_rounds": rounds,
        }
        return render(request, "mentors/matching_my_matches.html", context)


class MatchMixin(SignedInMixin):
    @cached_property
    def mentorship(self):
        return get_object_or_404(
            Mentorship.objects.select_related(
                "campus",
                "round__cohort",
                "mentor__user",
                "mentee__participant__user",
                "mentee__group__agenda",
            ).prefetch_related("mentor__fields"),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.mentorship


class MatchView(MatchMixin, View):
    """The match as both sides see it, with their answer."""

    permission_required = "mentors.view_mentorship"
    template_name = "mentors/matching_match.html"

    def show(self, form, status=200):
        mentorship = self.mentorship
        context = {
            "mentorship": mentorship,
            "sides": sides_of(self.request.user, mentorship),
            "may_answer": self.request.user.has_perm("mentors.work_in_mentorship", mentorship),
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.show(ChangeRequestForm())


class AcceptView(MatchMixin, View):
    permission_required = "mentors.work_in_mentorship"

    def post(self, request, pk):
        try:
            mentorship = accept_match(mentorship=self.mentorship, actor=request.user)
        except MentorsError as error:
            messages.error(request, error.message)
        else:
            if mentorship.state == Mentorship.State.ACTIVE:
                messages.success(request, _("Both sides accepted: the mentoring can start."))
            else:
                messages.success(request, _("You accepted the match. The other side has not answered yet."))
        return redirect(mentors_url(request.campus, "match", pk=pk))


class ChangeRequestView(MatchView):
    permission_required = "mentors.work_in_mentorship"
    http_method_names = ["post"]

    def post(self, request, pk):
        form = ChangeRequestForm(request.POST)
        if form.is_valid():
            try:
                ask_for_change(
                    mentorship=self.mentorship,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    base_url=request.build_absolute_uri("/"),
                )
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The campus team is asked for a change."))
                return redirect(mentors_url(request.campus, "match", pk=pk))
        return self.show(form, status=400)
