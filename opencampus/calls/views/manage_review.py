"""The campus team's review pages for a call: phases and rubric, reviewer assignment, conflicts."""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.services.activity import log_activity
from opencampus.people.models import User

from ..forms.manage import MoveForm
from ..forms.review import AssignmentForm, CriterionForm, OverrideForm, ReviewPhaseForm, StaffConflictForm
from ..models import (
    Application,
    AssignmentOverride,
    AssignmentRun,
    Conflict,
    Criterion,
    Review,
    ReviewPhase,
    Score,
)
from ..services.assignment import (
    REVIEWABLE_STATES,
    default_max_load,
    reviewers_of,
    run_assignment,
)
from ..services.conflicts import conflicting_pairs, declare_conflict
from ..services.solver_notices import notice_texts, reviewer_ids
from .manage_calls import CallMixin
from .review import phase_state

APPLICATIONS_PER_PAGE = 50
CONFLICTS_PER_PAGE = 100
RUNS_SHOWN = 10
DEFAULT_K = 3


class ReviewCallMixin(CallMixin):
    permission_required = "calls.manage_reviews"

    @cached_property
    def phases(self):
        return list(ReviewPhase.objects.filter(call=self.call).order_by("starts_at", "pk"))

    @cached_property
    def phase(self):
        return phase_state(self.phases)


# Phases and rubric


class ReviewSetupView(ReviewCallMixin, View):
    template_name = "calls/manage/review_setup.html"

    def get(self, request, slug):
        criteria = list(
            Criterion.objects.filter(call=self.call)
            .annotate(score_count=Count("scores"))
            .order_by("position", "pk")
        )
        total_weight = sum(criterion.weight for criterion in criteria)
        for criterion in criteria:
            criterion.share = round(100 * criterion.weight / total_weight) if total_weight else 0
        context = {"call": self.call, "phases": self.phases, "phase": self.phase, "criteria": criteria}
        return render(request, self.template_name, context)


class PhaseView(ReviewCallMixin, View):
    """Add a review phase (no ``pk``) or edit one."""

    template_name = "calls/manage/review_phase_form.html"

    def get_phase(self, pk):
        return get_object_or_404(ReviewPhase, pk=pk, call=self.call) if pk else None

    def make_form(self, phase, data=None):
        return ReviewPhaseForm(data, instance=copy.copy(phase), campus=self.request.campus)

    def render_form(self, form, phase):
        return render(self.request, self.template_name, {"call": self.call, "form": form, "phase": phase})

    def get(self, request, slug, pk=None):
        phase = self.get_phase(pk)
        return self.render_form(self.make_form(phase), phase)

    def post(self, request, slug, pk=None):
        phase = self.get_phase(pk)
        form = self.make_form(phase, request.POST)
        if not form.is_valid():
            return self.render_form(form, phase)
        saved = form.save(commit=False)
        saved.campus, saved.call = self.call.campus, self.call
        saved.save()
        log_activity(
            campus=self.call.campus,
            actor=request.user,
            action="review.phase_added" if phase is None else "review.phase_changed",
            subject=self.call,
            data={"phase": saved.pk},
        )
        messages.success(
            request,
            _("The review phase has been added.") if phase is None else _("The review phase has been saved."),
        )
        return redirect(self.call_url("review_setup"))


