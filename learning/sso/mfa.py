"""Whether the identity provider says it used a second factor for this sign-in.

OpenID Connect: the ID token's `amr` (RFC 8176) contains "mfa" (Entra ID says so; it also lists the methods,
e.g. "pwd" and "otp"). SAML: the assertion's AuthnContextClassRef is a multi-factor class (kept
by providers.SAMLProvider), or, as Entra ID sends it, the authnmethodsreferences attribute names
multipleauthn."""

from allauth.socialaccount.providers.saml.provider import SAMLProvider as AllauthSAMLProvider

AUTHN_CONTEXTS = "_authn_contexts"  # the key providers.SAMLProvider adds to a SAML account's extra data
MFA_CONTEXT_CLASSES = {
    "https://refeds.org/profile/mfa",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor",  # no SAML 2.0 class, but what several IdPs send
    "http://schemas.microsoft.com/claims/multipleauthn",
}
ENTRA_AUTHN_METHODS = "http://schemas.microsoft.com/claims/authnmethodsreferences"


def provider_used_mfa(sociallogin) -> bool:
    data = sociallogin.account.extra_data or {}
    if _is_saml(sociallogin):
        said = set(data.get(AUTHN_CONTEXTS, [])) | set(data.get(ENTRA_AUTHN_METHODS, []))
        return bool(said & MFA_CONTEXT_CLASSES)
    id_token = data.get("id_token") or {}
    return "mfa" in (id_token.get("amr") or [])


def _is_saml(sociallogin) -> bool:
    app = sociallogin.provider.app if sociallogin.provider else None
    return app is not None and app.provider == AllauthSAMLProvider.id
