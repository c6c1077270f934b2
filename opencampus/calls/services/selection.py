"""From reviews to a selection: calibrated scores, quotas, the quota-aware selection and its staging.

Staging only prepares decisions (``Application.pending_state`` and ``waitlist_rank``); nobody is
told anything until the round's decisions are sent (``services.decisions``).
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.people.models import User
from opencampus.solvers import selection as solver

from ..models import Answer, Application, Question, Review, SelectionQuota
from .forms import current_form, questions_of
from .phases import decisions_locked_by
from .scoring import calibrate_call
from .solver_notices import notice_texts

State = Application.State
# Applications the selection chooses from: through the checks, not decided yet.
CANDIDATE_STATES = (State.SUBMITTED, State.ELIGIBLE)
# Applications that hold a place already (decisions sent).
HOLDING_STATES = (State.ACCEPTED, State.CONFIRMED)
# A reviewer whose bias is at least this far from 0 (on the 0-100 total) is called harsh or lenient.
NOTICEABLE_BIAS = 5.0


class SelectionError(Exception):
    """A selection that cannot be run or staged as asked; the text is for staff."""


def application_label(application):
    """How staff recognise an application in lists: its number and the applicant."""
    return f"#{application.pk} {application.applicant}"


def competition_ranks(values):
    """``{id: rank}`` by descending value, ties sharing a rank (1, 2, 2, 4)."""
    ordered = sorted(values.items(), key=lambda item: -item[1])
    ranks, previous, rank = {}, None, 0
    for position, (key, value) in enumerate(ordered, start=1):
        rounded = round(value, 6)
        if rounded != previous:
            rank, previous = position, rounded
        ranks[key] = rank
    return ranks


# Scores


@dataclass
class ScoreRow:
    application: Application
    reviews: int
    raw_mean: float | None
    raw_rank: int | None
    merit: float | None
    merit_rank: int | None
    group: int | None = None


@dataclass
class ReviewerRow:
    reviewer: User
    reviews: int
    bias: float
    leaning: str  # "harsh", "lenient" or ""


@dataclass
class ScoreTable:
    rows: list[ScoreRow]
    reviewers: list[ReviewerRow]
    connected: bool
    # Applications of each group of the reviewer-application graph, largest first (when not connected).
    groups: list[list[Application]] = field(default_factory=list)
    single_review: list[Application] = field(default_factory=list)

    @property
    def scored(self):
        return sum(1 for row in self.rows if row.merit is not None)


def score_table(*, call):
    """Raw means and calibrated merit of every non-draft application, and each reviewer's bias."""
    result = calibrate_call(call=call)
    applications = list(
        Application.objects.filter(call=call)
        .exclude(state=State.DRAFT)
        .select_related("applicant", "organisation")
        .order_by("pk")
    )
    if result is None:
        rows = [ScoreRow(application, 0, None, None, None, None) for application in applications]
        return ScoreTable(rows=rows, reviewers=[], connected=True)
    raw_ranks, merit_ranks = competition_ranks(result.raw_mean), competition_ranks(result.merit)
    group_of = {pk: number for number, group in enumerate(result.components, start=1) for pk in group}
    rows = [
        ScoreRow(
            application=application,
            reviews=result.reviews.get(application.pk, 0),
            raw_mean=result.raw_mean.get(application.pk),
            raw_rank=raw_ranks.get(application.pk),
            merit=result.merit.get(application.pk),
            merit_rank=merit_ranks.get(application.pk),
            group=None if result.connected else group_of.get(application.pk),
        )
        for application in applications
    ]
    rows.sort(key=lambda row: (row.merit_rank is None, row.merit_rank or 0, row.application.pk))
    by_pk = {application.pk: application for application in applications}
    groups = []
    if not result.connected:
        groups = [
            sorted((by_pk[pk] for pk in group if pk in by_pk), key=lambda a: a.pk)
            for group in result.components
        ]
    review_counts = dict(
        Review.objects.filter(application__call=call, submitted_at__isnull=False)
        .values_list("reviewer_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    people = User.objects.in_bulk(list(result.bias))
    reviewers = [
        ReviewerRow(
            reviewer=people[pk],
            reviews=review_counts.get(pk, 0),
            bias=bias,
            leaning="harsh" if bias <= -NOTICEABLE_BIAS else "lenient" if bias >= NOTICEABLE_BIAS else "",
        )
        for pk, bias in sorted(result.bias.items(), key=lambda item: item[1])
        if pk in people
    ]
    single = [row.application for row in rows if row.reviews == 1]
    return ScoreTable(
        rows=rows, reviewers=reviewers, connected=result.connected, groups=groups, single_review=single
    )


# Quotas


def quota_questions(call):
    """The single-choice questions of the call's current form: what a quota can count."""
    return [
        question
        for question in questions_of(current_form(call))
        if question.kind == Question.Kind.SINGLE_CHOICE
    ]


@transaction.atomic
def add_quota(*, call, question_key, value, minimum, maximum, actor):
    """Add a quota after checking it against the current form; raises ``SelectionError``."""
    questions = {question.key: question for question in quota_questions(call)}
    question = questions.get(question_key)
    if question is None:
        raise SelectionError(_("A quota counts the answers to a single-choice question of the current form."))
    if value not in {choice["value"] for choice in question.choices}:
        raise SelectionError(_("“%(value)s” is not a choice of this question.") % {"value": value})
    if minimum is None and maximum is None:
        raise SelectionError(_("Give a minimum, a maximum or both."))
    if minimum is not None and maximum is not None and minimum > maximum:
        raise SelectionError(_("The maximum must not be smaller than the minimum."))
    try:
        with transaction.atomic():
            quota = SelectionQuota.objects.create(
                campus=call.campus,
                call=call,
                question_key=question_key,
                value=value,
                minimum=minimum,
                maximum=maximum,
            )
    except IntegrityError:
        raise SelectionError(_("There is already a quota for this answer; delete it first.")) from None
    log_activity(
        campus=call.campus,
        actor=actor,
        action="selection.quota_added",
        subject=call,
        data={"quota": str(quota), "minimum": minimum, "maximum": maximum},
    )
    return quota


def delete_quota(*, quota, actor):
    log_activity(
        campus=quota.campus,
        actor=actor,
        action="selection.quota_deleted",
        subject=quota.call,
        data={"quota": str(quota)},
    )
    quota.delete()


def quota_label(quota_name, questions):
    """``field=digital`` as staff read it: the question key and the choice's label."""
    key, _sep, value = quota_name.partition("=")
    question = questions.get(key)
    labels = dict(question.choice_labels()) if question else {}
    return f"{key}: {labels.get(value, value)}"


# Selection


@dataclass
class SelectionRow:
    application: Application
    merit: float
    reason: str
    code: str
    position: int | None = None  # place in the selection, or on the waiting list


@dataclass
class BindingRow:
    quota: str
    side: str
    bound: int
    cost: float | None


@dataclass
class SelectionOutcome:
    places: int
    waitlist_size: int
    status: str = ""
    error: str = ""
    selected: list[SelectionRow] = field(default_factory=list)
    waiting: list[SelectionRow] = field(default_factory=list)
    rejected: list[SelectionRow] = field(default_factory=list)
    unscored: list[Application] = field(default_factory=list)
    binding: list[BindingRow] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # (label, minimum, maximum, how many selected have it)
    quotas: list[tuple] = field(default_factory=list)
    holders: int = 0

    @property
    def ok(self):
        return not self.error and not self.conflicts and self.status in (solver.OPTIMAL, solver.FEASIBLE)


def reason_text(reason, labels):
    """The solver's reason in the reader's language, with the quotas by their labels."""
    quotas = ", ".join(labels.get(name, name) for name in reason.quotas)
    texts = {
        "pinned_in": _("In: pinned in by staff."),
        "merit": _("In on merit."),
        "minimum": _("In to meet the minimum for %(quotas)s."),
        "replacement": _(
            "In: takes a place that higher-ranked applicants cannot, because of the maximum for %(quotas)s."
        ),
        "pinned_out": _("Out: pinned out by staff."),
        "maximum": _("Out: would exceed the maximum for %(quotas)s."),
        "displaced": _(
            "Out: the selected applicants ranked below are needed for the minimum for %(quotas)s."
        ),
        "quotas": _("Out: held back by the quotas for %(quotas)s."),
        "below_cutoff": _("Out: below the cut-off."),
    }
    text = texts.get(reason.code)
    if text is None:
        return reason.text
    return text % {"quotas": quotas} if "%(quotas)s" in text else text


def candidate_attributes(call, keys, application_ids):
    """``{application id: {question key: answer}}`` for single answers to the quota questions."""
    attributes = {pk: {} for pk in application_ids}
    if not keys:
        return attributes
    answers = Answer.objects.filter(
        application__call=call, application_id__in=application_ids, question__key__in=keys
    ).values_list("application_id", "question__key", "value")
    for application_id, key, value in answers:
        if isinstance(value, str) and value:
            attributes[application_id][key] = value
    return attributes


def holding_count(call):
    return Application.objects.filter(call=call, state__in=HOLDING_STATES).count()


def run_selection(*, call, places, waitlist_size):
    """Choose ``places`` applicants by calibrated merit within the call's quotas (nothing is saved).

    Candidates are the submitted and eligible applications with a calibrated score; the best
    ``waitlist_size`` of the others form the waiting list and the rest are not selected.
    """
    outcome = SelectionOutcome(places=places, waitlist_size=waitlist_size, holders=holding_count(call))
    calibration = calibrate_call(call=call)
    merit = calibration.merit if calibration is not None else {}
    applications = list(
        Application.objects.filter(call=call, state__in=CANDIDATE_STATES)
        .select_related("applicant", "organisation")
        .order_by("submitted_at", "pk")
    )
    quotas = list(SelectionQuota.objects.filter(call=call).order_by("question_key", "value"))
    questions = {question.key: question for question in quota_questions(call)}
    labels = {
        f"{q.question_key}={q.value}": quota_label(f"{q.question_key}={q.value}", questions) for q in quotas
    }
    scored = [application for application in applications if application.pk in merit]
    outcome.unscored = [application for application in applications if application.pk not in merit]
    if not scored:
        outcome.error = _(
            "No submitted or eligible application has a calibrated score yet: "
            "the selection needs submitted reviews."
        )
        return outcome
    attributes = candidate_attributes(call, {q.question_key for q in quotas}, [a.pk for a in scored])
    problem = solver.SelectionProblem(
        candidates=[solver.Candidate(a.pk, merit[a.pk], attributes[a.pk]) for a in scored],
        places=places,
        quotas=[solver.Quota(q.question_key, q.value, q.minimum, q.maximum) for q in quotas],
    )
    try:
        result = solver.solve_selection(problem=problem)
    except ValueError as error:
        outcome.error = str(error)
        return outcome
    outcome.status = result.status
    # The notices come one per conflict, then one per warning: word them in the reader's language.
    split = len(result.conflicts)
    conflict_notices, warning_notices = result.notices[:split], result.notices[split:]
    if len(result.notices) != split + len(result.warnings):
        conflict_notices = warning_notices = ()
    outcome.conflicts = notice_texts(conflict_notices, result.conflicts, quotas=labels)
    outcome.warnings = notice_texts(warning_notices, result.warnings, quotas=labels)
    if result.status == solver.INFEASIBLE:
        return outcome
    if result.status == solver.UNKNOWN:
        outcome.error = _("The solver found no selection in time; try again.")
        return outcome
    by_pk = {application.pk: application for application in scored}

    def row(pk, position=None):
        reason = result.explanations[pk]
        return SelectionRow(by_pk[pk], merit[pk], reason_text(reason, labels), reason.code, position)

    outcome.selected = [row(pk, position) for position, pk in enumerate(result.selected, start=1)]
    waiting = result.waiting_list[:waitlist_size]
    outcome.waiting = [row(pk, rank) for rank, pk in enumerate(waiting, start=1)]
    chosen = set(result.selected) | set(waiting)
    outcome.rejected = [row(pk) for pk in sorted(by_pk, key=lambda pk: -merit[pk]) if pk not in chosen]
    outcome.binding = [
        BindingRow(labels.get(binding.quota, binding.quota), binding.side, binding.bound, binding.cost)
        for binding in result.binding
    ]
    selected_attributes = [attributes[pk] for pk in result.selected]
    outcome.quotas = [
        (
            labels[f"{q.question_key}={q.value}"],
            q.minimum,
            q.maximum,
            sum(1 for values in selected_attributes if values.get(q.question_key) == q.value),
        )
        for q in quotas
    ]
    return outcome


@transaction.atomic
def stage_selection(*, call, places, waitlist_size, actor):
    """Run the selection again and stage it: accepted, waitlisted (with rank) or rejected.

    Staging replaces the previous staging; it changes no state and tells nobody.
    """
    if (phase := decisions_locked_by(call)) is not None:
        raise SelectionError(
            _("Decisions are locked while the review phase “%(phase)s” runs; nothing was staged.")
            % {"phase": phase.name}
        )
    # Lock the call's applications first, so the selection and its staging see the same states.
    list(Application.objects.select_for_update().filter(call=call).order_by("pk").values_list("pk"))
    outcome = run_selection(call=call, places=places, waitlist_size=waitlist_size)
    if outcome.conflicts:
        raise SelectionError(_("The quotas cannot all be met; nothing was staged."))
    if not outcome.ok:
        raise SelectionError(outcome.error or _("There is no selection to stage."))
    Application.objects.filter(call=call).exclude(pending_state="").update(pending_state="")
    Application.objects.filter(call=call, state__in=CANDIDATE_STATES).update(waitlist_rank=None)
    # A later round queues behind the waiting list of decisions already sent.
    queued = Application.objects.filter(call=call, state=State.WAITLISTED).aggregate(
        last=Max("waitlist_rank")
    )
    offset = queued["last"] or 0
    staged = []
    for rows, state in (
        (outcome.selected, State.ACCEPTED),
        (outcome.waiting, State.WAITLISTED),
        (outcome.rejected, State.REJECTED),
    ):
        for item in rows:
            application = item.application
            application.pending_state = state
            application.waitlist_rank = offset + item.position if state == State.WAITLISTED else None
            staged.append(application)
    Application.objects.bulk_update(staged, ["pending_state", "waitlist_rank"], batch_size=500)
    log_activity(
        campus=call.campus,
        actor=actor,
        action="selection.staged",
        subject=call,
        data={
            "places": places,
            "waitlist_size": waitlist_size,
            "accepted": len(outcome.selected),
            "waitlisted": len(outcome.waiting),
            "rejected": len(outcome.rejected),
            "status": outcome.status,
        },
    )
    return outcome


@transaction.atomic
def clear_staging(*, call, actor):
    """Take back every staged decision of ``call``; returns how many were staged."""
    count = Application.objects.filter(call=call).exclude(pending_state="").update(pending_state="")
    Application.objects.filter(call=call, state__in=CANDIDATE_STATES).update(waitlist_rank=None)
    log_activity(
        campus=call.campus, actor=actor, action="selection.cleared", subject=call, data={"count": count}
    )
    return count
