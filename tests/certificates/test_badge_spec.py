"""Open Badges 3.0 as the spec says: the payload against 1EdTech's JSON schema, the VC-JWT claims and header
(OB 3.0 §8.2), the hashed identity, and the documents a badge points to answering at their ids."""

import gzip
import hashlib
import json
from base64 import urlsafe_b64decode
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from jwcrypto import jwk, jwt

from certificates import badge_status, badges, services

pytestmark = pytest.mark.django_db
# 1EdTech's schema, published at https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ (vendored: no network).
SCHEMA_FILE = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text())


def _parts(token):
    return [json.loads(urlsafe_b64decode(part + "==")) for part in token.split(".")[:2]]


def _path(url):
    return urlsplit(url).path


def test_the_payload_is_an_achievement_credential_by_1edtechs_schema(certificate):
    _header, payload = _parts(badges.badge_jwt(certificate))
    validator = jsonschema.Draft201909Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(payload)] == []
    for member in ("@context", "id", "type", "issuer", "validFrom", "credentialSubject", "credentialStatus"):
        assert member in payload, member
    assert "vc" not in payload


def test_registered_claims_and_header_map_the_credential(certificate):
    header, payload = _parts(badges.badge_jwt(certificate))
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    valid_from = datetime.strptime(payload["validFrom"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert payload["nbf"] == valid_from.timestamp() == int(certificate.issued_at.timestamp())
    assert datetime.fromtimestamp(payload["exp"], UTC).strftime("%Y-%m-%dT%H:%M:%SZ") == payload["validUntil"]
    # No subject id (the learner has no DID), so no `sub`: there is nothing for it to match.
    assert "id" not in payload["credentialSubject"] and "sub" not in payload
    # Only the headers OB 3.0 allows; the key named by a DID URL of the platform's did:web, and as a JWK.
    assert set(header) == {"alg", "typ", "kid", "jwk"} and header["typ"] == "JWT" and header["alg"] == "ES256"
    assert header["kid"].startswith(badges.platform_did() + "#") and "d" not in header["jwk"]


def test_the_learner_is_a_salted_hash_of_their_email(certificate):
    _header, payload = _parts(badges.badge_jwt(certificate))
    [identity] = payload["credentialSubject"]["identifier"]
    expected = hashlib.sha256((certificate.user.email.lower() + identity["salt"]).encode()).hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${expected}",
        "salt": identity["salt"],
    }
    assert certificate.user.email not in json.dumps(payload)


def test_the_signature_checks_with_the_key_the_did_document_names(client, certificate):
    token = badges.badge_jwt(certificate)
    header, _payload = _parts(token)
    did = client.get("/.well-known/did.json")
    assert did.status_code == 200 and did["Content-Type"] == "application/json"
    document = did.json()
    assert document["id"] == badges.platform_did() == "did:web:testserver"
    [method] = [m for m in document["verificationMethod"] if m["id"] == header["kid"]]
    assert header["kid"] in document["assertionMethod"]
    assert "d" not in method["publicKeyJwk"]
    jwt.JWT(jwt=token, key=jwk.JWK(**method["publicKeyJwk"]), algs=["ES256"])  # raises if it does not verify


def test_issuer_and_achievement_answer_as_json_at_their_ids(client, certificate):
    _header, payload = _parts(badges.badge_jwt(certificate))
    achievement = payload["credentialSubject"]["achievement"]
    for url, expected in ((payload["issuer"]["id"], payload["issuer"]), (achievement["id"], achievement)):
        response = client.get(_path(url))
        assert response.status_code == 200 and response["Content-Type"] == "application/json", url
        document = response.json()
        assert {key: document[key] for key in expected} == expected
    assert client.get("/achievements/999999").status_code == 404


def _status(client, payload):
    entry = payload["credentialStatus"]
    response = client.get(_path(entry["statusListCredential"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    _header, status_list = _parts(response.content.decode())
    subject = status_list["credentialSubject"]
    assert "BitstringStatusListCredential" in status_list["type"]
    assert subject["statusPurpose"] == entry["statusPurpose"]
    bits = gzip.decompress(urlsafe_b64decode(subject["encodedList"][1:] + "=="))
    assert len(bits) * 8 >= badge_status.LIST_SIZE
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def test_revoked_and_superseded_badges_show_as_revoked_in_the_status_list(client, certificate):
    _header, payload = _parts(badges.badge_jwt(certificate))
    assert payload["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert payload["credentialStatus"]["statusPurpose"] == "revocation"
    assert _status(client, payload) is False
    replacement = services.certificate_reissue(certificate=certificate, actor=None, reason="Name change")
    assert _status(client, payload) is True
    _header, renewed = _parts(badges.badge_jwt(replacement))
    assert _status(client, renewed) is False
    services.certificate_revoke(certificate=replacement, actor=None, reason="Issued in error")
    assert _status(client, renewed) is True
