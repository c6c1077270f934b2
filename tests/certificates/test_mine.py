"""A holder's own certificates: listed, printable in either language, downloadable as credentials."""

import io
import json

import pytest
from django_scopes import scope
from pypdf import PdfReader

from opencampus.certificates.services.revocation import revoke_certificate
from opencampus.core.links import campus_reverse


def url(certificate, name, **kwargs):
    return campus_reverse(
        certificate.campus, f"certificates:{name}", public_id=certificate.public_id, **kwargs
    )


def downloads(certificate):
    return [
        url(certificate, "pdf", language="ko"),
        url(certificate, "pdf", language="en"),
        url(certificate, "credential_jwt"),
        url(certificate, "credential_json"),
    ]


def test_anonymous_people_are_sent_to_log_in(client, campus, certificate):
    login = campus_reverse(campus, "people:login")
    for address in ["/c/seoul/certificates/mine/", *downloads(certificate)]:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(login)


def test_the_list_shows_my_certificates_with_their_downloads(client, certificate, graduate):
    client.force_login(graduate.user)
    page = client.get("/c/seoul/certificates/mine/").content.decode()
    assert "Top innovators · 2020 pilot" in page
    for address in downloads(certificate):
        assert address in page


def test_other_people_see_neither_the_list_entry_nor_the_files(client, certificate, participant):
    client.force_login(participant)
    assert "2020 pilot" not in client.get("/c/seoul/certificates/mine/").content.decode()
    for address in downloads(certificate):
        assert client.get(address).status_code == 404, address


def test_staff_cannot_download_someone_elses_files_either(client, certificate, staff_member):
    client.force_login(staff_member)
    for address in downloads(certificate):
        assert client.get(address).status_code == 404, address


def test_my_certificate_of_another_campus_is_not_found_here(client, campus, foreign_certificate):
    client.force_login(foreign_certificate.participant.user)
    seoul = f"/c/seoul/certificates/mine/{foreign_certificate.public_id}/credential.jwt"
    assert client.get(seoul).status_code == 404
    assert client.get(seoul.replace("/seoul/", "/busan/")).status_code == 200


@pytest.mark.usefixtures("korean_font_installed")
@pytest.mark.parametrize(("language", "expected"), [("ko", "김민지"), ("en", "Kim Minji")])
def test_the_pdf_in_the_chosen_language(client, certificate, graduate, language, expected):
    client.force_login(graduate.user)
    response = client.get(url(certificate, "pdf", language=language))
    assert response["Content-Type"] == "application/pdf"
    assert f"-{language}.pdf" in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert expected in text


def test_an_unknown_language_is_not_found(client, certificate, graduate):
    client.force_login(graduate.user)
    assert client.get(url(certificate, "pdf", language="fr")).status_code == 404


def test_the_credential_files(client, certificate, graduate):
    client.force_login(graduate.user)
    jwt = client.get(url(certificate, "credential_jwt"))
    assert jwt["Content-Type"] == "application/jwt"
    assert jwt.content.decode() == certificate.credential
    document = json.loads(client.get(url(certificate, "credential_json")).content)
    assert document["proof"]["jwt"] == certificate.credential
    assert document["credentialSubject"]["achievement"]["name"] == "탑 혁신가 과정 · 2020 시범 과정"


def test_a_revoked_certificate_is_listed_as_revoked_without_files(
    client, campus, certificate, graduate, operator
):
    with scope(campus=campus):
        revoke_certificate(certificate, by=operator, reason="Issued by mistake")
    client.force_login(graduate.user)
    page = client.get("/c/seoul/certificates/mine/").content.decode()
    assert "Revoked on" in page
    assert "Issued by mistake" in page
    for address in downloads(certificate):
        assert address not in page
        assert client.get(address).status_code == 404
