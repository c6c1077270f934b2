"""Reviewers' own pages: their queue, the review form, files, conflicts of interest and bids.

A reviewer only ever reaches reviews assigned to them: every lookup filters by the signed-in
reviewer, so another reviewer's review is "not found". In a blind phase the pages never show
the applicant's name, e-mail or organisation, and files come as anonymous copies.
"""

import posixpath
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View

from opencampus.core.links import campus_reverse
from opencampus.people.models import Membership
from opencampus.people.views.manage import ManagePermissionMixin

from ..forms.review import BidsForm, ConflictDeclarationForm, ReviewForm
from ..models import Answer, Application, Bid, Call, Conflict, Criterion, Question, Review, ReviewPhase, Score
from ..services.assignment import REVIEWABLE_STATES
from ..services.bids import save_bids
from ..services.conflicts import conflicting_pairs, declare_conflict
from ..services.file_metadata import FileMetadataError, neutral_name, stripped_copy
from ..services.forms import questions_of
from ..services.scoring import ReviewError, review_total, save_review
from .manage_applications import display_answer

BIDS_PER_PAGE = 50


# Review phases: which one governs a call now


@dataclass(frozen=True)
class PhaseState:
    """Where a call's review stands: ``open``, ``upcoming``, ``ended`` or ``none`` (no phase yet)."""

    status: str
    phase: ReviewPhase | None
    blind: bool

    @property
    def is_open(self):
        return self.status == "open"

    @property
    def can_see_other_reviews(self):
        return self.phase is not None and self.phase.can_see_other_reviews

    @property
    def reviews_per_application(self):
        return self.phase.reviews_per_application if self.phase else None


def phase_state(phases, now=None):
    """The open phase (the latest started if several); else the last ended, else the next one.

    Outside an open phase the pages stay blind unless no phase of the call is blind.
    """
    now = now or timezone.now()
    phases = list(phases)
    open_phases = [phase for phase in phases if phase.starts_at <= now < phase.ends_at]
    if open_phases:
        phase = max(open_phases, key=attrgetter("starts_at"))
        return PhaseState("open", phase, phase.is_blind)
    blind = any(phase.is_blind for phase in phases) or not phases
    ended = [phase for phase in phases if phase.ends_at <= now]
    if ended:
        return PhaseState("ended", max(ended, key=attrgetter("ends_at")), blind)
    if phases:
        return PhaseState("upcoming", min(phases, key=attrgetter("starts_at")), blind)
    return PhaseState("none", None, blind)


def phases_by_call(call_ids):
    phases = {call_id: [] for call_id in call_ids}
    for phase in ReviewPhase.objects.filter(call_id__in=call_ids).order_by("call_id", "starts_at", "pk"):
        phases[phase.call_id].append(phase)
    return phases


def call_phase_state(call):
    return phase_state(ReviewPhase.objects.filter(call=call))


def application_titles(application_ids):
    """``{application id: the first short-text answer}``: a title that names nobody by itself."""
    titles = {}
    answers = (
        Answer.objects.filter(application_id__in=application_ids, question__kind=Question.Kind.SHORT_TEXT)
        .order_by(
            "application_id",
            "question__section__position",
            "question__section_id",
            "question__position",
            "pk",
        )
        .values_list("application_id", "value")
    )
    for application_id, value in answers:
        if application_id not in titles and isinstance(value, str) and value.strip():
            titles[application_id] = value.strip()
    return titles


def shares_organisation(application, reviewer):
    """Whether reviewer and applicant (or the organisation applied for) share an organisation now."""
    if application.applicant_id == reviewer.pk:
        return True
    theirs = Membership.objects.filter(
        campus_id=application.campus_id, user_id=application.applicant_id
    ).values("organisation_id")
    mine = Membership.objects.filter(campus_id=application.campus_id, user=reviewer)
    return mine.filter(organisation_id__in=theirs).exists() or (
        application.organisation_id is not None
        and mine.filter(organisation_id=application.organisation_id).exists()
    )


class ReviewerMixin(ManagePermissionMixin):
    """Pages for people holding the reviewer role on this campus."""

    permission_required = "calls.review"

    def reviews_url(self, name="queue", **kwargs):
        return campus_reverse(self.request.campus, f"reviews:{name}", **kwargs)


