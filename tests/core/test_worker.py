"""Released mail is sent by a background task: once by the real database worker, once failing."""

import io
import signal

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from opencampus.core.links import campus_reverse
from opencampus.core.models import ActivityLog, OutboxMessage

State = OutboxMessage.State


class UnreachableMailServer(BaseEmailBackend):
    """A mail backend whose server never answers."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail.example.org:587 refused the connection")


def make_draft(campus, **fields):
    with scopes_disabled():
        return OutboxMessage.objects.create(
            campus=campus,
            to="innovator@example.org",
            subject="You are selected for the 2020 pilot course",
            body="Welcome to the cohort.\n",
            language="en",
            **fields,
        )


def reload(message):
    with scopes_disabled():
        return OutboxMessage.objects.get(pk=message.pk)


@pytest.fixture
def restore_signal_handlers():
    """The worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    names = [name for name in ("SIGINT", "SIGTERM", "SIGQUIT") if hasattr(signal, name)]
    saved = {name: signal.getsignal(getattr(signal, name)) for name in names}
    yield
    for name, handler in saved.items():
        signal.signal(getattr(signal, name), handler)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("restore_signal_handlers")
def test_released_message_is_sent_by_database_worker(client, settings, campus, operator):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    draft = make_draft(campus)
    client.force_login(operator)

    client.post(
        campus_reverse(campus, "core_manage:outbox_act"), {"operation": "release", "selected": [draft.pk]}
    )

    assert reload(draft).state == State.QUEUED
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    call_command(
        "db_worker", batch=True, startup_delay=False, reload=False, verbosity=0, stdout=io.StringIO()
    )

    sent = reload(draft)
    assert sent.state == State.SENT
    assert sent.sent_at is not None
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["innovator@example.org"], "You are selected for the 2020 pilot course")
    ]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_unreachable_mail_server_marks_message_failed_then_release_again_sends(
    client, settings, campus, operator, django_capture_on_commit_callbacks
):
    mailers = settings.MAILERS
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.UnreachableMailServer"}}
    draft = make_draft(campus)
    client.force_login(operator)
    act_url = campus_reverse(campus, "core_manage:outbox_act")
    message_url = campus_reverse(campus, "core_manage:outbox_message", pk=draft.pk)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(act_url, {"operation": "release", "selected": [draft.pk]})

    failed = reload(draft)
    assert failed.state == State.FAILED
    assert "refused the connection" in failed.error
    assert mail.outbox == []
    page = client.get(message_url)
    assert "mail.example.org:587 refused the connection" in page.text
    assert page.context["form"] is not None
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="outbox.failed").count() == 1

    settings.MAILERS = mailers
    with django_capture_on_commit_callbacks(execute=True):
        client.post(act_url, {"operation": "release", "selected": [draft.pk]})

    resent = reload(draft)
    assert (resent.state, resent.error) == (State.SENT, "")
    assert len(mail.outbox) == 1
