"""Revoking: a reason is required, once only, and the public list says so."""

import pytest
from django_scopes import scope, scopes_disabled

from opencampus.certificates.services.errors import CertificateError
from opencampus.certificates.services.revocation import revoke_certificate
from opencampus.core.models import ActivityLog

from .helpers import fresh, mails


def test_revoking_records_who_when_and_why_and_writes_to_the_holder(campus, certificate, operator):
    with scope(campus=campus):
        revoke_certificate(certificate, by=operator, reason="  Attendance was recorded wrongly  ")
    revoked = fresh(certificate)
    assert revoked.revoked_at is not None
    assert (revoked.revoked_by, revoked.revocation_reason) == (operator, "Attendance was recorded wrongly")
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="certificate.revoked", actor=operator).count() == 1
    [letter] = mails(campus, reason="certificate.revoked")
    assert "Attendance was recorded wrongly" in letter.body
    assert letter.to == "minji@example.org"


def test_a_reason_is_required(campus, certificate, operator):
    with scope(campus=campus), pytest.raises(CertificateError, match="Give the reason for revoking"):
        revoke_certificate(certificate, by=operator, reason="   ")
    assert fresh(certificate).revoked_at is None


def test_revoking_twice_is_refused(campus, certificate, operator):
    with scope(campus=campus):
        revoke_certificate(certificate, by=operator, reason="First")
        with pytest.raises(CertificateError, match="already revoked on"):
            revoke_certificate(certificate, by=operator, reason="Second")
    assert fresh(certificate).revocation_reason == "First"


def test_only_the_campus_team_revokes(campus, certificate, other_operator, graduate):
    for person in (other_operator, graduate.user):
        with scope(campus=campus), pytest.raises(CertificateError):
            revoke_certificate(certificate, by=person, reason="Because")
    assert fresh(certificate).revoked_at is None


def test_the_revocation_list_names_revoked_credentials_only(campus, certificate, operator, client):
    assert client.get("/c/seoul/certificates/revocations/").json() == {
        "id": "http://testserver/c/seoul/certificates/revocations/",
        "issuer": "http://testserver/c/seoul/certificates/issuer/",
        "revokedCredentials": [],
    }
    with scope(campus=campus):
        revoke_certificate(certificate, by=operator, reason="Issued by mistake")
    listed = client.get("/c/seoul/certificates/revocations/").json()["revokedCredentials"]
    assert listed == [{"id": certificate.url, "revocationReason": "Issued by mistake"}]
