"""allauth's SAML provider, keeping the assertion's AuthnContextClassRef (allauth keeps only the attributes),
so that mfa.provider_used_mfa can tell whether the IdP used a second factor. Put in place by
SOCIALACCOUNT_PROVIDERS["saml"]["provider_class"]; its URLs stay allauth's."""

from allauth.socialaccount.providers.saml.provider import SAMLProvider as AllauthSAMLProvider

from .mfa import AUTHN_CONTEXTS


class SAMLProvider(AllauthSAMLProvider):
    package = "allauth.socialaccount.providers.saml"

    def extract_extra_data(self, data):
        return {**super().extract_extra_data(data), AUTHN_CONTEXTS: list(data.get_last_authn_contexts())}