# The queue


class QueueView(ReviewerMixin, View):
    template_name = "calls/review/queue.html"

    def get(self, request):
        reviews = list(
            Review.objects.filter(reviewer=request.user)
            .select_related("application__call")
            .order_by("application__call_id", "application_id")
        )
        calls = {review.application.call_id: review.application.call for review in reviews}
        biddable = list(
            Call.objects.filter(campus=request.campus, is_published=True)
            .filter(Exists(Application.objects.filter(call=OuterRef("pk"), state__in=REVIEWABLE_STATES)))
            .order_by("-opens_at", "pk")
        )
        phases = phases_by_call({*calls, *(call.pk for call in biddable)})
        titles = application_titles([review.application_id for review in reviews])
        conflicts = set(
            Conflict.objects.filter(
                reviewer=request.user, application_id__in=[review.application_id for review in reviews]
            ).values_list("application_id", flat=True)
        )
        groups = []
        for call_id, call_reviews in groupby(reviews, key=attrgetter("application.call_id")):
            call_reviews = list(call_reviews)
            for review in call_reviews:
                review.title = titles.get(review.application_id, "")
                review.has_conflict = review.application_id in conflicts
            groups.append(
                {
                    "call": calls[call_id],
                    "state": phase_state(phases[call_id]),
                    "reviews": call_reviews,
                    "submitted": sum(review.is_submitted for review in call_reviews),
                    "assigned": len(call_reviews),
                }
            )
        # Calls open for review first, then the others (marked with their phase's state).
        groups.sort(key=lambda group: not group["state"].is_open)
        bid_calls = [call for call in biddable if phase_state(phases[call.pk]).status != "ended"]
        context = {
            "groups": groups,
            "submitted": sum(group["submitted"] for group in groups),
            "assigned": len(reviews),
            "bid_calls": bid_calls,
        }
        return render(request, self.template_name, context)


# One review


class ReviewMixin(ReviewerMixin):
    """Pages about one of *my* reviews: any other review id is not found."""

    @cached_property
    def review(self):
        return get_object_or_404(
            Review.objects.select_related(
                "application__call",
                "application__form",
                "application__applicant",
                "application__organisation",
            ),
            pk=self.kwargs["review_id"],
            reviewer=self.request.user,
        )

    @cached_property
    def phase(self):
        return call_phase_state(self.review.application.call)

    def review_url(self):
        return self.reviews_url("review", review_id=self.review.pk)


