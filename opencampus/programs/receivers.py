"""Programs follow the calls app: a confirmed place joins the cohort, withdrawing from it leaves."""

from django_scopes import scope

from opencampus.calls.models import Application

from .services.admission import admit_confirmed_applicant, withdraw_for_application

State = Application.State


def follow_application(sender, application, old_state, actor, **kwargs):
    """Receiver of ``application_state_changed`` (sent once the change is committed)."""
    # Sent after commit, possibly outside a request (a cron command), so the scope is set here.
    with scope(campus=application.campus):
        if application.state == State.CONFIRMED:
            admit_confirmed_applicant(application=application, actor=actor)
        elif application.state == State.WITHDRAWN and old_state == State.CONFIRMED:
            withdraw_for_application(application=application, actor=actor)
