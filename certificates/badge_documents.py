"""The public documents an Open Badge points to, served at their ids so any verifier can dereference them:
the platform's DID document (its signing key), the issuer profile, achievements and the status lists."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import badge_status, badges
from .models import Certificate

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]


def did_document() -> dict:
    """did:web document (https://w3c-ccg.github.io/did-method-web/): the key badges name in their `kid`."""
    key = badges.signing_key()
    did, kid = badges.platform_did(), badges.key_id(key)
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "alsoKnownAs": [badges.issuer_id()],
        "verificationMethod": [
            {
                "id": kid,
                "type": "JsonWebKey2020",
                "controller": did,
                "publicKeyJwk": key.export_public(as_dict=True),
            }
        ],
        "assertionMethod": [kid],
    }


def issuer_profile() -> dict:
    # otherIdentifier ties the profile to the DID whose key signs the badges.
    did = {"type": "IdentifierEntry", "identifier": badges.platform_did(), "identifierType": "identifier"}
    return {
        "@context": badges.CONTEXTS,
        "id": badges.issuer_id(),
        "type": ["Profile"],
        "name": settings.SITE_NAME,
        "url": badges.issuer_url(),
        "otherIdentifier": [did],
    }


def achievement_document(module_id: int) -> dict | None:
    """The achievement as badges state it, named as on its latest certificate, so it stays resolvable after
    the module is renamed or unpublished; None for a module no badge was ever issued for."""
    title = (
        Certificate.objects.filter(completion__module_id=module_id)
        .order_by("-issued_at")
        .values_list("module_title", flat=True)
        .first()
    )
    if title is None:
        return None
    return {"@context": badges.CONTEXTS, **badges.achievement(module_id=module_id, title=title)}


def status_list_jwt(page: int) -> str:
    """A Bitstring Status List credential, signed like the badges; valid for a day so an old copy cannot be
    replayed for long to hide a revocation."""
    now, url = timezone.now(), badges.status_list_url(page)
    return badges.sign(
        {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": url,
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": badges.issuer_id(),
            "validFrom": badges.seconds(now),
            "validUntil": badges.seconds(now + timedelta(days=1)),
            "credentialSubject": {
                "id": f"{url}#list",
                "type": "BitstringStatusList",
                "statusPurpose": badge_status.PURPOSE,
                "encodedList": badge_status.encoded_list(badge_status.withdrawn_indices(page)),
            },
        }
    )
