"""Revoking certificates, and the public revocation list credentials point to (1EdTechRevocationList)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity

from ..models import Certificate
from .errors import CertificateError
from .issuing import check_issuer
from .links import DEFAULT_BASE_URL, Links
from .notices import mail_holder


def _lock(certificate):
    return (
        Certificate.objects.select_for_update()
        .select_related("campus", "participant__user")
        .get(pk=certificate.pk)
    )


def revoke(certificate, *, by, reason, now):
    """Mark a locked, live certificate revoked and log it; the caller has checked the rest."""
    certificate.revoked_at = now
    certificate.revoked_by = by if by is not None and by.is_authenticated else None
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    log_activity(campus=certificate.campus, actor=by, action="certificate.revoked", subject=certificate)


@transaction.atomic
def revoke_certificate(certificate, *, by, reason, base_url=DEFAULT_BASE_URL, now=None):
    """Revoke a live certificate. The reason is required: it is published in the revocation list."""
    check_issuer(by, certificate.campus)
    locked = _lock(certificate)
    if locked.is_revoked:
        raise CertificateError(
            _("This certificate was already revoked on %(date)s.")
            % {"date": timezone.localtime(locked.revoked_at).date().isoformat()}
        )
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for revoking; it is published with the revocation."))
    revoke(locked, by=by, reason=reason, now=now or timezone.now())
    mail_holder(locked, "revoked", links=Links(locked.campus, base_url))
    return locked


def revocation_list(campus, *, links):
    """The campus's revoked credentials, as the 1EdTech Revocation List Status Method publishes them."""
    revoked = Certificate.objects.filter(campus=campus, revoked_at__isnull=False).order_by("revoked_at", "pk")
    return {
        "id": links.revocations,
        "issuer": links.issuer,
        "revokedCredentials": [
            {
                "id": certificate.url or links.certificate(certificate.public_id),
                "revocationReason": certificate.revocation_reason,
            }
            for certificate in revoked
        ],
    }
