"""Open Badges 3.0 credentials: what a certificate says, and its VC-JWT proof (OB 3.0 §8.2).

The JWT payload is the OpenBadgeCredential itself plus the registered claims ``iss``, ``jti``,
``nbf`` and ``sub`` mirroring ``issuer.id``, ``id``, ``validFrom`` and ``credentialSubject.id``.
Texts are written in the campus's language, with the other language in ``localizationData``
(docs/decisions/0005-certificate-credentials.md).
"""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.utils import translation
from django.utils.translation import gettext as _
from joserfc import jws

from opencampus.core.models.campus import localised

from .keys import ALGORITHM, public_jwk

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    # Defines the 1EdTechRevocationList status type.
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
]
CREDENTIAL_TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
REGISTERED_CLAIMS = ("iss", "jti", "nbf", "sub", "exp")
PROOF_TYPE = "JwtProof2020"
LANGUAGES = ("ko", "en")


@dataclass(frozen=True)
class CourseNames:
    """The names a credential uses; a certificate keeps its own snapshot of them."""

    track_name_ko: str
    track_name_en: str
    cohort_name_ko: str
    cohort_name_en: str

    @classmethod
    def of_cohort(cls, cohort):
        return cls(cohort.track.name_ko, cohort.track.name_en, cohort.name_ko, cohort.name_en)

    @classmethod
    def of_certificate(cls, certificate):
        return cls(
            certificate.track_name_ko,
            certificate.track_name_en,
            certificate.cohort_name_ko,
            certificate.cohort_name_en,
        )


def other_language(language):
    return "en" if language == "ko" else "ko"


def timestamp(moment):
    """VCDM's dateTimeStamp, to the second, so it equals the ``nbf`` claim exactly."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _start_of(day, campus):
    return datetime.combine(day, time(0), campus.tz).isoformat()


def criteria(cohort):
    """How the cohort's participants complete it, in the active language."""
    text = _(
        "Take part in the course until it ends and attend at least %(needed)d%% of its sessions. "
        "Arriving late counts as attending; excused absences and sessions before joining are left out."
    ) % {"needed": cohort.completion_attendance}
    if cohort.completion_requires_presentation:
        text += " " + _("Deliver a results presentation.")
    return text


def _texts(cohort, names, language):
    with translation.override(language):
        course = f"{localised(names, 'track_name')} · {localised(names, 'cohort_name')}"
        description = localised(cohort.track, "description") or _(
            "%(course)s at %(campus)s: %(weeks)d weeks, from %(start)s to %(end)s."
        ) % {
            "course": course,
            "campus": cohort.campus.name,
            "weeks": cohort.weeks,
            "start": cohort.starts_on.isoformat(),
            "end": cohort.ends_on.isoformat(),
        }
        return {
            "$.name": _("Certificate of completion: %(course)s") % {"course": course},
            "$.issuer.name": cohort.campus.name,
            "$.credentialSubject.achievement.name": course,
            "$.credentialSubject.achievement.description": description,
            "$.credentialSubject.achievement.criteria.narrative": criteria(cohort),
            "$.credentialSubject.achievement.resultDescription[0].name": _("Attendance"),
        }


def achievement(cohort, *, links, names=None):
    """The OB ``Achievement`` a cohort's certificate attests, in the campus's language."""
    language = cohort.campus.default_language
    texts = _texts(cohort, names or CourseNames.of_cohort(cohort), language)
    achievement_id = links.achievement(cohort.slug)
    return {
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": texts["$.credentialSubject.achievement.name"],
        "description": texts["$.credentialSubject.achievement.description"],
        "criteria": {"narrative": texts["$.credentialSubject.achievement.criteria.narrative"]},
        "inLanguage": language,
        "resultDescription": [
            {
                "id": f"{achievement_id}#attendance",
                "type": ["ResultDescription"],
                "name": texts["$.credentialSubject.achievement.resultDescription[0].name"],
                "resultType": "Percent",
                "requiredValue": str(cohort.completion_attendance),
                "valueMin": "0",
                "valueMax": "100",
            }
        ],
    }


