"""Open Badges 3.0: each certificate as an OpenBadgeCredential, signed by the platform's key as a VC-JWT
(OB 3.0 §8.2; docs/open-badges.md says how each part maps to the spec and which verifiers accept it).

The key comes from OPENBADGES_SIGNING_KEY (a private JWK as JSON); without it (development, tests) a key is
made once and kept under var/keys/, so badges stay verifiable across restarts.
"""

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from jwcrypto import jwk, jws, jwt
from jwcrypto.common import JWException

from learning.core.links import absolute_reverse, site_root

from . import badge_status

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"


def _dev_key_path() -> Path:
    return Path(settings.VAR_DIR) / "keys" / "openbadges-signing-key.json"


def signing_key() -> jwk.JWK:
    if settings.OPENBADGES_SIGNING_KEY:
        return jwk.JWK.from_json(settings.OPENBADGES_SIGNING_KEY)
    path = _dev_key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = jwk.JWK.generate(kty="EC", crv="P-256", kid=uuid.uuid4().hex)
        path.write_text(key.export_private())
        path.chmod(0o600)
    return jwk.JWK.from_json(path.read_text())


def public_jwks() -> dict:
    return {"keys": [json.loads(signing_key().export_public())]}


def algorithm(key: jwk.JWK) -> str:
    """ES256 for the P-256 key made here; an RS256 key (OB 3.0's baseline) may be configured instead."""
    return {"EC": "ES256", "RSA": "RS256"}[key["kty"]]


def platform_did() -> str:
    """did:web for the platform's host: its document is served at /.well-known/did.json (did:web §3.2)."""
    return "did:web:" + quote(urlsplit(site_root()).netloc, safe="")


def key_id(key: jwk.JWK) -> str:
    """The DID URL of the signing key: the platform's DID, the key's RFC 7638 thumbprint as the fragment."""
    return f"{platform_did()}#{key.thumbprint()}"


def issuer_id() -> str:
    return absolute_reverse("openbadges_issuer")


def issuer_url() -> str:
    return site_root() + "/"


def achievement(*, module_id, title) -> dict:
    """The Achievement a module's certificate stands for; the same object is served at its id."""
    return {
        "id": absolute_reverse("openbadges_achievement", module_id),
        "type": ["Achievement"],
        "name": title,
        "description": f"Completed the module {title} on {settings.SITE_NAME}.",
        "criteria": {"narrative": "Completed every lesson and met the module's completion rule."},
    }


def seconds(moment) -> str:
    """A UTC date-time to the second, so `validFrom` and `nbf` (a NumericDate, in seconds) agree."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _identity(email: str, salt: str) -> dict:
    """The learner as a salted SHA-256 of their email (OB 3.0 IdentityObject): a verifier who is told the
    address can confirm it, and nobody else can read it."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": salt,
    }


def credential_for(certificate) -> dict:
    """The certificate as an OpenBadgeCredential (OB 3.0, VC Data Model 2.0)."""
    credential = {
        "@context": CONTEXTS,
        "id": absolute_reverse("certificate_verify", certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": settings.SITE_NAME,
            "url": issuer_url(),
        },
        "validFrom": seconds(certificate.issued_at),
        "name": certificate.module_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.learner_name,
            # Salted with the certificate's code: unique per badge, so one person's badges share no hash.
            "identifier": [_identity(certificate.user.email, certificate.code)],
            "achievement": achievement(
                module_id=certificate.completion.module_id, title=certificate.module_title
            ),
        },
        "credentialSchema": [{"id": SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": _status_entry(certificate),
    }
    if certificate.expires_at:
        credential["validUntil"] = seconds(certificate.expires_at)
    return credential


def status_list_url(page: int) -> str:
    return absolute_reverse("openbadges_status_list", page)


def _status_entry(certificate) -> dict:
    """Where a wallet reads whether the badge was withdrawn (W3C Bitstring Status List): see badge_status."""
    page, index = badge_status.position(certificate.pk)
    return {
        "id": f"{status_list_url(page)}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": badge_status.PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": status_list_url(page),
    }


def sign(credential: dict) -> str:
    """A credential as a VC-JWT (OB 3.0 §8.2): the payload is the credential itself, with the registered
    claims mapped from it; the header names the key as a DID URL and carries the public key too."""
    key = signing_key()
    issuer = credential["issuer"]
    claims = dict(
        credential,
        iss=issuer["id"] if isinstance(issuer, dict) else issuer,
        jti=credential["id"],
        nbf=_numeric(credential["validFrom"]),
    )
    subject_id = credential["credentialSubject"].get("id")
    if subject_id:
        claims["sub"] = subject_id
    if "validUntil" in credential:
        claims["exp"] = _numeric(credential["validUntil"])
    header = {"alg": algorithm(key), "typ": "JWT", "kid": key_id(key), "jwk": key.export_public(as_dict=True)}
    token = jwt.JWT(header=header, claims=claims, strict_serialization=True)
    token.make_signed_token(key)
    return token.serialize()


def _numeric(moment: str) -> int:
    return int(datetime.strptime(moment, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def badge_jwt(certificate) -> str:
    """The certificate's Open Badge, signed as a VC-JWT."""
    return sign(credential_for(certificate))


def certificate_code(claims: dict) -> str:
    """The verification code in a badge's credential id (its verify page), or "" if it names none."""
    try:
        return resolve(urlsplit(str(claims.get("jti", ""))).path).kwargs.get("code", "")
    except Resolver404:
        return ""


class BadgeInvalid(Exception):
    """A signed token, but not signed with the platform's key, or altered since."""


class BadgeUnreadable(BadgeInvalid):
    """Not a signed token at all (text, a broken or encrypted token), so there is no signature to check."""


def badge_verify(token: str) -> dict:
    """The credential's claims if the signature is the platform's; raises BadgeInvalid otherwise.
    Dates are not checked here: the verify page reports expiry from the certificate record."""
    try:
        key = signing_key()
        checked = jwt.JWT(
            jwt=token.strip(), key=key, check_claims=False, algs=[algorithm(key)], strict_serialization=True
        )
    except jws.InvalidJWSSignature as exc:
        raise BadgeInvalid(str(exc)) from exc
    except (JWException, TypeError, ValueError) as exc:  # TypeError: an encrypted token (JWE)
        raise BadgeUnreadable(str(exc)) from exc
    return json.loads(checked.claims)
