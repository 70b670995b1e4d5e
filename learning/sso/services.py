"""Writes for single sign-on: an organisation's connection (its allauth SocialApp), the membership a first
sign-in brings, and the record of each sign-in (audit, and whether the provider used a second factor)."""

from allauth.socialaccount.models import SocialApp
from django.core.exceptions import ValidationError
from django.db import transaction

from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.organisations import selectors as org_selectors
from learning.organisations import services as org_services
from learning.organisations.models import Invitation, Membership

from .models import OrganisationSignOn

SIGNED_IN = "learning.sso.signed_in"
SESSION_KEY = "sso_sign_in"  # {"organisation": name, "provider_mfa": True/False}, for the account hub

# Entra ID (and ADFS) name their SAML attributes with these URIs; allauth's defaults know the first two only.
SAML_ATTRIBUTES = {
    "uid": [
        "http://schemas.microsoft.com/identity/claims/objectidentifier",
        "urn:oasis:names:tc:SAML:attribute:subject-id",
    ],
    "email": [
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "urn:oid:0.9.2342.19200300.100.1.3",
    ],
    "first_name": ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42"],
    "last_name": ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4"],
}


def _app_fields(sign_on) -> dict:
    if sign_on.protocol == OrganisationSignOn.Protocol.OIDC:
        # PKCE on top of the client secret: Entra ID and every current provider support it.
        settings = {"server_url": sign_on.server_url, "oauth_pkce_enabled": True}
        return {
            "provider_id": sign_on.key,
            "client_id": sign_on.client_id,
            "secret": sign_on.client_secret,
            "settings": settings,
        }
    idp = {"entity_id": sign_on.idp_entity_id}
    if sign_on.idp_metadata_url:
        idp["metadata_url"] = sign_on.idp_metadata_url
    else:
        idp.update(sso_url=sign_on.idp_sso_url, x509cert=sign_on.idp_x509cert)
    # Signed assertions only: the assertion is what vouches for the person. Single-label host names (an
    # intranet's "http://learning/") are allowed: python3-saml refuses them by default.
    advanced = {"want_assertion_signed": True, "allow_single_label_domains": True}
    settings = {"idp": idp, "attribute_mapping": SAML_ATTRIBUTES, "advanced": advanced}
    return {"provider_id": sign_on.key, "client_id": sign_on.key, "secret": "", "settings": settings}


@transaction.atomic
def sign_on_save(*, sign_on: OrganisationSignOn) -> OrganisationSignOn:
    """Validate and save an organisation's sign-on; with connection fields filled in, write its SocialApp too
    (a change of protocol or key replaces the old one)."""
    try:
        sign_on.full_clean()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    previous = OrganisationSignOn.objects.filter(pk=sign_on.pk).first() if sign_on.pk else None
    sign_on.save()
    if previous and (previous.protocol, previous.key) != (sign_on.protocol, sign_on.key):
        SocialApp.objects.filter(provider=previous.protocol, provider_id=previous.key).delete()
    if sign_on.configured_here:
        SocialApp.objects.update_or_create(
            provider=sign_on.protocol,
            provider_id=sign_on.key,
            defaults={"name": sign_on.organisation.name, **_app_fields(sign_on)},
        )
    return sign_on


def sso_account_may_join(*, sign_on, email) -> bool:
    """Whether a first sign-in with this address may make an account: an invitation waits for it, or the
    organisation creates accounts at first sign-in."""
    return sign_on.allow_jit_accounts or org_selectors.invitation_is_open_for(
        organisation=sign_on.organisation, email=email
    )


def sso_membership_ensure(*, sign_on, user) -> Membership | None:
    """After a sign-in through the organisation's provider: a person not yet a member joins, by their open
    invitation (its roles and team) or, where the organisation allows it, with its defaults. A member stays
    as they are; a former member (ended by a lead or by provisioning) is not brought back here."""
    organisation = sign_on.organisation
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        return None
    invitation = Invitation.objects.open().filter(organisation=organisation, email__iexact=user.email).first()
    if invitation is not None:
        return org_services.invitation_accept(invitation=invitation, user=user)
    if not sign_on.allow_jit_accounts:
        return None
    return org_services.membership_upsert(
        user=user,
        organisation=organisation,
        team=sign_on.jit_team,
        is_learner=True,
        is_supervisor=sign_on.jit_is_supervisor,
        actor=user,
    )


def sso_sign_in_record(*, request, sign_on, user, provider_mfa: bool) -> None:
    """Note a sign-in through the organisation's provider: in the session (the account hub says which
    organisation and whether its provider used a second factor) and in the audit log."""
    request.session[SESSION_KEY] = {"organisation": sign_on.organisation.name, "provider_mfa": provider_mfa}
    audit_log(
        user,
        SIGNED_IN,
        organisation_id=sign_on.organisation_id,
        user=user,
        protocol=sign_on.protocol,
        provider_mfa=provider_mfa,
    )
