"""Certificates join the holder's data download; deleting the account revokes and blanks them."""

from django_scopes import scopes_disabled

from opencampus.core.models import ActivityLog
from opencampus.people.services.personal_data import delete_account, export_personal_data

from .helpers import fresh


def test_the_download_holds_my_certificates(certificate, graduate):
    [exported] = export_personal_data(user=graduate.user)["certificates"]
    assert exported["id"] == str(certificate.public_id)
    assert exported["holder_name_en"] == "Kim Minji"
    assert exported["cohort_en"] == "2020 pilot"
    assert exported["credential"] == certificate.credential
    assert exported["revoked_at"] is None


def test_the_download_holds_nothing_of_other_peoples_certificates(certificate, participant):
    assert export_personal_data(user=participant)["certificates"] == []


def test_deleting_the_account_revokes_the_certificate_and_forgets_the_name(
    client, campus, certificate, graduate
):
    delete_account(user=graduate.user, campus=campus)

    erased = fresh(certificate)
    assert erased.revoked_at is not None
    assert erased.revoked_by is None
    assert erased.revocation_reason == "erased at the holder's request"
    assert (erased.holder_name_ko, erased.holder_name_en, erased.credential) == ("", "", "")
    assert erased.credential_json == {"id": certificate.url}
    with scopes_disabled():
        logged = " ".join(ActivityLog.objects.values_list("object_repr", flat=True))
    assert "Kim Minji" not in logged
    assert "김민지" not in logged

    page = client.get(f"/c/seoul/certificates/{certificate.public_id}/").content.decode()
    assert "Revoked on" in page
    assert "erased at the holder&#x27;s request" in page
    assert "Kim Minji" not in page
    revoked = client.get("/c/seoul/certificates/revocations/").json()["revokedCredentials"]
    assert revoked == [{"id": certificate.url, "revocationReason": "erased at the holder's request"}]


def test_a_credential_kept_by_its_former_holder_checks_as_revoked(client, campus, certificate, graduate):
    delete_account(user=graduate.user, campus=campus)
    response = client.post("/c/seoul/certificates/verify/", {"credential": certificate.credential})
    assert response.context["verification"].status == "revoked"
