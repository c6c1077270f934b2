"""The notifications outbox: mails are drafted, reviewed by staff, then sent by a task.

A message moves draft → queued → sent (or failed, which staff may edit and release
again); drafts and failed messages can also be discarded. Queued and sent messages
never change, so the sending task needs no lock held while it talks to the mail server.
"""

from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import OutboxMessage
from opencampus.core.services.activity import log_activity
from opencampus.core.tasks import send_outbox_message

State = OutboxMessage.State
EDITABLE_STATES = (State.DRAFT, State.FAILED)
# The order staff work through the outbox in: what needs a decision comes first.
STATE_ORDER = (State.DRAFT, State.FAILED, State.QUEUED, State.SENT, State.DISCARDED)


class OutboxError(Exception):
    """A change the message's state does not allow; the text is shown to staff."""


def draft_mail(*, campus, to, template, context, language, recipient=None, reason=""):
    """Render ``template`` (a ``.txt`` whose first line is the subject) into a draft.

    It is rendered in ``language`` (the recipient's), not in the language of whoever
    caused it, so a decision an operator takes in Korean reaches an English speaker in English.
    """
    with translation.override(language):
        text = render_to_string(template, {"campus": campus, **context}, using="text")
        subject, _newline, body = text.partition("\n")
    return OutboxMessage.objects.create(
        campus=campus,
        recipient=recipient,
        to=to,
        subject=" ".join(subject.split())[:250],
        body=body.strip() + "\n",
        language=language,
        reason=reason,
    )


def edit_message(*, message, actor, subject, body):
    """Change a draft's or failed message's text; returns whether anything changed."""
    if not message.editable:
        raise OutboxError(_("Only drafts and failed messages can be changed."))
    if (message.subject, message.body) == (subject, body):
        return False
    message.subject, message.body = subject, body
    message.save(update_fields=["subject", "body"])
    log_activity(campus=message.campus, actor=actor, action="outbox.edited", subject=message)
    return True


def _lock_editable(messages):
    """The given messages that are still drafts or failed, locked until the transaction ends."""
    ids = [message.pk for message in messages]
    return list(
        OutboxMessage.objects.select_for_update(of=("self",))
        .select_related("campus")
        .filter(pk__in=ids, state__in=EDITABLE_STATES)
        .order_by("pk")
    )


def release_messages(*, messages, actor):
    """Queue the given drafts (or failed messages) for sending; returns how many.

    The sending task is enqueued only after the transaction commits, so a worker never
    picks up a message whose release was rolled back.
    """
    with transaction.atomic():
        released = _lock_editable(messages)
        for message in released:
            message.state, message.error = State.QUEUED, ""
            message.save(update_fields=["state", "error"])
            log_activity(campus=message.campus, actor=actor, action="outbox.released", subject=message)
            transaction.on_commit(lambda pk=message.pk: send_outbox_message.enqueue(message_id=pk))
    return len(released)


def discard_messages(*, messages, actor):
    """Set drafts (or failed messages) aside so they are never sent; returns how many."""
    with transaction.atomic():
        discarded = _lock_editable(messages)
        for message in discarded:
            message.state = State.DISCARDED
            message.save(update_fields=["state"])
            log_activity(campus=message.campus, actor=actor, action="outbox.discarded", subject=message)
    return len(discarded)


def count_by_state():
    """``[(state, label, count), …]`` for the campus in scope, in working order."""
    counts = dict(OutboxMessage.objects.values_list("state").annotate(n=Count("pk")).order_by())
    return [(state.value, state.label, counts.get(state.value, 0)) for state in STATE_ORDER]
