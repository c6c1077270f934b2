"""How a campus's private signing key is kept at rest: encrypted with a key derived from SECRET_KEY.

A database dump alone therefore does not reveal the key. The wrapping key is
HKDF-SHA256(SECRET_KEY, a random salt per key); the cipher is AES-256-GCM with the key id and
campus as associated data, so a stored key cannot be moved to another row unnoticed. Keys wrapped
with a key listed in SECRET_KEY_FALLBACKS are still read (and re-wrapped by the caller).
"""

import base64
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

FORMAT = "aesgcm-hkdf-sha256-v1"
INFO = b"opencampus certificate signing key"


class KeyUnreadable(Exception):
    """None of the configured secret keys opens the stored private key (SECRET_KEY changed)."""


@dataclass(frozen=True)
class Unwrapped:
    private_key: object
    with_fallback: bool


def _b64(data):
    return base64.urlsafe_b64encode(data).decode()


def _unb64(text):
    return base64.urlsafe_b64decode(text.encode())


def _wrapping_key(secret, salt):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=INFO).derive(secret.encode())


def _associated_data(kid, campus_id):
    return f"{campus_id}:{kid}".encode()


def wrap(private_key, *, kid, campus_id):
    """The private key, encrypted with the current SECRET_KEY, as one line of text."""
    salt, nonce = os.urandom(16), os.urandom(12)
    der = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    sealed = AESGCM(_wrapping_key(settings.SECRET_KEY, salt)).encrypt(
        nonce, der, _associated_data(kid, campus_id)
    )
    return "$".join([FORMAT, _b64(salt), _b64(nonce), _b64(sealed)])


def unwrap(stored, *, kid, campus_id):
    """Open a stored private key with SECRET_KEY, then with each of SECRET_KEY_FALLBACKS."""
    try:
        label, salt, nonce, sealed = stored.split("$")
    except ValueError:
        raise KeyUnreadable("The stored key is not in a known format.") from None
    if label != FORMAT:
        raise KeyUnreadable(f"Unknown key format {label!r}.")
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    for position, secret in enumerate(secrets):
        try:
            der = AESGCM(_wrapping_key(secret, _unb64(salt))).decrypt(
                _unb64(nonce), _unb64(sealed), _associated_data(kid, campus_id)
            )
        except InvalidTag:
            continue
        # The GCM tag proved these are the bytes we stored, so RSA's slow consistency check is skipped.
        private_key = serialization.load_der_private_key(
            der, password=None, unsafe_skip_rsa_key_validation=True
        )
        return Unwrapped(private_key, with_fallback=position > 0)
    raise KeyUnreadable("No configured secret key opens this signing key.")
