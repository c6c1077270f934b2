"""Checking a pasted credential: genuine, changed, foreign, revoked or not a credential at all."""

import json

import pytest
from django_scopes import scope

from opencampus.certificates.services.credentials import credential_document
from opencampus.certificates.services.revocation import revoke_certificate
from opencampus.certificates.services.verification import verify_credential

from .helpers import tamper


def check(campus, text):
    with scope(campus=campus):
        return verify_credential(text, campus=campus)


def test_the_issued_jwt_is_valid(campus, certificate):
    result = check(campus, certificate.credential)
    assert (result.status, result.problems) == ("valid", [])
    assert result.certificate == certificate


def test_line_breaks_from_copying_do_not_matter(campus, certificate):
    wrapped = "\n".join(certificate.credential[i : i + 64] for i in range(0, len(certificate.credential), 64))
    assert check(campus, f"  {wrapped}\n").status == "valid"


def test_the_json_download_is_valid(campus, certificate):
    assert check(campus, json.dumps(credential_document(certificate), ensure_ascii=False)).status == "valid"


def test_one_changed_character_in_the_payload_breaks_the_signature(campus, certificate):
    result = check(campus, tamper(certificate.credential, part=1))
    assert result.status == "invalid"
    assert result.problems == [
        "The signature does not match the content: the credential was changed after "
        "Seoul Innovation Park signed it."
    ]


def test_a_changed_signature_is_caught(campus, certificate):
    assert check(campus, tamper(certificate.credential, part=2)).status == "invalid"


def test_changing_the_readable_part_of_the_json_is_caught(campus, certificate):
    document = credential_document(certificate)
    document["credentialSubject"]["achievement"]["name"] = "Doctor of Everything"
    result = check(campus, json.dumps(document))
    assert result.problems == ["The readable part of the file was changed after it was signed."]


def test_a_revoked_credential_says_so_with_the_certificate(campus, certificate, staff_member):
    with scope(campus=campus):
        revoke_certificate(certificate, by=staff_member, reason="Issued by mistake")
    result = check(campus, certificate.credential)
    assert result.status == "revoked"
    assert result.certificate.revocation_reason == "Issued by mistake"


def test_a_credential_of_another_campus_is_named_as_such(campus, other_campus, foreign_certificate):
    result = check(campus, foreign_certificate.credential)
    assert result.status == "invalid"
    assert result.problems == [
        "This credential was issued by another campus, Busan Campus; check it on that campus's page."
    ]
    assert check(other_campus, foreign_certificate.credential).status == "valid"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("hello", "This is not a credential we can read."),
        ("a.b", "This is not a credential we can read."),
        ("!!!.###.$$$", "This is not a credential we can read."),
        ("{not json", "This looks like JSON but cannot be read"),
        ('{"type": ["OpenBadgeCredential"]}', "This JSON carries no proof we can check."),
        ("e30.e30.e30", "It is not signed the way Seoul Innovation Park signs credentials."),
        ("x" * 100_001, "This is far longer than any credential"),
    ],
)
def test_garbage_gets_a_clear_problem(campus, text, problem):
    result = check(campus, text)
    assert result.status == "invalid"
    assert result.problems[0].startswith(problem)


def test_a_key_nobody_here_has_is_reported(campus, certificate):
    header = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vYm9keSJ9"  # {"alg":"RS256","kid":"nobody"}
    _header, payload, signature = certificate.credential.split(".")
    result = check(campus, f"{header}.{payload}.{signature}")
    assert result.problems == ["It was not signed with any key of Seoul Innovation Park."]
