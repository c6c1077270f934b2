"""Decisions: staged decisions take effect and become letters in the outbox; places are confirmed
or declined by a deadline, and a declined place is offered to the next on the waiting list.

Every state change goes through ``set_application_state``. The confirm-by deadline is kept in
the data of the ``application.accepted`` activity entry (``confirm_by``, ISO 8601).
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from opencampus.core.models import ActivityLog
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.solvers import selection as solver

from ..models import Application, SelectionQuota
from .selection import HOLDING_STATES, candidate_attributes
from .states import ApplicationStateError, can_move, set_application_state

State = Application.State
DECISION_STATES = (State.ACCEPTED, State.WAITLISTED, State.REJECTED)


class DecisionError(Exception):
    """A decision that cannot be taken now; the text is for the person who tried."""


@dataclass
class Links:
    """Absolute addresses the letters point to (built by the view, which knows the host)."""

    confirm: str = ""
    status: str = ""


@dataclass
class SentDecisions:
    counts: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    confirm_by: datetime | None = None

    @property
    def total(self):
        return sum(self.counts.values())


def campus_zone(campus):
    return zoneinfo.ZoneInfo(campus.time_zone)


def staged_applications(call):
    """The applications with a staged decision: accepted first, then the waiting list by rank."""
    order = {state: position for position, state in enumerate(DECISION_STATES)}
    applications = list(
        Application.objects.filter(call=call)
        .exclude(pending_state="")
        .select_related("applicant", "organisation")
        .order_by("pk")
    )
    applications.sort(key=lambda a: (order.get(a.pending_state, 9), a.waitlist_rank or 0, a.pk))
    return applications


def draft_decision_letter(*, application, links, confirm_by=None, from_waiting_list=False):
    """The letter for the application's (new) state, drafted in the applicant's language."""
    applicant = application.applicant
    with timezone.override(campus_zone(application.campus)):
        return draft_mail(
            campus=application.campus,
            to=applicant.email,
            recipient=applicant,
            template=f"calls/mail/decision_{application.state}.txt",
            context={
                "application": application,
                "call": application.call,
                "applicant": applicant,
                "confirm_by": confirm_by,
                "rank": application.waitlist_rank,
                "from_waiting_list": from_waiting_list,
                "confirm_link": links.confirm,
                "status_link": links.status,
                "time_zone": application.campus.time_zone,
            },
            language=applicant.preferred_language,
            reason=f"application.{application.state}",
        )


def _decide(*, application, state, actor, data):
    """Move a staged application to its decision; a submitted one is first marked eligible."""
    with transaction.atomic():
        if application.state == State.SUBMITTED and not can_move(application, state):
            set_application_state(
                application=application,
                state=State.ELIGIBLE,
                actor=actor,
                reason=_("Passed the automatic eligibility check; decided in the selection."),
            )
        set_application_state(application=application, state=state, actor=actor, data=data)


@transaction.atomic
def send_decisions(*, call, actor, links, now=None):
    """Let every staged decision of ``call`` take effect and draft its letter in the outbox.

    Letters wait as drafts until staff release them. An application whose state no longer
    allows its staged decision (withdrawn meanwhile, say) is skipped and its staging cleared.
    """
    now = now or timezone.now()
    confirm_by = now + timedelta(days=call.confirm_within_days)
    staged = list(
        Application.objects.select_for_update(of=("self",))
        .filter(call=call)
        .exclude(pending_state="")
        .select_related("applicant", "campus", "call")
        .order_by("pk")
    )
    sent = SentDecisions(counts={state.value: 0 for state in DECISION_STATES}, confirm_by=confirm_by)
    for application in staged:
        state = application.pending_state
        data = {"confirm_by": confirm_by.isoformat()} if state == State.ACCEPTED else {}
        if state == State.WAITLISTED:
            data["waitlist_rank"] = application.waitlist_rank
        try:
            if state not in DECISION_STATES:
                raise ApplicationStateError(state)
            _decide(application=application, state=state, actor=actor, data=data)
        except ApplicationStateError:
            application.refresh_from_db(fields=["state"])
            sent.skipped.append(application)
            application.pending_state = ""
            application.save(update_fields=["pending_state", "updated"])
            continue
        application.pending_state = ""
        if state != State.WAITLISTED:
            application.waitlist_rank = None
        application.save(update_fields=["pending_state", "waitlist_rank", "updated"])
        sent.messages.append(
            draft_decision_letter(
                application=application,
                links=links,
                confirm_by=confirm_by if state == State.ACCEPTED else None,
            )
        )
        sent.counts[state] += 1
    log_activity(
        campus=call.campus,
        actor=actor,
        action="decisions.sent",
        subject=call,
        data={**sent.counts, "skipped": [a.pk for a in sent.skipped], "confirm_by": confirm_by.isoformat()},
    )
    return sent


# Deadlines


def _accepted_entries(applications):
    content_type = ContentType.objects.get_for_model(Application)
    return ActivityLog.objects.filter(
        content_type=content_type,
        object_id__in=[str(application.pk) for application in applications],
        action=f"application.{State.ACCEPTED}",
    ).order_by("created", "pk")


def _deadline_of(entry, call):
    value = (entry.data or {}).get("confirm_by")
    if value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    return entry.created + timedelta(days=call.confirm_within_days)


def confirm_deadlines(applications):
    """``{application id: confirm-by time}`` from each application's latest acceptance (one query)."""
    applications = list(applications)
    calls = {application.pk: application.call for application in applications}
    deadlines = {}
    for entry in _accepted_entries(applications):
        pk = int(entry.object_id)
        deadlines[pk] = _deadline_of(entry, calls[pk])
    return deadlines


