"""The notifications outbox: mails are drafted, reviewed by staff, then sent by a task."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from opencampus.core.models import OutboxMessage
from opencampus.core.services.activity import log_activity
from opencampus.core.tasks import send_outbox_message

State = OutboxMessage.State


def draft_mail(*, campus, to, template, context, language, recipient=None, reason=""):
    """Render ``template`` (a ``.txt`` whose first line is the subject) into a draft."""
    with translation.override(language):
        subject, _, body = render_to_string(template, {"campus": campus, **context}).partition("\n")
    return OutboxMessage.objects.create(
        campus=campus,
        recipient=recipient,
        to=to,
        subject=subject.strip(),
        body=body.strip() + "\n",
        language=language,
        reason=reason,
    )


def edit_message(*, message, actor, subject, body):
    if not message.editable:
        raise ValueError("Only drafts and failed messages can be edited.")
    message.subject, message.body = subject, body
    message.save(update_fields=["subject", "body"])
    log_activity(campus=message.campus, actor=actor, action="outbox.edited", subject=message)


def release_messages(*, messages, actor):
    """Queue the given drafts (or failed messages) for sending; returns how many."""
    released = [message for message in messages if message.editable]
    for message in released:
        message.state, message.error = State.QUEUED, ""
        message.save(update_fields=["state", "error"])
        log_activity(campus=message.campus, actor=actor, action="outbox.released", subject=message)
        transaction.on_commit(lambda pk=message.pk: send_outbox_message.enqueue(message_id=pk))
    return len(released)


def discard_messages(*, messages, actor):
    discarded = [message for message in messages if message.state == State.DRAFT]
    for message in discarded:
        message.state = State.DISCARDED
        message.save(update_fields=["state"])
        log_activity(campus=message.campus, actor=actor, action="outbox.discarded", subject=message)
    return len(discarded)
