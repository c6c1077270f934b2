"""The mentor network follows the calls app: a confirmed place in a mentor recruitment call makes
a profile waiting for vetting; withdrawing from it removes that profile while it still waits."""

from django_scopes import scope

from opencampus.calls.models import Application

from .services.network_recruitment import is_recruitment, join_from_application, leave_for_application

State = Application.State


def follow_application(sender, application, old_state, actor, **kwargs):
    """Receiver of ``application_state_changed`` (sent once the change is committed)."""
    # Sent after commit, possibly outside a request (a cron command), so the scope is set here.
    with scope(campus=application.campus):
        if not is_recruitment(application):
            return
        if application.state == State.CONFIRMED:
            join_from_application(application=application, actor=actor)
        elif application.state == State.WITHDRAWN and old_state == State.CONFIRMED:
            leave_for_application(application=application, actor=actor)
