"""The one place an application's state changes: validate → save → log → notify → signal."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencampus.core.services.activity import log_activity

from ..models import Application
from ..signals import application_state_changed

State = Application.State

TRANSITIONS = {
    State.DRAFT: {State.SUBMITTED, State.INELIGIBLE, State.WITHDRAWN},
    # Screening is optional: a submitted application may be decided on directly.
    State.SUBMITTED: {
        State.SUBMITTED,
        State.ELIGIBLE,
        State.INELIGIBLE,
        State.ACCEPTED,
        State.WAITLISTED,
        State.REJECTED,
        State.WITHDRAWN,
    },
    State.INELIGIBLE: {State.SUBMITTED, State.INELIGIBLE, State.ELIGIBLE, State.WITHDRAWN},
    State.ELIGIBLE: {State.INELIGIBLE, State.ACCEPTED, State.WAITLISTED, State.REJECTED, State.WITHDRAWN},
    State.WAITLISTED: {State.ACCEPTED, State.REJECTED, State.WITHDRAWN},
    State.REJECTED: {State.ACCEPTED, State.WAITLISTED},
    State.ACCEPTED: {State.CONFIRMED, State.DECLINED, State.WITHDRAWN},
    State.CONFIRMED: {State.WITHDRAWN},
    State.DECLINED: set(),
    State.WITHDRAWN: set(),
}


class ApplicationStateError(Exception):
    """A state change the application's current state does not allow; the text is for people."""


def can_move(application, state):
    return state in TRANSITIONS[State(application.state)]


@transaction.atomic
def set_application_state(*, application, state, actor, reason="", data=None, confirm_by=None):
    """Move ``application`` to ``state``; raises ``ApplicationStateError`` when not allowed.

    ``confirm_by`` is the deadline of an offered place (state ACCEPTED); it is stored on the
    application and kept in the log entry. Leaving ACCEPTED clears it.
    """
    old_state = application.state
    if not can_move(application, state):
        raise ApplicationStateError(
            _("An application that is “%(old)s” cannot become “%(new)s”.")
            % {"old": State(old_state).label, "new": State(state).label}
        )
    application.state = state
    fields = ["state", "updated"]
    # Submitting records the time, whether or not the automatic eligibility check passed.
    if state == State.SUBMITTED or (old_state == State.DRAFT and state == State.INELIGIBLE):
        application.submitted_at = timezone.now()
        fields.append("submitted_at")
    if state in {State.ELIGIBLE, State.INELIGIBLE} and reason:
        application.screening_reason = reason
        fields.append("screening_reason")
    data = dict(data or {})
    if state == State.ACCEPTED:
        application.confirm_by = confirm_by
        fields.append("confirm_by")
        if confirm_by is not None:
            data["confirm_by"] = confirm_by.isoformat()
    elif application.confirm_by is not None:
        application.confirm_by = None
        fields.append("confirm_by")
    application.save(update_fields=fields)
    log_activity(
        campus=application.campus,
        actor=actor,
        action=f"application.{state}",
        subject=application,
        data={"from": old_state, "reason": reason, **data},
    )
    transaction.on_commit(
        lambda: application_state_changed.send(
            sender=Application, application=application, old_state=old_state, actor=actor
        )
    )
    return application