def confirm_deadline(application):
    """When ``application`` must be confirmed by; ``None`` when its acceptance recorded none."""
    return confirm_deadlines([application]).get(application.pk)


def format_deadline(deadline, campus):
    local = timezone.localtime(deadline, campus_zone(campus))
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({campus.time_zone})"


# The applicant's answer


@transaction.atomic
def confirm_place(*, application, actor, now=None):
    """The applicant takes their place; refused after the deadline. Confirming twice is harmless."""
    now = now or timezone.now()
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("call", "campus")
        .get(pk=application.pk)
    )
    if application.state == State.CONFIRMED:
        return application
    if application.state != State.ACCEPTED:
        raise DecisionError(_("There is no place offered to you to confirm."))
    deadline = confirm_deadline(application)
    if deadline is not None and now > deadline:
        raise DecisionError(
            _(
                "The deadline to confirm this place was %(date)s, so it can no longer be confirmed here. "
                "Please contact the campus team."
            )
            % {"date": format_deadline(deadline, application.campus)}
        )
    return set_application_state(application=application, state=State.CONFIRMED, actor=actor)


@dataclass
class Declined:
    application: Application
    offered: Application | None = None


@transaction.atomic
def decline_place(*, application, actor, links, now=None):
    """The applicant gives their place back; it is offered to the next on the waiting list.

    The call's applications are locked first, so two declines at once cannot offer one place
    twice, and a second click finds the place already declined and changes nothing.
    """
    locked = list(
        Application.objects.select_for_update(of=("self",))
        .filter(call_id=application.call_id)
        .select_related("call", "campus")
        .order_by("pk")
    )
    current = next(item for item in locked if item.pk == application.pk)
    if current.state == State.DECLINED:
        return Declined(current)
    if current.state != State.ACCEPTED:
        raise DecisionError(_("There is no place offered to you to decline."))
    set_application_state(application=current, state=State.DECLINED, actor=actor)
    offered = offer_free_place(call=current.call, applications=locked, actor=None, links=links, now=now)
    return Declined(current, offered)


def offer_free_place(*, call, applications, actor, links, now=None):
    """Offer a free place to the next on the waiting list; returns that application or ``None``.

    ``applications`` are the call's applications, locked by the caller. The lowest waiting-list
    rank is offered first, skipping anyone whose place would break a quota's maximum (and, while
    a minimum is short, preferring those who help meet it). Nobody is offered a place while the
    call's places are all held.
    """
    now = now or timezone.now()
    holders = [a for a in applications if a.state in HOLDING_STATES]
    waiting = sorted(
        (a for a in applications if a.state == State.WAITLISTED),
        key=lambda a: (a.waitlist_rank is None, a.waitlist_rank or 0, a.pk),
    )
    if not waiting or len(holders) >= call.places:
        return None
    chosen = waiting[0]
    quotas = list(SelectionQuota.objects.filter(call=call))
    if quotas:
        people = holders + waiting
        attributes = candidate_attributes(call, {q.question_key for q in quotas}, [a.pk for a in people])
        problem = solver.SelectionProblem(
            candidates=[solver.Candidate(a.pk, 0.0, attributes[a.pk]) for a in people],
            places=len(holders) + 1,
            quotas=[solver.Quota(q.question_key, q.value, q.minimum, q.maximum) for q in quotas],
        )
        pk = solver.next_offer(
            problem=problem, holding=[a.pk for a in holders], waiting_list=[a.pk for a in waiting]
        )
        chosen = next((a for a in waiting if a.pk == pk), None)
        if chosen is None:
            return None
    confirm_by = now + timedelta(days=call.confirm_within_days)
    rank = chosen.waitlist_rank
    set_application_state(
        application=chosen,
        state=State.ACCEPTED,
        actor=actor,
        reason=_("A place became free and was offered from the waiting list."),
        data={"confirm_by": confirm_by.isoformat(), "waitlist_rank": rank},
    )
    chosen.waitlist_rank = None
    chosen.save(update_fields=["waitlist_rank", "updated"])
    draft_decision_letter(application=chosen, links=links, confirm_by=confirm_by, from_waiting_list=True)
    return chosen


# The round at a glance


def decided_applications(call):
    """Applications with a decision, and each accepted one's confirm-by time."""
    applications = list(
        Application.objects.filter(call=call, state__in=[*DECISION_STATES, State.CONFIRMED, State.DECLINED])
        .select_related("applicant", "organisation", "call")
        .order_by("pk")
    )
    deadlines = confirm_deadlines(a for a in applications if a.state == State.ACCEPTED)
    for application in applications:
        application.confirm_by = deadlines.get(application.pk)
    order = [State.ACCEPTED, State.CONFIRMED, State.WAITLISTED, State.DECLINED, State.REJECTED]
    applications.sort(key=lambda a: (order.index(a.state), a.waitlist_rank or 0, a.pk))
    return applications
