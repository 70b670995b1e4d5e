"""Open Badges 3.0: each certificate as an OpenBadgeCredential, signed by the platform's key as a VC-JWT.

The key comes from OPENBADGES_SIGNING_KEY (a private JWK as JSON); without it (development, tests) a key is
made once and kept under var/keys/, so badges stay verifiable across restarts.
"""
import json
import uuid
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from jwcrypto import jwk, jws, jwt
from jwcrypto.common import JWException

CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


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


def _base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def credential_for(certificate) -> dict:
    issuer = {"id": _base_url() + "/", "type": ["Profile"], "name": settings.SITE_NAME}
    credential = {
        "@context": CONTEXTS,
        "id": _base_url() + reverse("certificate_verify", args=[certificate.code]),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer,
        "validFrom": certificate.issued_at.isoformat(),
        "name": certificate.module_title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.learner_name,
            "achievement": {
                "id": f"{_base_url()}/achievements/{certificate.completion.module_id}",
                "type": ["Achievement"],
                "name": certificate.module_title,
                "description": f"Completed the module {certificate.module_title} on {settings.SITE_NAME}.",
                "criteria": {"narrative": "Completed every lesson and met the module's completion rule."},
            },
        },
    }
    if certificate.expires_at:
        credential["validUntil"] = certificate.expires_at.isoformat()
    return credential


def badge_jwt(certificate) -> str:
    """The credential signed as a VC-JWT (ES256)."""
    key = signing_key()
    credential = credential_for(certificate)
    claims = {"iss": credential["issuer"]["id"], "jti": credential["id"], "sub": certificate.code,
              "nbf": int(certificate.issued_at.timestamp()), "vc": credential}
    if certificate.expires_at:
        claims["exp"] = int(certificate.expires_at.timestamp())
    token = jwt.JWT(header={"alg": "ES256", "typ": "JWT", "kid": key.key_id}, claims=claims, strict_serialization=True)
    token.make_signed_token(key)
    return token.serialize()


class BadgeInvalid(Exception):
    """A signed token, but not signed with the platform's key, or altered since."""


class BadgeUnreadable(BadgeInvalid):
    """Not a signed token at all (text, a broken or encrypted token), so there is no signature to check."""


def badge_verify(token: str) -> dict:
    """The credential's claims if the signature is the platform's; raises BadgeInvalid otherwise.
    Dates are not checked here: the verify page reports expiry from the certificate record."""
    try:
        checked = jwt.JWT(jwt=token.strip(), key=signing_key(), check_claims=False, algs=["ES256"],
                          strict_serialization=True)
    except jws.InvalidJWSSignature as exc:
        raise BadgeInvalid(str(exc)) from exc
    except (JWException, TypeError, ValueError) as exc:  # TypeError: an encrypted token (JWE)
        raise BadgeUnreadable(str(exc)) from exc
    return json.loads(checked.claims)
