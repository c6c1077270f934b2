from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opencampus.core.models import CampusScoped


class SigningKey(CampusScoped):
    """A campus's key pair for signing credentials. The private half is stored encrypted
    (``services/key_storage.py``); retired keys stay published so old credentials still verify."""

    kid = models.CharField(_("key id"), max_length=64, unique=True, help_text=_("RFC 7638 thumbprint."))
    algorithm = models.CharField(_("algorithm"), max_length=10, default="RS256")
    public_jwk = models.JSONField(_("public key (JWK)"))
    private_key = models.TextField(_("private key (encrypted)"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["campus", "-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campus"],
                condition=Q(retired_at__isnull=True),
                name="one_active_signing_key_per_campus",
            )
        ]

    def __str__(self):
        return self.kid

    @property
    def is_active(self):
        return self.retired_at is None