class ReviewView(ReviewMixin, View):
    template_name = "calls/review/review.html"

    @cached_property
    def criteria(self):
        return list(
            Criterion.objects.filter(call_id=self.review.application.call_id).order_by("position", "pk")
        )

    @cached_property
    def has_conflict(self):
        review = self.review
        return Conflict.objects.filter(
            application_id=review.application_id, reviewer=self.request.user
        ).exists() or shares_organisation(review.application, self.request.user)

    def read_only_reason(self):
        """Why the review cannot be changed now, or ``None``."""
        phase, application = self.phase, self.review.application
        if self.has_conflict:
            return _(
                "You have a conflict of interest with this application, so you cannot review it. "
                "The campus team will give it to another reviewer."
            )
        if application.state not in REVIEWABLE_STATES:
            return _("This application is no longer under review (it is “%(state)s”).") % {
                "state": application.get_state_display()
            }
        if phase.status == "none":
            return _("No review phase is set for this call yet; you can read the application meanwhile.")
        if phase.status == "upcoming":
            return _("The review phase opens on %(when)s; you can read the application meanwhile.") % {
                "when": date_format(timezone.localtime(phase.phase.starts_at), "Y-m-d H:i")
            }
        if phase.status == "ended":
            return _("The review phase ended on %(when)s; the review can no longer be changed.") % {
                "when": date_format(timezone.localtime(phase.phase.ends_at), "Y-m-d H:i")
            }
        if not self.criteria:
            return _("The campus team has not set the scoring criteria of this call yet.")
        return None

    def make_form(self, data=None):
        review = self.review
        initial = {"comment": review.comment}
        for criterion_id, value in Score.objects.filter(review=review).values_list("criterion_id", "value"):
            initial[f"criterion_{criterion_id}"] = value
        return ReviewForm(
            data,
            initial=initial,
            criteria=self.criteria,
            disabled=self.read_only_reason() is not None,
        )

    def answer_sections(self):
        application = self.review.application
        answers = {answer.question_id: answer for answer in Answer.objects.filter(application=application)}
        sections = []
        for section, questions in groupby(questions_of(application.form), key=attrgetter("section")):
            rows = []
            for question in questions:
                answer = answers.get(question.pk)
                shown = display_answer(question, answer)
                if shown and "file" in shown:
                    shown["file"] = self.file_name(answer)
                rows.append({"question": question, "answer": answer, "shown": shown})
            sections.append((section, rows))
        return sections

    def file_name(self, answer):
        if self.phase.blind:
            return neutral_name(
                application_id=answer.application_id, label=answer.question.key, filename=answer.file.name
            )
        return posixpath.basename(answer.file.name)

    def other_reviews(self):
        """The other submitted reviews, once mine is submitted and the phase allows it."""
        review = self.review
        if not (review.is_submitted and self.phase.can_see_other_reviews):
            return []
        others = list(
            Review.objects.filter(application_id=review.application_id, submitted_at__isnull=False)
            .exclude(pk=review.pk)
            .select_related("reviewer")
            .order_by("submitted_at", "pk")
        )
        values = {other.pk: {} for other in others}
        for review_id, criterion_id, value in Score.objects.filter(review__in=others).values_list(
            "review_id", "criterion_id", "value"
        ):
            values[review_id][criterion_id] = value
        rows = []
        for number, other in enumerate(others, start=1):
            scores = values[other.pk]
            complete = self.criteria and all(criterion.pk in scores for criterion in self.criteria)
            rows.append(
                {
                    "label": _("Reviewer %(number)d") % {"number": number}
                    if self.phase.blind
                    else str(other.reviewer),
                    "scores": [(criterion, scores.get(criterion.pk)) for criterion in self.criteria],
                    "total": review_total(scores, self.criteria) if complete else None,
                    "comment": other.comment,
                }
            )
        return rows

    def render_page(self, form=None, conflict_form=None):
        review = self.review
        application = review.application
        form = form or self.make_form()
        context = {
            "review": review,
            "application": application,
            "call": application.call,
            "phase": self.phase,
            "blind": self.phase.blind,
            "title": application_titles([application.pk]).get(application.pk, ""),
            "answer_sections": self.answer_sections(),
            "form": form,
            "score_rows": form.criterion_rows(),
            "read_only_reason": self.read_only_reason(),
            "other_reviews": self.other_reviews(),
            "conflict_form": conflict_form or ConflictDeclarationForm(),
            "has_conflict": self.has_conflict,
        }
        return render(self.request, self.template_name, context)

    def get(self, request, review_id):
        return self.render_page()

    def post(self, request, review_id):
        if self.read_only_reason() is not None:
            # Nothing is saved, but what was typed comes back on the page (with the reason) to copy.
            form = ReviewForm(request.POST, criteria=self.criteria)
            return self.render_page(form)
        review = self.review
        form = self.make_form(request.POST)
        # A submitted review stays complete: every later save checks it like a submission.
        submit = request.POST.get("action") == "submit" or review.is_submitted
        if form.is_valid():
            try:
                save_review(
                    review=review,
                    values=form.values(),
                    comment=form.cleaned_data["comment"],
                    actor=request.user,
                    submit=submit,
                )
            except ReviewError as error:
                form.add_error(None, str(error))
            else:
                if submit:
                    messages.success(request, _("Your review is submitted. Thank you."))
                else:
                    messages.success(request, _("Your draft is saved. Submit it when it is complete."))
                return redirect(self.review_url())
        return self.render_page(form)


