"""The one place an agenda's state changes: validate → save → history → log → mail followers → signal."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Agenda, StateChange
from ..signals import agenda_state_changed
from .errors import AgendaError
from .links import DEFAULT_BASE_URL
from .notices import mail_followers

State = Agenda.State
EXPLANATION_MAX = StateChange._meta.get_field("explanation").max_length

TRANSITIONS = {
    State.PROPOSED: {State.UNDER_REVIEW, State.ARCHIVED},
    State.UNDER_REVIEW: {State.ADOPTED, State.ARCHIVED, State.PROPOSED},
    State.ADOPTED: {State.IN_EXPERIMENT, State.ARCHIVED},
    State.IN_EXPERIMENT: {State.RESOLVED, State.ARCHIVED, State.ADOPTED},
    State.RESOLVED: {State.ARCHIVED},
    # Re-opening an archived problem puts it back among the proposals.
    State.ARCHIVED: {State.PROPOSED},
}


def next_states(agenda):
    """The states ``agenda`` may move to, in the order of the life cycle; none once merged."""
    if agenda.merged_into_id is not None:
        return []
    allowed = TRANSITIONS[State(agenda.state)]
    return [state for state in State if state in allowed]


def clean_explanation(explanation):
    explanation = (explanation or "").strip()
    if not explanation:
        raise AgendaError(
            _("Explain the change: the explanation is shown to everyone on the problem's page.")
        )
    if len(explanation) > EXPLANATION_MAX:
        raise AgendaError(
            _("The explanation is %(length)s characters long; at most %(limit)s fit.")
            % {"length": len(explanation), "limit": EXPLANATION_MAX}
        )
    return explanation


def lock_agenda(agenda):
    """Lock ``agenda``'s row and read its current state into the object."""
    locked = Agenda.objects.select_for_update().get(pk=agenda.pk)
    agenda.state, agenda.merged_into_id = locked.state, locked.merged_into_id
    return agenda


def actor_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


@transaction.atomic
def set_agenda_state(*, agenda, to_state, explanation, actor, base_url=DEFAULT_BASE_URL):
    """Move ``agenda`` to ``to_state`` with a public explanation; raises ``AgendaError`` if not allowed.

    Every follower gets a mail in their language naming the new state and the explanation.
    Returns the new ``StateChange``.
    """
    explanation = clean_explanation(explanation)
    lock_agenda(agenda)
    if agenda.merged_into_id is not None:
        raise AgendaError(_("This problem was merged into another one; its state no longer changes."))
    if to_state not in State.values:
        raise AgendaError(_("“%(state)s” is not a state a problem can have.") % {"state": to_state})
    if to_state not in TRANSITIONS[State(agenda.state)]:
        raise AgendaError(
            _("A problem that is “%(old)s” cannot become “%(new)s”.")
            % {"old": State(agenda.state).label, "new": State(to_state).label}
        )
    old_state = agenda.state
    agenda.state = to_state
    agenda.save(update_fields=["state", "updated"])
    change = StateChange.objects.create(
        campus=agenda.campus,
        agenda=agenda,
        from_state=old_state,
        to_state=to_state,
        explanation=explanation,
        changed_by=actor_or_none(actor),
    )
    log_activity(
        campus=agenda.campus,
        actor=actor,
        action="agenda.state_changed",
        subject=agenda,
        data={"from": old_state, "to": to_state},
    )
    mail_followers(agenda=agenda, change=change, base_url=base_url)
    transaction.on_commit(
        lambda: agenda_state_changed.send(sender=Agenda, agenda=agenda, old_state=old_state, actor=actor)
    )
    return change
