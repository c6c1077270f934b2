import logging

from django.core.mail import EmailMessage
from django.tasks import task
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.models import OutboxMessage
from opencampus.core.services.activity import log_activity

logger = logging.getLogger(__name__)
State = OutboxMessage.State


@task
def send_outbox_message(message_id):
    """Send one released message through the default mailer; a failure is kept for staff.

    Nothing else changes a queued message, so no lock is held while the mail server
    answers (on SQLite a write lock would stall every request for that long).
    """
    with scopes_disabled():
        message = OutboxMessage.objects.select_related("campus").filter(pk=message_id).first()
        if message is None or message.state != State.QUEUED:
            return
        reply_to = [message.campus.contact_email] if message.campus.contact_email else []
        mail = EmailMessage(subject=message.subject, body=message.body, to=[message.to], reply_to=reply_to)
        try:
            mail.send()
        except Exception as error:  # any backend failure is shown to staff, who may release it again
            logger.warning("Sending outbox message %s failed: %s", message.pk, error)
            message.state, message.error = State.FAILED, f"{type(error).__name__}: {error}"[:2000]
            message.save(update_fields=["state", "error"])
            log_activity(
                campus=message.campus,
                actor=None,
                action="outbox.failed",
                subject=message,
                data={"error": message.error},
            )
        else:
            message.state, message.error, message.sent_at = State.SENT, "", timezone.now()
            message.save(update_fields=["state", "error", "sent_at"])