class DeletePhaseView(ReviewCallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        phase = get_object_or_404(ReviewPhase, pk=pk, call=self.call)
        phase.delete()
        log_activity(
            campus=self.call.campus,
            actor=request.user,
            action="review.phase_deleted",
            subject=self.call,
            data={"phase": pk},
        )
        messages.success(request, _("The review phase has been deleted. Reviews written in it are kept."))
        return redirect(self.call_url("review_setup"))


class CriterionView(ReviewCallMixin, View):
    """Add a rubric criterion (no ``pk``) or edit one; a criterion with scores keeps its scale."""

    template_name = "calls/manage/review_criterion_form.html"

    def get_criterion(self, pk):
        return get_object_or_404(Criterion, pk=pk, call=self.call) if pk else None

    def make_form(self, criterion, data=None):
        locked = criterion is not None and Score.objects.filter(criterion=criterion).exists()
        return CriterionForm(data, instance=copy.copy(criterion), scale_locked=locked)

    def render_form(self, form, criterion):
        return render(
            self.request, self.template_name, {"call": self.call, "form": form, "criterion": criterion}
        )

    def get(self, request, slug, pk=None):
        criterion = self.get_criterion(pk)
        return self.render_form(self.make_form(criterion), criterion)

    def post(self, request, slug, pk=None):
        criterion = self.get_criterion(pk)
        form = self.make_form(criterion, request.POST)
        if not form.is_valid():
            return self.render_form(form, criterion)
        saved = form.save(commit=False)
        if criterion is None:
            saved.campus, saved.call = self.call.campus, self.call
            top = Criterion.objects.filter(call=self.call).aggregate(top=Max("position"))["top"]
            saved.position = 0 if top is None else top + 1
        saved.save()
        log_activity(
            campus=self.call.campus,
            actor=request.user,
            action="review.criterion_added" if criterion is None else "review.criterion_changed",
            subject=self.call,
            data={"criterion": saved.pk},
        )
        if criterion is None:
            messages.success(request, _("The criterion has been added."))
            submitted = Review.objects.filter(application__call=self.call, submitted_at__isnull=False).count()
            if submitted:
                messages.warning(
                    request,
                    _(
                        "%(count)d reviews were submitted before this criterion existed. Until their "
                        "reviewers score it, they are left out of the calibrated scores."
                    )
                    % {"count": submitted},
                )
        else:
            messages.success(request, _("The criterion has been saved."))
        return redirect(self.call_url("review_setup"))


class DeleteCriterionView(ReviewCallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        criterion = get_object_or_404(Criterion, pk=pk, call=self.call)
        if Score.objects.filter(criterion=criterion).exists():
            messages.error(
                request,
                _(
                    "Reviews already score this criterion, so it cannot be deleted: "
                    "their scores would be lost."
                ),
            )
            return redirect(self.call_url("review_setup"))
        criterion.delete()
        log_activity(
            campus=self.call.campus,
            actor=request.user,
            action="review.criterion_deleted",
            subject=self.call,
            data={"criterion": pk},
        )
        messages.success(request, _("The criterion has been deleted."))
        return redirect(self.call_url("review_setup"))


class MoveCriterionView(ReviewCallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        criterion = get_object_or_404(Criterion, pk=pk, call=self.call)
        form = MoveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to move up or down."))
            return redirect(self.call_url("review_setup"))
        with transaction.atomic():
            criteria = list(
                Criterion.objects.filter(call=self.call).select_for_update().order_by("position", "pk")
            )
            index = next(i for i, item in enumerate(criteria) if item.pk == criterion.pk)
            other = index - 1 if form.cleaned_data["direction"] == "up" else index + 1
            if 0 <= other < len(criteria):
                criteria[index], criteria[other] = criteria[other], criteria[index]
                for position, item in enumerate(criteria):
                    item.position = position
                Criterion.objects.bulk_update(criteria, ["position"])
                messages.success(request, _("The criterion has been moved."))
        return redirect(self.call_url("review_setup"))


# Assignment


def count_reviews(**filters):
    reviews = (
        Review.objects.filter(application=OuterRef("pk"), **filters)
        .order_by()
        .values("application")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(reviews, output_field=IntegerField()), Value(0))


def describe_runs(runs):
    """Give each run its ``texts``: the solver's notices in the reader's language, reviewers by
    name, or the stored English message for runs recorded before notices were kept."""
    notices = {run.pk: (run.parameters or {}).get("notices") for run in runs}
    mentioned = set().union(*(reviewer_ids(found) for found in notices.values()))
    people = User.objects.in_bulk(list(mentioned)) if mentioned else {}
    for run in runs:
        run.texts = notice_texts(notices[run.pk], run.message, people=people)
    return runs


class AssignmentView(ReviewCallMixin, View):
    """Parameters and runs of the solver, pins and bans, and everyone's progress."""

    template_name = "calls/manage/review_assignment.html"

    def runs(self):
        return describe_runs(
            list(AssignmentRun.objects.filter(call=self.call).select_related("actor")[:RUNS_SHOWN])
        )

    def target_k(self, runs):
        """k of the last assignment that was applied, else of the review phase."""
        for run in runs:
            if run.status != "infeasible":
                return run.parameters.get("reviews_per_application", DEFAULT_K)
        return self.phase.reviews_per_application or DEFAULT_K

    def run_form(self, reviewers, application_count):
        k = self.phase.reviews_per_application or DEFAULT_K
        max_load = default_max_load(
            applications=range(application_count), reviewers=reviewers, reviews_per_application=k
        )
        return AssignmentForm(
            initial={"reviews_per_application": k, "min_load": 0, "max_load": max(max_load, 1)}
        )

    def reviewer_progress(self, reviewers):
        counts = {
            row["reviewer_id"]: row
            for row in Review.objects.filter(application__call=self.call)
            .values("reviewer_id")
            .annotate(assigned=Count("pk"), submitted=Count("pk", filter=Q(submitted_at__isnull=False)))
            .order_by()
        }
        people = {reviewer.pk: reviewer for reviewer in reviewers}
        former = set(counts) - set(people)
        if former:  # reviewers who lost the role keep their reviews and show here
            people.update(User.objects.in_bulk(list(former)))
        rows = []
        for pk, person in people.items():
            row = counts.get(pk, {})
            rows.append(
                {
                    "reviewer": person,
                    "assigned": row.get("assigned", 0),
                    "submitted": row.get("submitted", 0),
                    "is_reviewer": pk not in former,
                }
            )
        rows.sort(key=lambda row: (-row["assigned"] + row["submitted"], str(row["reviewer"]).lower()))
        return rows

    def application_page(self, k):
        reviewed = Review.objects.filter(application__call=self.call).values("application_id")
        applications = (
            Application.objects.filter(call=self.call)
            .filter(Q(state__in=REVIEWABLE_STATES) | Q(pk__in=reviewed))
            .select_related("applicant", "organisation")
            .annotate(assigned=count_reviews(), submitted=count_reviews(submitted_at__isnull=False))
            .order_by("pk")
        )
        self.show = self.request.GET.get("show", "")
        if self.show == "short":
            applications = applications.filter(submitted__lt=k)
        elif self.show == "unassigned":
            applications = applications.filter(assigned__lt=k)
        else:
            self.show = ""
        page = Paginator(applications, APPLICATIONS_PER_PAGE).get_page(self.request.GET.get("page"))
        on_page = list(page.object_list)
        reviews = {application.pk: [] for application in on_page}
        for review in (
            Review.objects.filter(application__in=on_page)
            .select_related("reviewer")
            .order_by("reviewer__email")
        ):
            reviews[review.application_id].append(review)
        for application in on_page:
            application.reviews = reviews[application.pk]
        page.object_list = on_page
        return page

    def render_page(self, run_form=None, override_form=None):
        runs = self.runs()
        reviewers = reviewers_of(self.call.campus)
        reviewable = Application.objects.filter(call=self.call, state__in=REVIEWABLE_STATES).count()
        k = self.target_k(runs)
        page = self.application_page(k)
        overrides = list(
            AssignmentOverride.objects.filter(application__call=self.call)
            .select_related("reviewer", "application__applicant")
            .order_by("application_id", "reviewer__email")
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        context = {
            "call": self.call,
            "phase": self.phase,
            "run_form": run_form or self.run_form(reviewers, reviewable),
            "override_form": override_form or OverrideForm(call=self.call, initial={"kind": "pin"}),
            "runs": runs,
            "last_run": runs[0] if runs else None,
            "reviewer_rows": self.reviewer_progress(reviewers),
            "reviewer_count": len(reviewers),
            "reviewable_count": reviewable,
            "k": k,
            "applications": page.object_list,
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.paginator.num_pages > 1,
            "show": self.show,
            "query_string": query.urlencode(),
            "overrides": overrides,
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        return self.render_page()


class RunAssignmentView(AssignmentView):
    http_method_names = ["post"]

    def post(self, request, slug):
        form = AssignmentForm(request.POST)
        if not form.is_valid():
            return self.render_page(run_form=form)
        run = run_assignment(call=self.call, actor=request.user, **form.cleaned_data)
        if run.status == "infeasible":
            (run,) = describe_runs([run])
            messages.error(
                request,
                _("No assignment was made; the reviews stay as they were. %(message)s")
                % {"message": " ".join(run.texts)},
            )
        else:
            messages.success(
                request,
                _("Reviewers are assigned (%(status)s, objective %(objective).3f, bound %(bound).3f).")
                % {"status": run.status, "objective": run.objective or 0, "bound": run.bound or 0},
            )
        return redirect(self.call_url("review_assignment"))


class OverrideView(AssignmentView):
    """Pin a pair (must review) or forbid it; the next run respects it."""

    http_method_names = ["post"]

    def post(self, request, slug):
        call = self.call

        def conflicts(reviewer):
            return conflicting_pairs(call=call, reviewers=[reviewer])

        form = OverrideForm(request.POST, call=call, conflicts=conflicts)
        if not form.is_valid():
            return self.render_page(override_form=form)
        reviewer, application = form.cleaned_data["reviewer"], form.cleaned_data["application_object"]
        kind = form.cleaned_data["kind"]
        AssignmentOverride.objects.update_or_create(
            application=application, reviewer=reviewer, defaults={"campus": call.campus, "kind": kind}
        )
        log_activity(
            campus=call.campus,
            actor=request.user,
            action="review.override_set",
            subject=application,
            data={"reviewer": reviewer.pk, "kind": kind},
        )
        messages.success(
            request,
            _("%(reviewer)s %(rule)s application %(number)d. Run the assignment again to apply it.")
            % {
                "reviewer": reviewer.email,
                "rule": AssignmentOverride.Kind(kind).label,
                "number": application.pk,
            },
        )
        return redirect(self.call_url("review_assignment"))


class DeleteOverrideView(ReviewCallMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        override = get_object_or_404(AssignmentOverride, pk=pk, application__call=self.call)
        override.delete()
        log_activity(
            campus=self.call.campus,
            actor=request.user,
            action="review.override_removed",
            subject=self.call,
            data={"application": override.application_id, "reviewer": override.reviewer_id},
        )
        messages.success(request, _("The rule has been removed. Run the assignment again to apply it."))
        return redirect(self.call_url("review_assignment"))


# Conflicts of interest


class ConflictsView(ReviewCallMixin, View):
    """Declared, recorded and organisation-derived conflicts; staff may record one."""

    template_name = "calls/manage/review_conflicts.html"

    def render_page(self, form=None):
        reviewers = reviewers_of(self.call.campus)
        recorded = {
            (conflict.application_id, conflict.reviewer_id): conflict
            for conflict in Conflict.objects.filter(application__call=self.call)
        }
        pairs = sorted(conflicting_pairs(call=self.call, reviewers=reviewers) | set(recorded))
        page = Paginator(pairs, CONFLICTS_PER_PAGE).get_page(self.request.GET.get("page"))
        on_page = list(page.object_list)
        people = User.objects.in_bulk({reviewer_id for _application, reviewer_id in on_page})
        applications = Application.objects.select_related("applicant", "organisation").in_bulk(
            {application_id for application_id, _reviewer in on_page}
        )
        page.object_list = [
            {
                "application": applications[application_id],
                "reviewer": people[reviewer_id],
                "conflict": recorded.get((application_id, reviewer_id)),
            }
            for application_id, reviewer_id in on_page
        ]
        context = {
            "call": self.call,
            "rows": page.object_list,
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.paginator.num_pages > 1,
            "declared_count": len(recorded),
            "total": len(pairs),
            "form": form or StaffConflictForm(call=self.call),
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        return self.render_page()

    def post(self, request, slug):
        form = StaffConflictForm(request.POST, call=self.call)
        if not form.is_valid():
            return self.render_page(form)
        reviewer, application = form.cleaned_data["reviewer"], form.cleaned_data["application_object"]
        with transaction.atomic():
            declare_conflict(
                application=application,
                reviewer=reviewer,
                note=form.cleaned_data["note"],
                source=Conflict.Source.STAFF,
                actor=request.user,
            )
            removed, _detail = Review.objects.filter(
                application=application, reviewer=reviewer, submitted_at__isnull=True
            ).delete()
        messages.success(request, _("The conflict of interest is recorded."))
        if removed:
            messages.warning(
                request,
                _("Their unsubmitted review of this application was removed. Run the assignment again."),
            )
        return redirect(self.call_url("review_conflicts"))
