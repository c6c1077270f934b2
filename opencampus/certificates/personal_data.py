"""The certificates' part of a person's data download and of an account's deletion.

Erasing revokes each live certificate ("erased at the holder's request") and blanks what names
the person: the name snapshot and the signed credential, which carries the names and a hash of
the e-mail address. The record stays, with its public id, so the verification page and the
revocation list keep telling verifiers that the certificate no longer stands.
"""

from django.utils import timezone

from .models import Certificate
from .services.revocation import revoke


def _iso(value):
    return value.isoformat() if value is not None else None


def collect(sender, *, user, **kwargs):
    certificates = (
        Certificate.objects.filter(participant__user=user)
        .select_related("campus")
        .order_by("issued_at", "pk")
    )
    return {
        "certificates": [
            {
                "campus": certificate.campus.slug,
                "id": str(certificate.public_id),
                "url": certificate.url,
                "holder_name_ko": certificate.holder_name_ko,
                "holder_name_en": certificate.holder_name_en,
                "course_ko": certificate.track_name_ko,
                "course_en": certificate.track_name_en,
                "cohort_ko": certificate.cohort_name_ko,
                "cohort_en": certificate.cohort_name_en,
                "starts_on": _iso(certificate.starts_on),
                "ends_on": _iso(certificate.ends_on),
                "attendance_rate": str(certificate.attendance_rate),
                "issued_at": _iso(certificate.issued_at),
                "revoked_at": _iso(certificate.revoked_at),
                "revocation_reason": certificate.revocation_reason,
                "credential": certificate.credential,
            }
            for certificate in certificates
        ]
    }


def erase(sender, *, user, email, **kwargs):
    now = timezone.now()
    for certificate in (
        Certificate.objects.select_for_update().filter(participant__user=user).select_related("campus")
    ):
        certificate.holder_name_ko = certificate.holder_name_en = certificate.credential = ""
        # Only the address stays: the revocation list names the credential by it.
        certificate.credential_json = {"id": certificate.url} if certificate.url else {}
        certificate.save(update_fields=["holder_name_ko", "holder_name_en", "credential", "credential_json"])
        if not certificate.is_revoked:
            revoke(certificate, by=None, reason=Certificate.ERASED_REASON, now=now)