class ReviewFileView(ReviewMixin, View):
    """A file of the application; in a blind phase, a copy without author metadata and a neutral name."""

    def get(self, request, review_id, answer_id):
        answer = get_object_or_404(
            Answer.objects.select_related("question"), pk=answer_id, application_id=self.review.application_id
        )
        if not answer.file:
            raise Http404("This answer has no file.")
        try:
            handle = answer.file.open("rb")
        except FileNotFoundError:
            raise Http404("The file is missing from storage.") from None
        if not self.phase.blind:
            return FileResponse(handle, as_attachment=True, filename=posixpath.basename(answer.file.name))
        try:
            copy = stripped_copy(handle, answer.file.name)
        except FileMetadataError as error:
            messages.error(request, _("%(problem)s Ask the campus team for the file.") % {"problem": error})
            return redirect(self.review_url())
        finally:
            handle.close()
        name = neutral_name(
            application_id=answer.application_id, label=answer.question.key, filename=answer.file.name
        )
        return FileResponse(copy, as_attachment=True, filename=name)


class DeclareConflictView(ReviewView):
    """The reviewer declares a conflict of interest; an unsubmitted review is handed back."""

    http_method_names = ["post"]

    def post(self, request, review_id):
        form = ConflictDeclarationForm(request.POST)
        if not form.is_valid():
            return self.render_page(conflict_form=form)
        review = self.review
        with transaction.atomic():
            declare_conflict(
                application=review.application,
                reviewer=request.user,
                note=form.cleaned_data["note"],
                actor=request.user,
            )
            if review.is_submitted:
                messages.warning(
                    request,
                    _(
                        "Your conflict of interest is recorded. Your review was already submitted, "
                        "so it stays; the campus team decides what to do with it."
                    ),
                )
            else:
                review.delete()
                messages.success(
                    request,
                    _(
                        "Your conflict of interest is recorded and the review is no longer yours. "
                        "The campus team will give the application to another reviewer."
                    ),
                )
        return redirect(self.reviews_url())


# Bids


class BidsView(ReviewerMixin, View):
    """The reviewer says which applications of a call they would like to review."""

    template_name = "calls/review/bids.html"

    @cached_property
    def call(self):
        return get_object_or_404(Call, campus=self.request.campus, slug=self.kwargs["slug"])

    def page(self):
        call, reviewer = self.call, self.request.user
        conflicts = {
            application_id
            for application_id, reviewer_id in conflicting_pairs(call=call, reviewers=[reviewer])
            if reviewer_id == reviewer.pk
        }
        ids = [
            pk
            for pk in Application.objects.filter(call=call, state__in=REVIEWABLE_STATES)
            .order_by("pk")
            .values_list("pk", flat=True)
            if pk not in conflicts
        ]
        page = Paginator(ids, BIDS_PER_PAGE).get_page(self.request.GET.get("page"))
        by_id = Application.objects.select_related("applicant", "organisation").in_bulk(
            list(page.object_list)
        )
        page.object_list = [by_id[pk] for pk in page.object_list]
        return page, len(conflicts)

    def render_page(self, form, page, conflict_count):
        phase = call_phase_state(self.call)
        titles = application_titles([application.pk for application in page.object_list])
        for application in page.object_list:
            application.title = titles.get(application.pk, "")
        context = {
            "call": self.call,
            "form": form,
            "blind": phase.blind,
            "phase": phase,
            "page_obj": page,
            "paginator": page.paginator,
            "is_paginated": page.paginator.num_pages > 1,
            "conflict_count": conflict_count,
        }
        return render(self.request, self.template_name, context)

    def get(self, request, slug):
        page, conflict_count = self.page()
        bids = dict(
            Bid.objects.filter(
                reviewer=request.user, application_id__in=[application.pk for application in page.object_list]
            ).values_list("application_id", "level")
        )
        initial = {f"bid_{application_id}": str(level) for application_id, level in bids.items()}
        form = BidsForm(initial=initial, applications=page.object_list)
        return self.render_page(form, page, conflict_count)

    def post(self, request, slug):
        page, conflict_count = self.page()
        form = BidsForm(request.POST, applications=page.object_list)
        if not form.is_valid():
            return self.render_page(form, page, conflict_count)
        save_bids(reviewer=request.user, campus=request.campus, levels=form.levels(), actor=request.user)
        messages.success(
            request, _("Your preferences are saved. The next assignment run takes them into account.")
        )
        address = self.reviews_url("bids", slug=self.call.slug)
        if page.number > 1:
            address += f"?page={page.number}"
        return redirect(address)
