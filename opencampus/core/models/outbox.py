from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .campus import CampusScoped


class OutboxMessage(CampusScoped):
    """A mail drafted by the platform; staff review it before it is sent."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        DISCARDED = "discarded", _("discarded")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recipient"),
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=12, choices=State, default=State.DRAFT)
    reason = models.CharField(_("why it was written"), max_length=120, blank=True)
    error = models.TextField(_("error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def editable(self):
        return self.state in {self.State.DRAFT, self.State.FAILED}