def issuer_profile(campus, *, links):
    """The campus as an OB ``Profile``; its ``id`` resolves to this same document."""
    with translation.override(campus.default_language):
        profile = {"id": links.issuer, "type": ["Profile"], "name": campus.name, "url": links.home}
    if campus.contact_email:
        profile["email"] = campus.contact_email
    return profile


def _identifiers(certificate, email):
    """Who holds it: the names as written, and the e-mail address salted and hashed (OB 3.0 §9.3)."""
    names = dict.fromkeys(name for name in (certificate.holder_name_ko, certificate.holder_name_en) if name)
    identifiers = [
        {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}
        for name in names
    ]
    if email:
        salt = secrets.token_hex(8)
        digest = hashlib.sha256((email.lower() + salt).encode()).hexdigest()
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": f"sha256${digest}",
                "salt": salt,
            }
        )
    return identifiers


def _localization(cohort, names, language):
    texts = _texts(cohort, names, language)
    return {
        "local": {
            "items": [
                {"select": path, "apply": [{"language": language, "value": value}]}
                for path, value in texts.items()
            ]
        }
    }


def build_credential(certificate, *, cohort, links, email):
    """The unsigned OpenBadgeCredential for ``certificate`` (its snapshot fields filled in)."""
    campus = cohort.campus
    names = CourseNames.of_certificate(certificate)
    main = _texts(cohort, names, campus.default_language)
    badge = achievement(cohort, links=links, names=names)
    return {
        "@context": CONTEXTS,
        "id": links.certificate(certificate.public_id),
        "type": CREDENTIAL_TYPES,
        "name": main["$.name"],
        "issuer": issuer_profile(campus, links=links),
        "validFrom": timestamp(certificate.issued_at),
        "credentialSubject": {
            "id": f"urn:uuid:{certificate.subject_id}",
            "type": ["AchievementSubject"],
            "identifier": _identifiers(certificate, email),
            "activityStartDate": _start_of(certificate.starts_on, campus),
            "activityEndDate": _start_of(certificate.ends_on, campus),
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": badge["resultDescription"][0]["id"],
                    "value": str(certificate.attendance_rate),
                }
            ],
            "achievement": badge,
        },
        "credentialStatus": {"id": links.revocations, "type": "1EdTechRevocationList"},
        "localizationData": _localization(cohort, names, other_language(campus.default_language)),
    }


def sign_credential(credential, *, signer, links):
    """The compact JWS of ``credential`` and the JWT payload it carries."""
    valid_from = datetime.fromisoformat(credential["validFrom"])
    payload = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(valid_from.timestamp()),
        "sub": credential["credentialSubject"]["id"],
    }
    header = {"alg": ALGORITHM, "kid": links.key(signer.key.kid), "typ": "JWT"}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return jws.serialize_compact(header, body, signer.private_key, algorithms=[ALGORITHM]), payload


def credential_part(payload):
    """The credential inside a JWT payload: everything but the registered JWT claims."""
    return {name: value for name, value in payload.items() if name not in REGISTERED_CLAIMS}


def credential_document(certificate):
    """The ``.json`` download: the readable credential with its JWT as the proof."""
    return {
        **credential_part(certificate.credential_json),
        "proof": {"type": PROOF_TYPE, "jwt": certificate.credential},
    }


def issuer_document(campus, *, links, keys):
    """The issuer profile served at ``issuer.id``, with every public key the campus signs with."""
    return {
        "@context": CONTEXTS[:2],
        **issuer_profile(campus, links=links),
        "verificationMethod": [
            {
                "id": links.key(key.kid),
                "type": "JsonWebKey",
                "controller": links.issuer,
                "publicKeyJwk": public_jwk(key, kid=links.key(key.kid)),
            }
            for key in keys
        ],
    }
