"""The credential is an Open Badges 3.0 OpenBadgeCredential with a VC-JWT proof (OB 3.0 §8.2)."""

import base64
import json
from datetime import datetime

from joserfc import jws
from joserfc.jwk import KeySet

from opencampus.certificates.services.credentials import credential_document

from .helpers import BASE_URL


def segment(token, index):
    part = token.split(".")[index]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def path_of(url):
    assert url.startswith(BASE_URL)
    return url.removeprefix(BASE_URL)


def test_the_jose_header_names_the_published_key(certificate, client):
    header = segment(certificate.credential, 0)
    assert set(header) == {"alg", "kid", "typ"}
    assert (header["alg"], header["typ"]) == ("RS256", "JWT")
    key = client.get(path_of(header["kid"]))
    assert key.status_code == 200
    assert key.json() == {**certificate.signing_key.public_jwk, "kid": header["kid"]}
    assert "d" not in key.json()


def test_the_payload_is_the_credential_with_its_registered_claims(certificate, cohort):
    payload = segment(certificate.credential, 1)
    assert payload == certificate.credential_json
    assert payload["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["iss"] == payload["issuer"]["id"] == f"{BASE_URL}/c/seoul/certificates/issuer/"
    assert payload["jti"] == payload["id"] == certificate.url
    assert payload["sub"] == payload["credentialSubject"]["id"] == f"urn:uuid:{certificate.subject_id}"
    assert payload["nbf"] == int(datetime.fromisoformat(payload["validFrom"]).timestamp())
    assert payload["validFrom"].endswith("Z")
    assert payload["credentialStatus"] == {
        "id": f"{BASE_URL}/c/seoul/certificates/revocations/",
        "type": "1EdTechRevocationList",
    }
    assert "exp" not in payload


def test_the_achievement_states_the_course_and_the_completion_rules(certificate):
    subject = certificate.credential_json["credentialSubject"]
    achievement = subject["achievement"]
    assert subject["type"] == ["AchievementSubject"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "CertificateOfCompletion"
    assert achievement["id"] == f"{BASE_URL}/c/seoul/certificates/achievements/pilot/"
    assert achievement["name"] == "탑 혁신가 과정 · 2020 시범 과정"
    assert achievement["inLanguage"] == "ko"
    # The campus's language first: the criteria in Korean, English among the localisation data.
    assert "80% 이상 출석" in achievement["criteria"]["narrative"]
    assert subject["result"] == [
        {"type": ["Result"], "resultDescription": f"{achievement['id']}#attendance", "value": "100.0"}
    ]
    assert achievement["resultDescription"][0]["requiredValue"] == "80"


def test_the_other_language_is_given_as_localization_data(certificate):
    items = {
        item["select"]: item["apply"][0]
        for item in certificate.credential_json["localizationData"]["local"]["items"]
    }
    assert items["$.credentialSubject.achievement.name"] == {
        "language": "en",
        "value": "Top innovators · 2020 pilot",
    }
    assert items["$.issuer.name"]["value"] == "Seoul Innovation Park"
    criteria = items["$.credentialSubject.achievement.criteria.narrative"]["value"]
    assert "at least 80% of its sessions" in criteria
    assert "Deliver a results presentation." in criteria


def test_the_holder_is_named_and_their_address_only_hashed(certificate):
    identifiers = certificate.credential_json["credentialSubject"]["identifier"]
    assert [item["identityHash"] for item in identifiers if item["identityType"] == "name"] == [
        "김민지",
        "Kim Minji",
    ]
    [email] = [item for item in identifiers if item["identityType"] == "emailAddress"]
    assert email["hashed"] is True
    assert email["identityHash"].startswith("sha256$")
    assert "minji@example.org" not in certificate.credential
    assert "minji@example.org" not in json.dumps(certificate.credential_json)


def test_a_third_party_verifies_it_with_the_published_key_set(certificate, client):
    key_set = KeySet.import_key_set(client.get("/c/seoul/certificates/jwks.json").json())
    verified = jws.deserialize_compact(certificate.credential, key_set, algorithms=["RS256"])
    assert json.loads(verified.payload)["id"] == certificate.url


def test_the_issuer_id_resolves_to_the_profile_with_the_keys(certificate, client):
    response = client.get(path_of(certificate.credential_json["issuer"]["id"]))
    profile = response.json()
    assert response["Access-Control-Allow-Origin"] == "*"
    assert profile["id"] == certificate.credential_json["issuer"]["id"]
    assert profile["type"] == ["Profile"]
    assert profile["name"] == "서울혁신파크"
    assert [method["publicKeyJwk"]["n"] for method in profile["verificationMethod"]] == [
        certificate.signing_key.public_jwk["n"]
    ]


def test_the_json_download_is_the_credential_with_its_jwt_as_proof(certificate):
    document = credential_document(certificate)
    assert document["proof"] == {"type": "JwtProof2020", "jwt": certificate.credential}
    assert {"iss", "jti", "nbf", "sub"}.isdisjoint(document)
    assert document["id"] == certificate.url
