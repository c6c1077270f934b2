from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped


class ConsentRecord(CampusScoped):
    """Consent to the processing of personal data, as Korea's PIPA asks to record it."""

    class Purpose(models.TextChoices):
        ACCOUNT = "account", _("running your account")
        PROGRAMMES = "programmes", _("applying to and taking part in programmes")
        NEWSLETTER = "newsletter", _("news about the campus")
        DIRECTORY = "directory", _("being listed in the public directory")
        RESEARCH = "research", _("impact research and statistics")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="consents",
        verbose_name=_("person"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose)
    items = models.CharField(_("personal data items"), max_length=300)
    retention_months = models.PositiveSmallIntegerField(
        _("retention period (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: kept until the account is deleted."),
    )
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at", "-pk"]

    def __str__(self):
        return f"{self.get_purpose_display()} · {self.user}"

    @property
    def is_active(self):
        return self.withdrawn_at is None
