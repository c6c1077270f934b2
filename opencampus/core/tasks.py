from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django_scopes import scopes_disabled

from opencampus.core.models import OutboxMessage


@task
def send_outbox_message(message_id):
    """Send one released message through the configured mail backend."""
    with scopes_disabled(), transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state != OutboxMessage.State.QUEUED:
            return
        try:
            EmailMessage(subject=message.subject, body=message.body, to=[message.to]).send()
        except Exception as error:  # any backend failure is shown to staff, who may retry
            message.state, message.error = OutboxMessage.State.FAILED, str(error)[:2000]
        else:
            message.state, message.sent_at = OutboxMessage.State.SENT, timezone.now()
        message.save(update_fields=["state", "error", "sent_at"])
