"""The campus key: made on first use, kept encrypted, rotated without breaking old credentials."""

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.management import call_command
from django_scopes import scope, scopes_disabled

from opencampus.certificates.models import SigningKey
from opencampus.certificates.services.issuing import issue_certificate
from opencampus.certificates.services.key_storage import KeyUnreadable, unwrap, wrap
from opencampus.certificates.services.keys import rotate_signing_key, signer_for
from opencampus.certificates.services.verification import verify_credential
from opencampus.core.models import ActivityLog

from .helpers import BASE_URL, fresh, graduates


def active_keys(campus):
    with scopes_disabled():
        return list(SigningKey.objects.filter(campus=campus, retired_at__isnull=True))


def test_the_first_signature_makes_one_key_and_later_ones_reuse_it(campus):
    with scope(campus=campus):
        first = signer_for(campus)
        second = signer_for(campus)
    assert first.key == second.key
    assert active_keys(campus) == [first.key]
    assert first.key.public_jwk["kty"] == "RSA"
    assert "d" not in first.key.public_jwk
    assert first.key.kid == first.private_key.thumbprint()


def test_the_private_key_is_stored_encrypted_and_bound_to_its_row(campus):
    with scope(campus=campus):
        key = signer_for(campus).key
    assert key.private_key.startswith("aesgcm-hkdf-sha256-v1$")
    assert "PRIVATE KEY" not in key.private_key
    assert unwrap(key.private_key, kid=key.kid, campus_id=campus.pk).with_fallback is False
    with pytest.raises(KeyUnreadable):
        unwrap(key.private_key, kid=key.kid, campus_id=campus.pk + 1)


def test_a_key_wrapped_with_an_old_secret_is_read_with_the_fallback_and_rewrapped(campus, settings):
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings.SECRET_KEY = "the old secret key, long enough to be a real one"
    stored = wrap(private, kid="k1", campus_id=campus.pk)
    settings.SECRET_KEY = "the new secret key, also long enough to be real"
    with pytest.raises(KeyUnreadable):
        unwrap(stored, kid="k1", campus_id=campus.pk)
    settings.SECRET_KEY_FALLBACKS = ["the old secret key, long enough to be a real one"]
    assert unwrap(stored, kid="k1", campus_id=campus.pk).with_fallback is True


def test_rotating_secret_key_with_a_fallback_keeps_the_key(campus, settings):
    settings.SECRET_KEY = "secret one, long enough to be a real secret key"
    with scope(campus=campus):
        key = signer_for(campus).key
    settings.SECRET_KEY = "secret two, long enough to be a real secret key"
    settings.SECRET_KEY_FALLBACKS = ["secret one, long enough to be a real secret key"]
    with scope(campus=campus):
        assert signer_for(campus).key == key
    settings.SECRET_KEY_FALLBACKS = []
    assert unwrap(fresh(key).private_key, kid=key.kid, campus_id=campus.pk).with_fallback is False


def test_a_lost_secret_retires_the_key_and_old_credentials_still_verify(
    campus, certificate, settings, staff_member, cohort, make_person
):
    settings.SECRET_KEY = "a completely different secret that opens nothing"
    newcomer = graduates(cohort, [make_person(campus, name_en="Later Graduate")])[0]
    with scope(campus=campus):
        later = issue_certificate(newcomer, by=staff_member, base_url=BASE_URL)
        old_check = verify_credential(certificate.credential, campus=campus)
        new_check = verify_credential(later.credential, campus=campus)
    assert later.signing_key != certificate.signing_key
    assert fresh(certificate.signing_key).retired_at is not None
    assert (old_check.status, new_check.status) == ("valid", "valid")
    with scopes_disabled():
        assert ActivityLog.objects.filter(action="certificate_key.unreadable").count() == 1


def test_rotation_retires_the_old_key_and_both_stay_published(campus, certificate, client, operator):
    with scope(campus=campus):
        new = rotate_signing_key(campus=campus, actor=operator)
        check = verify_credential(certificate.credential, campus=campus)
    assert active_keys(campus) == [new]
    assert fresh(certificate.signing_key).retired_at is not None
    assert check.status == "valid"
    kids = [key["kid"] for key in client.get("/c/seoul/certificates/jwks.json").json()["keys"]]
    assert kids == [
        f"{BASE_URL}/c/seoul/certificates/keys/{new.kid}/",
        f"{BASE_URL}/c/seoul/certificates/keys/{certificate.signing_key.kid}/",
    ]
    with scopes_disabled():
        actions = list(
            ActivityLog.objects.filter(action__startswith="certificate_key.").values_list("action", flat=True)
        )
    assert sorted(actions) == [
        "certificate_key.created",
        "certificate_key.created",
        "certificate_key.retired",
    ]


def test_the_rotate_command_gives_each_campus_a_new_key(campus, other_campus, certificate, capsys):
    call_command("rotate_certificate_key")
    out = capsys.readouterr().out
    assert "seoul: new signing key" in out
    assert "busan: new signing key" in out
    assert len(active_keys(campus)) == len(active_keys(other_campus)) == 1
    assert active_keys(campus)[0] != certificate.signing_key


def test_the_rotate_command_can_name_campuses_and_refuses_unknown_ones(campus, other_campus):
    call_command("rotate_certificate_key", "--campus", "seoul")
    assert len(active_keys(campus)) == 1
    assert active_keys(other_campus) == []
    with pytest.raises(Exception, match="No such campus: nowhere"):
        call_command("rotate_certificate_key", "--campus", "nowhere")
