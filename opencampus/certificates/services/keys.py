"""A campus's signing keys: made on first use, replaced by ``rotate_certificate_key``, all published.

Only the active key signs. Retired keys keep their public half in the key set, so every
credential ever issued can still be checked.
"""

import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from joserfc.jwk import RSAKey

from opencampus.core.models import Campus
from opencampus.core.services.activity import log_activity

from ..models import SigningKey
from .key_storage import KeyUnreadable, unwrap, wrap

ALGORITHM = "RS256"
KEY_SIZE = 2048
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Signer:
    """The active key's record and its opened private half."""

    key: SigningKey
    private_key: RSAKey


def _lock_campus(campus):
    """Two first issuances at once must not both make a key."""
    Campus.objects.select_for_update().filter(pk=campus.pk).first()


def _active(campus):
    return SigningKey.objects.filter(campus=campus, retired_at__isnull=True).first()


def _create(campus, *, actor, reason):
    private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    public = RSAKey.import_key(private.public_key())
    kid = public.thumbprint()
    key = SigningKey.objects.create(
        campus=campus,
        kid=kid,
        algorithm=ALGORITHM,
        public_jwk={**public.as_dict(private=False), "alg": ALGORITHM, "use": "sig"},
        private_key=wrap(private, kid=kid, campus_id=campus.pk),
    )
    log_activity(
        campus=campus, actor=actor, action="certificate_key.created", subject=key, data={"why": reason}
    )
    return Signer(key=key, private_key=RSAKey.import_key(private))


def _retire(key, *, actor, now, action):
    key.retired_at = now
    key.save(update_fields=["retired_at"])
    log_activity(campus=key.campus, actor=actor, action=action, subject=key)


@transaction.atomic
def signer_for(campus, *, now=None):
    """The campus's active key, opened for signing; made on first use.

    A key that no configured secret opens any more (SECRET_KEY replaced without keeping the old
    one in SECRET_KEY_FALLBACKS) is retired and a new one made: its public half stays published,
    so what it signed still verifies. A key opened with a fallback is re-wrapped with SECRET_KEY.
    """
    _lock_campus(campus)
    key = _active(campus)
    if key is None:
        return _create(campus, actor=None, reason="first use")
    try:
        opened = unwrap(key.private_key, kid=key.kid, campus_id=campus.pk)
    except KeyUnreadable:
        logger.warning("Signing key %s of campus %s cannot be opened; replacing it.", key.kid, campus.slug)
        _retire(key, actor=None, now=now or timezone.now(), action="certificate_key.unreadable")
        return _create(campus, actor=None, reason="the previous key could not be opened")
    if opened.with_fallback:
        key.private_key = wrap(opened.private_key, kid=key.kid, campus_id=campus.pk)
        key.save(update_fields=["private_key"])
    return Signer(key=key, private_key=RSAKey.import_key(opened.private_key))


@transaction.atomic
def rotate_signing_key(*, campus, actor=None, now=None):
    """Retire the campus's active key (kept for verification) and make a new one; returns it."""
    _lock_campus(campus)
    current = _active(campus)
    if current is not None:
        _retire(current, actor=actor, now=now or timezone.now(), action="certificate_key.retired")
    return _create(campus, actor=actor, reason="rotation").key


def published_keys(campus):
    """Every key the campus has had, the active one first, then the retired ones (newest first)."""
    return list(
        SigningKey.objects.filter(campus=campus).order_by(F("retired_at").desc(nulls_first=True), "-pk")
    )


def public_jwk(key, *, kid):
    """The key's public JWK, named ``kid`` (the address it is published at). Never holds ``d``."""
    return {**key.public_jwk, "kid": kid}


def key_id_from(kid):
    """The thumbprint in a ``kid`` header: the last part of the key's address, or the bare thumbprint."""
    return str(kid).rstrip("/").rsplit("/", 1)[-1]
