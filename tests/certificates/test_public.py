"""The public verification page and form, and the documents verifiers fetch."""

import json

import pytest
from django_scopes import scope

from opencampus.certificates.services.credentials import credential_document
from opencampus.certificates.services.revocation import revoke_certificate

from .helpers import tamper


def page_of(certificate):
    return f"/c/seoul/certificates/{certificate.public_id}/"


def test_a_valid_certificate_shows_holder_course_dates_and_issuer_but_no_email(client, certificate):
    response = client.get(page_of(certificate))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "Valid." in page
    assert "Kim Minji" in page
    assert "Top innovators · 2020 pilot" in page
    assert "Seoul Innovation Park" in page
    assert str(certificate.public_id) in page
    assert "minji@example.org" not in page
    assert "100.0%" not in page
    assert "/c/seoul/certificates/issuer/" in page


def test_a_revoked_certificate_shows_the_date_and_reason(client, campus, certificate, operator):
    with scope(campus=campus):
        revoked = revoke_certificate(certificate, by=operator, reason="Attendance was recorded wrongly")
    page = client.get(page_of(certificate)).content.decode()
    assert f"Revoked on {revoked.revoked_at:%b}" in page
    assert "Attendance was recorded wrongly" in page
    assert "Valid." not in page


def test_an_unknown_number_is_a_404_that_still_offers_the_form(client, campus, db):
    response = client.get("/c/seoul/certificates/00000000-0000-4000-8000-000000000000/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Unknown certificate." in page
    assert 'name="credential"' in page


def test_another_campus_certificate_never_resolves_here(client, campus, foreign_certificate):
    assert client.get(page_of(foreign_certificate)).status_code == 404
    assert client.get(f"/c/busan/certificates/{foreign_certificate.public_id}/").status_code == 200


def test_pasting_the_credential_checks_it(client, certificate):
    response = client.post("/c/seoul/certificates/verify/", {"credential": certificate.credential})
    assert response.status_code == 200
    assert response.context["verification"].status == "valid"
    assert "signed this credential, it was not changed since" in response.content.decode()


def test_pasting_the_json_on_the_certificate_page_checks_it(client, certificate):
    document = json.dumps(credential_document(certificate), ensure_ascii=False)
    response = client.post(page_of(certificate), {"credential": document})
    assert response.context["verification"].status == "valid"


def test_a_tampered_credential_is_not_valid_and_the_text_is_kept(client, certificate):
    tampered = tamper(certificate.credential)
    response = client.post("/c/seoul/certificates/verify/", {"credential": tampered})
    page = response.content.decode()
    assert "Not valid." in page
    assert "The signature does not match the content" in page
    assert tampered in page


def test_a_revoked_credential_pasted_says_revoked(client, campus, certificate, operator):
    with scope(campus=campus):
        revoke_certificate(certificate, by=operator, reason="Issued by mistake")
    response = client.post("/c/seoul/certificates/verify/", {"credential": certificate.credential})
    page = response.content.decode()
    assert "Revoked on" in page
    assert "Issued by mistake" in page


def test_another_campus_credential_is_explained(client, campus, foreign_certificate):
    response = client.post("/c/seoul/certificates/verify/", {"credential": foreign_certificate.credential})
    assert "issued by another campus, Busan Campus" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Paste a credential to check."),
        ("certainly not a credential", "This is not a credential we can read."),
        ('{"proof": 1}', "This JSON carries no proof we can check."),
    ],
)
def test_garbage_in_the_form_gets_a_clear_error(client, db, campus, typed, message):
    response = client.post("/c/seoul/certificates/verify/", {"credential": typed})
    page = response.content.decode()
    assert message in page
    assert typed.replace('"', "&quot;") in page


def test_the_key_set_publishes_public_keys_only(client, certificate):
    response = client.get("/c/seoul/certificates/jwks.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    [key] = response.json()["keys"]
    assert key["kty"] == "RSA"
    assert {"d", "p", "q", "dp", "dq", "qi"}.isdisjoint(key)


def test_an_unknown_key_is_not_found(client, campus, foreign_certificate):
    assert client.get("/c/seoul/certificates/keys/nobody/").status_code == 404
    assert client.get(f"/c/seoul/certificates/keys/{foreign_certificate.signing_key.kid}/").status_code == 404


def test_the_achievement_is_published_per_cohort(client, cohort, certificate):
    achievement = client.get("/c/seoul/certificates/achievements/pilot/").json()
    assert achievement["id"] == "http://testserver/c/seoul/certificates/achievements/pilot/"
    assert achievement["achievementType"] == "CertificateOfCompletion"
    assert client.get("/c/seoul/certificates/achievements/nothing/").status_code == 404
