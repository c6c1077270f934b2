"""Decisions: staged decisions take effect and become letters in the outbox; places are confirmed
or declined by a deadline, and a declined place is offered to the next on the waiting list.

Every state change goes through ``set_application_state``. An offered place's confirm-by
deadline is ``Application.confirm_by`` (also kept in the ``application.accepted`` log entry);
a place not confirmed by then is released and offered on (``release_expired_places``).
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from opencampus.core.links import campus_reverse
from opencampus.core.services.activity import log_activity
from opencampus.core.services.outbox import draft_mail
from opencampus.solvers import selection as solver

from ..models import Application, SelectionQuota
from .phases import decisions_locked_by
from .selection import HOLDING_STATES, candidate_attributes
from .states import ApplicationStateError, set_application_state

State = Application.State
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DECISION_STATES = (State.ACCEPTED, State.WAITLISTED, State.REJECTED)


class DecisionError(Exception):
    """A decision that cannot be taken now; the text is for the person who tried."""


def ensure_decisions_open(call, now=None):
    phase = decisions_locked_by(call, now)
    if phase is not None:
        raise DecisionError(
            _("Decisions are locked while the review phase “%(phase)s” runs, until %(end)s.")
            % {"phase": phase.name, "end": format_deadline(phase.ends_at, call.campus)}
        )


@dataclass
class Links:
    """Absolute addresses the letters point to (built by the view, which knows the host)."""

    confirm: str = ""
    status: str = ""

    @classmethod
    def for_call(cls, call, base_url):
        """The addresses of ``call``'s applicant pages under ``base_url`` (for work outside a request)."""
        base_url = base_url.rstrip("/")
        return cls(
            confirm=base_url + campus_reverse(call.campus, "calls:confirm", slug=call.slug),
            status=base_url + campus_reverse(call.campus, "calls:status", slug=call.slug),
        )


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


@transaction.atomic
def send_decisions(*, call, actor, links, now=None):
    """Let every staged decision of ``call`` take effect and draft its letter in the outbox.

    Letters wait as drafts until staff release them. An application whose state no longer
    allows its staged decision (withdrawn meanwhile, say) is skipped and its staging cleared.
    """
    now = now or timezone.now()
    ensure_decisions_open(call, now)
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
        data = {"waitlist_rank": application.waitlist_rank} if state == State.WAITLISTED else {}
        try:
            if state not in DECISION_STATES:
                raise ApplicationStateError(state)
            set_application_state(
                application=application,
                state=state,
                actor=actor,
                data=data,
                confirm_by=confirm_by if state == State.ACCEPTED else None,
            )
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


def format_deadline(deadline, campus):
    local = timezone.localtime(deadline, campus_zone(campus))
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({campus.time_zone})"


def deadline_passed(application, now=None):
    """Whether ``application``'s offered place was not confirmed by its deadline."""
    return application.confirm_by is not None and (now or timezone.now()) > application.confirm_by


def lock_call_applications(call_id):
    """Lock every application of the call (in one order, so lockers never deadlock) and return them.

    Whoever frees or offers a place holds this lock, so two at once cannot offer one place twice.
    """
    return list(
        Application.objects.select_for_update(of=("self",))
        .filter(call_id=call_id)
        .select_related("call", "campus")
        .order_by("pk")
    )


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
    if deadline_passed(application, now):
        raise DecisionError(
            _(
                "The deadline to confirm this place was %(date)s, so it can no longer be confirmed here. "
                "Please contact the campus team."
            )
            % {"date": format_deadline(application.confirm_by, application.campus)}
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
    locked = lock_call_applications(application.call_id)
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

    ``applications`` are the call's applications, locked by the caller
    (``lock_call_applications``). The lowest waiting-list rank is offered first, skipping anyone
    whose place would break a quota's maximum (and, while a minimum is short, preferring those
    who help meet it). Nobody is offered a place while the call's places are all held.
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
        data={"waitlist_rank": rank},
        confirm_by=confirm_by,
    )
    chosen.waitlist_rank = None
    chosen.save(update_fields=["waitlist_rank", "updated"])
    draft_decision_letter(application=chosen, links=links, confirm_by=confirm_by, from_waiting_list=True)
    return chosen


@dataclass
class Released:
    """Places not confirmed in time: the applications that lost them, and who was offered one."""

    declined: list = field(default_factory=list)
    offered: list = field(default_factory=list)


@transaction.atomic
def release_expired_places(*, call, links, now=None):
    """Decline every place of ``call`` not confirmed by its deadline and offer each one on.

    Safe to run again at any time (from cron or a task): a released place is no longer
    accepted, and a new offer has a deadline in the future.
    """
    now = now or timezone.now()
    locked = lock_call_applications(call.pk)
    released = Released()
    for application in locked:
        if application.state == State.ACCEPTED and deadline_passed(application, now):
            deadline = application.confirm_by
            set_application_state(
                application=application,
                state=State.DECLINED,
                actor=None,
                reason=_("Not confirmed in time."),
                data={"confirm_by": deadline.isoformat()},
            )
            released.declined.append(application)
    for _declined in released.declined:
        offered = offer_free_place(call=call, applications=locked, actor=None, links=links, now=now)
        if offered is None:
            break
        released.offered.append(offered)
    if released.declined:
        log_activity(
            campus=call.campus,
            actor=None,
            action="decisions.released",
            subject=call,
            data={
                "declined": [a.pk for a in released.declined],
                "offered": [a.pk for a in released.offered],
            },
        )
    return released


# The round at a glance


def decided_applications(call):
    """Applications with a decision (an accepted one's ``confirm_by`` is its deadline)."""
    applications = list(
        Application.objects.filter(call=call, state__in=[*DECISION_STATES, State.CONFIRMED, State.DECLINED])
        .select_related("applicant", "organisation", "call")
        .order_by("pk")
    )
    order = [State.ACCEPTED, State.CONFIRMED, State.WAITLISTED, State.DECLINED, State.REJECTED]
    applications.sort(key=lambda a: (order.index(a.state), a.waitlist_rank or 0, a.pk))
    return applications
