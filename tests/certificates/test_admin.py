"""Certificates in the raw-data administration: read-only, per campus, never deleted."""

from .helpers import fresh


def test_operators_see_their_campus_certificates_read_only(
    client, campus, certificate, foreign_certificate, operator
):
    client.force_login(operator)
    listing = client.get("/admin/certificates/certificate/")
    assert listing.status_code == 200
    assert "Kim Minji" in listing.text
    assert "Park Jisu" not in listing.text

    detail = client.get(f"/admin/certificates/certificate/{certificate.pk}/change/")
    assert detail.status_code == 200
    assert 'name="holder_name_en"' not in detail.text
    client.post(f"/admin/certificates/certificate/{certificate.pk}/change/", {"holder_name_en": "Changed"})
    assert fresh(certificate).holder_name_en == "Kim Minji"


def test_nobody_deletes_a_certificate_in_the_admin(admin_client, certificate):
    response = admin_client.post(f"/admin/certificates/certificate/{certificate.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert fresh(certificate).pk == certificate.pk


def test_the_signing_key_page_shows_no_private_key(admin_client, certificate):
    page = admin_client.get(f"/admin/certificates/signingkey/{certificate.signing_key.pk}/change/").text
    assert certificate.signing_key.kid in page
    assert "aesgcm" not in page
