"""Issuing certificates to participants who completed their cohort.

Every issuance goes check → snapshot → sign → save → log → draft the holder's letter. The
participant's row is locked first, and a partial unique index keeps one live certificate per
participant even if two requests race.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencampus.core.services.activity import log_activity
from opencampus.programs.models import Participant
from opencampus.programs.services.completion import evaluate, evaluate_cohort

from ..models import Certificate
from .credentials import build_credential, sign_credential
from .errors import CertificateError
from .keys import signer_for
from .links import DEFAULT_BASE_URL, Links
from .notices import mail_holder


@dataclass
class Issued:
    """What a bulk issuance did: the new certificates, and who was left out and why."""

    certificates: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def check_issuer(actor, campus):
    if actor is None or not actor.has_perm("certificates.manage", campus):
        raise CertificateError(
            _("This participant belongs to %(campus)s, where you are not on the campus team.")
            % {"campus": campus.name}
        )


def _refusal(verdict, live):
    """Why ``verdict``'s participant cannot get a certificate now, or None."""
    user = verdict.participant.user
    name = str(user)
    if not verdict.completed:
        return _("%(name)s has not completed the course: %(reasons)s") % {
            "name": name,
            "reasons": " ".join(str(reason) for reason in verdict.reasons),
        }
    if live is not None:
        return _("%(name)s already holds a certificate for this cohort, issued on %(date)s.") % {
            "name": name,
            "date": timezone.localtime(live.issued_at).date().isoformat(),
        }
    if not user.is_active:
        return _("This person's account was deleted; no certificate can be issued to it.")
    if not (user.name_ko or user.name_en):
        return _("%(email)s has no name on their account; ask them to add it to their profile first.") % {
            "email": user.email
        }
    return None


def _sign_and_save(verdict, cohort, *, signer, by, links, now):
    participant, user = verdict.participant, verdict.participant.user
    certificate = Certificate(
        campus=cohort.campus,
        participant=participant,
        holder_name_ko=user.name_ko,
        holder_name_en=user.name_en,
        cohort_name_ko=cohort.name_ko,
        cohort_name_en=cohort.name_en,
        track_name_ko=cohort.track.name_ko,
        track_name_en=cohort.track.name_en,
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        attendance_rate=Decimal(str(verdict.rate)),
        sessions_attended=verdict.attended,
        sessions_counted=verdict.counted,
        issued_at=now.replace(microsecond=0),
        issued_by=by,
        signing_key=signer.key,
    )
    credential = build_credential(certificate, cohort=cohort, links=links, email=user.email)
    certificate.credential, certificate.credential_json = sign_credential(
        credential, signer=signer, links=links
    )
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        raise CertificateError(
            _("%(name)s already holds a certificate for this cohort.") % {"name": str(user)}
        ) from None
    log_activity(
        campus=cohort.campus,
        actor=by,
        action="certificate.issued",
        subject=certificate,
        data={"participant": participant.pk, "attendance": str(certificate.attendance_rate)},
    )
    mail_holder(certificate, "issued", links=links)
    return certificate


def _live_certificates(participants):
    return {
        certificate.participant_id: certificate
        for certificate in Certificate.objects.filter(participant__in=participants, revoked_at__isnull=True)
    }


@transaction.atomic
def issue_certificate(participant, *, by, base_url=DEFAULT_BASE_URL, now=None):
    """Issue ``participant`` their certificate; refused (``CertificateError``) with the reasons."""
    campus = participant.campus
    check_issuer(by, campus)
    now = now or timezone.now()
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    verdict = evaluate(participant, now=now)
    refusal = _refusal(verdict, _live_certificates([participant]).get(participant.pk))
    if refusal is not None:
        raise CertificateError(refusal)
    signer = signer_for(campus, now=now)
    return _sign_and_save(
        verdict, participant.cohort, signer=signer, by=by, links=Links(campus, base_url), now=now
    )


@transaction.atomic
def issue_certificates_to_completed(*, cohort, by, base_url=DEFAULT_BASE_URL, now=None):
    """Issue a certificate to everyone in ``cohort`` who completed it and holds none yet."""
    check_issuer(by, cohort.campus)
    now = now or timezone.now()
    participants = list(Participant.objects.select_for_update().filter(cohort=cohort).order_by("pk"))
    live = _live_certificates(participants)
    links, issued = Links(cohort.campus, base_url), Issued()
    signer = None
    for verdict in evaluate_cohort(cohort, now=now):
        if not verdict.completed or verdict.participant.pk in live:
            continue
        refusal = _refusal(verdict, None)
        if refusal is not None:
            issued.skipped.append((verdict.participant, refusal))
            continue
        signer = signer or signer_for(cohort.campus, now=now)
        issued.certificates.append(
            _sign_and_save(verdict, cohort, signer=signer, by=by, links=links, now=now)
        )
    return issued
