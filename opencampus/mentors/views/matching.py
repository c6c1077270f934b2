"""The campus team's matching pages: rounds, a round's mentees, pool, pair rules and runs, a run's
two results side by side, and publishing one of them."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ..forms.matching import CloseDateForm, OpenRoundForm, PairRuleForm, PublishForm, ReassignForm
from ..models import OPEN_MENTORSHIP_STATES, MatchingRound, MatchingRun, MentorProfile, Mentorship, PairRule
from ..services.answers import keep_match, reassign_mentee
from ..services.errors import MentorsError
from ..services.matching import compute_matching, publish_result
from ..services.matching_pairs import add_pair_rule, remove_pair_rule
from ..services.matching_problem import build_problem, capacity_check
from ..services.matching_report import run_report
from ..services.rounds import change_close_date as set_close_date
from ..services.rounds import is_open_for_rankings, mentor_pool, open_round, refresh_mentees
from .mixins import MentorsManageMixin, manage_url, show_error


def round_url(round, name="matching_round", **kwargs):
    return manage_url(round.campus, name, pk=round.pk, **kwargs)


class RoundsView(MentorsManageMixin, View):
    """Every round of the campus, and opening a new one."""

    template_name = "mentors/matching_rounds.html"

    def show(self, form, status=200):
        rounds = (
            MatchingRound.objects.filter(campus=self.request.campus)
            .select_related("cohort")
            .annotate(mentee_count=Count("mentees", distinct=True))
        )
        return render(self.request, self.template_name, {"rounds": rounds, "form": form}, status=status)

    def get(self, request):
        return self.show(OpenRoundForm(campus=request.campus))

    def post(self, request):
        form = OpenRoundForm(request.POST, campus=request.campus)
        if form.is_valid():
            try:
                round = open_round(actor=request.user, **form.cleaned_data)
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(request, _("The round is open for rankings."))
                return redirect(round_url(round))
        return self.show(form, status=400)


class RoundMixin(MentorsManageMixin):
    @cached_property
    def round(self):
        return get_object_or_404(
            MatchingRound.objects.select_related("cohort", "campus"),
            campus=self.request.campus,
            pk=self.kwargs["pk"],
        )


def mentee_rows(round):
    return (
        round.mentees.select_related("participant__user", "group__agenda")
        .annotate(
            ranked_mentors=Count("preferences", distinct=True),
            ranked_by=Count("ranked_by_mentors", distinct=True),
        )
        .order_by("pk")
    )


def mentor_choices(**filters):
    return MentorProfile.objects.filter(**filters).select_related("user")


def mentee_choices(round):
    return round.mentees.select_related("participant__user", "group").order_by("pk")


def capacity_facts(round):
    """``(mentees, places, shortfall)`` or the reason the round cannot be computed now."""
    try:
        return capacity_check(build_problem(round)), ""
    except MentorsError as error:
        return None, error.message


class RoundView(RoundMixin, View):
    template_name = "mentors/matching_round.html"

    def render_page(self, bound=None, status=200):
        round = self.round
        pool = mentor_pool(round)
        ranked_by_mentor = dict(
            round.mentor_preferences.values("mentor")
            .annotate(count=Count("pk"))
            .values_list("mentor", "count")
        )
        for profile in pool:
            profile.ranked = ranked_by_mentor.get(profile.pk, 0)
        with_room = mentor_choices(pk__in=[profile.pk for profile in pool if profile.room])
        forms = {
            "rule": PairRuleForm(mentees=mentee_choices(round), mentors=with_room, prefix="rule"),
            "close": CloseDateForm(initial={"rankings_close_at": round.rankings_close_at}, prefix="close"),
        }
        if bound is not None:
            forms[bound[0]] = bound[1]
        capacity, problem_error = (
            capacity_facts(round) if round.state == MatchingRound.State.RANKING else (None, "")
        )
        context = {
            "round": round,
            "is_open": is_open_for_rankings(round),
            "mentees": mentee_rows(round),
            "pool": pool,
            "rules": PairRule.objects.filter(round=round).select_related(
                "mentor__user", "mentee__participant__user", "mentee__group__agenda"
            ),
            "runs": MatchingRun.objects.filter(round=round).select_related("created_by"),
            "capacity": capacity,
            "problem_error": problem_error,
            "forms": forms,
            **self.published_context(round, bound),
        }
        return render(self.request, self.template_name, context, status=status)

    def published_context(self, round, bound):
        if round.state != MatchingRound.State.PUBLISHED:
            return {}
        mentorships = list(
            Mentorship.objects.filter(round=round)
            .select_related(
                "mentor__user", "mentee__participant__user", "mentee__group__agenda", "change_requested_by"
            )
            .order_by("state", "pk")
        )
        free = MentorProfile.objects.filter(campus=round.campus, state=MentorProfile.State.ACTIVE).annotate(
            taken=Count("mentorships", filter=Q(mentorships__state__in=OPEN_MENTORSHIP_STATES))
        )
        with_room = mentor_choices(
            pk__in=[profile.pk for profile in free if profile.taken < profile.capacity]
        )
        choices = None
        for mentorship in mentorships:
            if mentorship.state == Mentorship.State.CHANGE_REQUESTED:
                mentorship.reassign_form = ReassignForm(mentors=with_room, prefix=f"reassign-{mentorship.pk}")
                # Every form offers the same mentors: read them once, not once per change request.
                field = mentorship.reassign_form.fields["mentor"]
                choices = list(field.choices) if choices is None else choices
                field.choices = choices
                if bound is not None and bound[0] == f"reassign-{mentorship.pk}":
                    mentorship.reassign_form = bound[1]
        return {
            "mentorships": mentorships,
            "change_requests": [m for m in mentorships if m.state == Mentorship.State.CHANGE_REQUESTED],
        }

    def get(self, request, pk):
        return self.render_page()


class RoundActionView(RoundView):
    """A POST from the round page; a refusal shows the page again with what was typed."""

    http_method_names = ["post"]
    form_name = None

    def make_form(self, data):
        return None

    def post(self, request, pk, **kwargs):
        form = self.make_form(request.POST)
        if form is not None and not form.is_valid():
            return self.render_page(bound=(self.form_name, form), status=400)
        try:
            message = self.perform(form.cleaned_data if form is not None else {})
        except MentorsError as error:
            if form is None:
                messages.error(request, error.message)
                return redirect(round_url(self.round))
            show_error(form, error)
            return self.render_page(bound=(self.form_name, form), status=400)
        messages.success(request, message)
        return redirect(self.success_url())

    def success_url(self):
        return round_url(self.round)


class RefreshView(RoundActionView):
    def perform(self, data):
        added, removed = refresh_mentees(round=self.round, actor=self.request.user)
        return _("Mentees refreshed: %(added)s added, %(removed)s removed.") % {
            "added": added,
            "removed": removed,
        }


class CloseDateView(RoundActionView):
    form_name = "close"

    def make_form(self, data):
        return CloseDateForm(data, prefix="close")

    def perform(self, data):
        set_close_date(round=self.round, rankings_close_at=data["rankings_close_at"], actor=self.request.user)
        return _("Saved.")


class AddPairRuleView(RoundActionView):
    form_name = "rule"

    def make_form(self, data):
        mentors = mentor_choices(campus=self.request.campus)
        return PairRuleForm(data, mentees=mentee_choices(self.round), mentors=mentors, prefix="rule")

    def perform(self, data):
        add_pair_rule(round=self.round, actor=self.request.user, **data)
        return _("The rule is saved.")


class RemovePairRuleView(RoundActionView):
    def perform(self, data):
        rule = get_object_or_404(PairRule, round=self.round, pk=self.kwargs["rule"])
        remove_pair_rule(rule=rule, actor=self.request.user)
        return _("The rule is removed.")


class ComputeView(RoundActionView):
    """Solve the round both ways in this request, then show the results."""

    def perform(self, data):
        self.run = compute_matching(round=self.round, actor=self.request.user)
        return _("Both results are computed.")

    def success_url(self):
        return round_url(self.round, "matching_run", run=self.run.pk)


class RunMixin(RoundMixin):
    @cached_property
    def run(self):
        return get_object_or_404(
            MatchingRun.objects.select_related("created_by"), round=self.round, pk=self.kwargs["run"]
        )


class RunView(RunMixin, View):
    template_name = "mentors/matching_run.html"

    def show(self, form, status=200):
        context = {
            "round": self.round,
            "run": self.run,
            "report": run_report(self.run),
            "form": form,
            "can_publish": self.round.state == MatchingRound.State.RANKING,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk, run):
        return self.show(PublishForm())


class PublishView(RunView):
    http_method_names = ["post"]

    def post(self, request, pk, run):
        form = PublishForm(request.POST)
        if form.is_valid():
            try:
                mentorships = publish_result(
                    run=self.run,
                    method=form.cleaned_data["method"],
                    actor=request.user,
                    base_url=request.build_absolute_uri("/"),
                )
            except MentorsError as error:
                show_error(form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "Published: %(count)s match waits for answers. The letters wait in the outbox.",
                        "Published: %(count)s matches wait for answers. The letters wait in the outbox.",
                        len(mentorships),
                    )
                    % {"count": len(mentorships)},
                )
                return redirect(round_url(self.round))
        return self.show(form, status=400)


class MentorshipActionView(RoundActionView):
    @cached_property
    def mentorship(self):
        return get_object_or_404(
            Mentorship.objects.select_related("campus", "round", "mentor__user", "mentee__participant__user"),
            round=self.round,
            pk=self.kwargs["mentorship"],
        )


class ReassignView(MentorshipActionView):
    """Give a mentee who asked for a change (or whose mentor did) another mentor with room."""

    @property
    def form_name(self):
        return f"reassign-{self.mentorship.pk}"

    def make_form(self, data):
        return ReassignForm(data, mentors=mentor_choices(campus=self.request.campus), prefix=self.form_name)

    def perform(self, data):
        proposed = reassign_mentee(
            mentorship=self.mentorship,
            mentor=data["mentor"],
            actor=self.request.user,
            base_url=self.request.build_absolute_uri("/"),
        )
        return _("%(mentee)s is now proposed to %(mentor)s. The letters wait in the outbox.") % {
            "mentee": proposed.mentee,
            "mentor": proposed.mentor,
        }


class KeepView(MentorshipActionView):
    def perform(self, data):
        keep_match(
            mentorship=self.mentorship, actor=self.request.user, base_url=self.request.build_absolute_uri("/")
        )
        return _("The match is kept.")
