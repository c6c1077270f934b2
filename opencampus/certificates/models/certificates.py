import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped
from opencampus.core.models.campus import localised

from .keys import SigningKey


class Certificate(CampusScoped):
    """A participant's certificate of completion: what was true when it was issued, and its signed
    Open Badges credential. Names and figures are snapshots, so later edits never change it."""

    # Stored untranslated: it is published in the revocation list; shown translated.
    ERASED_REASON = gettext_noop("erased at the holder's request")

    participant = models.ForeignKey(
        "programs.Participant",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("participant"),
    )
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    subject_id = models.UUIDField(
        _("holder's id in the credential"), default=uuid.uuid4, unique=True, editable=False
    )
    holder_name_ko = models.CharField(_("holder (Korean)"), max_length=100, blank=True)
    holder_name_en = models.CharField(_("holder (English)"), max_length=100, blank=True)
    cohort_name_ko = models.CharField(_("cohort (Korean)"), max_length=200, blank=True)
    cohort_name_en = models.CharField(_("cohort (English)"), max_length=200, blank=True)
    track_name_ko = models.CharField(_("course (Korean)"), max_length=200, blank=True)
    track_name_en = models.CharField(_("course (English)"), max_length=200, blank=True)
    starts_on = models.DateField(_("course started on"))
    ends_on = models.DateField(_("course ended on"))
    attendance_rate = models.DecimalField(_("attendance (%)"), max_digits=4, decimal_places=1)
    sessions_attended = models.PositiveIntegerField(_("sessions attended"))
    sessions_counted = models.PositiveIntegerField(_("sessions counted"))
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    signing_key = models.ForeignKey(
        SigningKey, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("signed with")
    )
    credential = models.TextField(_("signed credential (compact JWS)"), blank=True)
    credential_json = models.JSONField(_("credential (decoded)"), default=dict, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("why it was revoked"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"], condition=Q(revoked_at__isnull=True), name="one_live_certificate"
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True, revocation_reason="")
                | (Q(revoked_at__isnull=False) & ~Q(revocation_reason="")),
                name="revoked_certificate_has_a_reason",
            ),
        ]

    def __str__(self):
        # No holder name: this text is copied into the activity log, which outlives erasure.
        return f"{self.cohort_name} · {str(self.public_id)[:8]}"

    @property
    def holder_name(self):
        return localised(self, "holder_name")

    @property
    def cohort_name(self):
        return localised(self, "cohort_name")

    @property
    def track_name(self):
        return localised(self, "track_name")

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def revocation_reason_display(self):
        if self.revocation_reason == self.ERASED_REASON:
            return gettext(self.ERASED_REASON)
        return self.revocation_reason

    @property
    def url(self):
        """The public verification address written into the credential and the PDF."""
        return self.credential_json.get("id", "")
