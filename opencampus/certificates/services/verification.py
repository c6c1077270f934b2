"""Checking a credential someone pasted: readable, signed by this campus, unchanged, not revoked.

It follows OB 3.0 §8.2.6 and §9.1 with this campus as the only trusted issuer: the key comes from
the campus's own key set (never from the credential), then the claims must agree with the
credential, and the campus's records say whether it was revoked.
"""

import base64
import binascii
import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from opencampus.core.links import campus_reverse

from ..models import Certificate, SigningKey
from .credentials import CREDENTIAL_TYPES, PROOF_TYPE, credential_part
from .keys import ALGORITHM, key_id_from

MAX_LENGTH = 100_000
COMPACT_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


class Unreadable(Exception):
    """The text is not a credential at all; the message says what to paste instead."""


@dataclass
class Verification:
    """What the check found. ``status`` is ``valid``, ``revoked`` or ``invalid``."""

    status: str
    problems: list = field(default_factory=list)
    certificate: Certificate | None = None
    credential: dict | None = None

    @property
    def is_valid(self):
        return self.status == "valid"


def _invalid(*problems, credential=None, certificate=None):
    return Verification("invalid", list(problems), certificate=certificate, credential=credential)


def _unb64(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _json_object(data):
    value = json.loads(data)
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


def _proof_jwt(document):
    proofs = document.get("proof")
    for proof in proofs if isinstance(proofs, list) else [proofs]:
        if isinstance(proof, dict) and proof.get("type") == PROOF_TYPE and isinstance(proof.get("jwt"), str):
            return proof["jwt"]
    raise Unreadable(
        _(
            "This JSON carries no proof we can check. Paste the .json or .jwt file downloaded from "
            "“My certificates”, unchanged."
        )
    )


def read_credential(text):
    """``(compact JWS, JSON document or None)`` from what was pasted; raises ``Unreadable``."""
    text = (text or "").strip()
    if len(text) > MAX_LENGTH:
        raise Unreadable(_("This is far longer than any credential; paste only the credential."))
    document = None
    if text.startswith("{"):
        try:
            document = _json_object(text)
        except ValueError:
            raise Unreadable(_("This looks like JSON but cannot be read; paste the whole file.")) from None
        text = _proof_jwt(document)
    token = "".join(text.split())
    if not COMPACT_JWS.match(token):
        raise Unreadable(
            _(
                "This is not a credential we can read. Paste the whole .jwt file (three parts separated "
                "by dots) or the whole .json file."
            )
        )
    return token, document


def _header(token):
    try:
        return _json_object(_unb64(token.split(".", 1)[0]))
    except (ValueError, binascii.Error):
        raise Unreadable(_("The first part of this credential cannot be read.")) from None


def _foreign_campus(thumbprint, campus):
    with scopes_disabled():
        key = (
            SigningKey.objects.filter(kid=thumbprint).exclude(campus=campus).select_related("campus").first()
        )
    return key.campus if key is not None else None


def _moment(value):
    """A date and time with its offset, or None."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _claim_problems(payload, campus, now):
    problems = []
    issuer = payload.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    subject = payload.get("credentialSubject")
    subject_id = subject.get("id") if isinstance(subject, dict) else None
    if not set(CREDENTIAL_TYPES) <= set(payload.get("type") or []):
        problems.append(_("It is not an Open Badges credential."))
    if (
        payload.get("iss") != issuer_id
        or payload.get("jti") != payload.get("id")
        or payload.get("sub") != subject_id
    ):
        problems.append(_("Its signed claims do not agree with the credential it carries."))
    if urlsplit(str(issuer_id)).path != campus_reverse(campus, "certificates:issuer"):
        problems.append(_("It does not name %(campus)s as its issuer.") % {"campus": campus.name})
    valid_from = _moment(payload.get("validFrom"))
    if valid_from is None:
        problems.append(_("It has no valid date from which it counts."))
    else:
        if payload.get("nbf") != int(valid_from.timestamp()):
            problems.append(_("Its signed claims do not agree with the credential it carries."))
        elif valid_from > now:
            problems.append(
                _("It is not valid before %(date)s.") % {"date": valid_from.astimezone(UTC).date()}
            )
    return list(dict.fromkeys(problems))


def _readable_part(document):
    return {name: value for name, value in document.items() if name != "proof"}


def _certificate(payload, campus):
    try:
        public_id = uuid.UUID(urlsplit(str(payload.get("id"))).path.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None
    return Certificate.objects.filter(campus=campus, public_id=public_id).select_related("campus").first()


def verify_credential(text, *, campus, now=None):
    """Check a pasted credential (compact JWS, or our ``.json`` with its JWT proof) against ``campus``."""
    try:
        token, document = read_credential(text)
        header = _header(token)
    except Unreadable as error:
        return _invalid(str(error))
    if header.get("alg") != ALGORITHM or not header.get("kid"):
        return _invalid(_("It is not signed the way %(campus)s signs credentials.") % {"campus": campus.name})
    thumbprint = key_id_from(header["kid"])
    key = SigningKey.objects.filter(campus=campus, kid=thumbprint).first()
    if key is None:
        other = _foreign_campus(thumbprint, campus)
        if other is not None:
            return _invalid(
                _("This credential was issued by another campus, %(other)s; check it on that campus's page.")
                % {"other": other.name}
            )
        return _invalid(_("It was not signed with any key of %(campus)s.") % {"campus": campus.name})
    try:
        signed = jws.deserialize_compact(token, RSAKey.import_key(key.public_jwk), algorithms=[ALGORITHM])
        payload = _json_object(signed.payload)
    except (JoseError, ValueError):
        return _invalid(
            _(
                "The signature does not match the content: the credential was changed after "
                "%(campus)s signed it."
            )
            % {"campus": campus.name}
        )
    problems = _claim_problems(payload, campus, now or timezone.now())
    if document is not None and _readable_part(document) != credential_part(payload):
        problems.append(_("The readable part of the file was changed after it was signed."))
    certificate = _certificate(payload, campus)
    if certificate is None:
        problems.append(_("%(campus)s has no record of this certificate.") % {"campus": campus.name})
    if problems:
        return _invalid(*problems, credential=payload, certificate=certificate)
    status = "revoked" if certificate.is_revoked else "valid"
    return Verification(status, certificate=certificate, credential=payload)
