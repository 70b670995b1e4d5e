"""Reads about organisations' sign-on: which one an identity provider's app belongs to, which one an address
or a person must sign in through, and the buttons the sign-in page shows."""

from urllib.parse import urlsplit

from allauth.socialaccount.adapter import get_adapter
from django.db.models import Q

from .models import OrganisationSignOn


def _app_key(app) -> str:
    # The part of the sign-in addresses that names the app: OpenID Connect's provider_id, SAML's client_id.
    return app.client_id if app.provider == OrganisationSignOn.Protocol.SAML else app.provider_id


def sign_on_for_app(app) -> OrganisationSignOn | None:
    if app is None:
        return None
    return (
        OrganisationSignOn.objects.select_related("organisation", "jit_team")
        .filter(key=_app_key(app), protocol=app.provider)
        .first()
    )


def sign_on_for_email(email) -> OrganisationSignOn | None:
    """The organisation whose domains include this address's, if one requires single sign-on."""
    domain = (email or "").rpartition("@")[2].lower()
    if not domain:
        return None
    candidates = OrganisationSignOn.objects.filter(require_sso=True, email_domains__icontains=domain)
    return next(
        (sign_on for sign_on in candidates.select_related("organisation") if sign_on.trusts(email)), None
    )


def sign_on_required_for(user) -> OrganisationSignOn | None:
    """The sign-on of an organisation this person is an active member of, or whose domain their address is in,
    that requires single sign-on."""
    member_of = Q(organisation__memberships__user=user, organisation__memberships__is_active=True)
    found = OrganisationSignOn.objects.filter(member_of, require_sso=True).select_related("organisation")
    return found.first() or sign_on_for_email(user.email)


def provider_origin(app) -> str:
    """Where the provider's sign-in page is: the origin the button's form is sent on to (the page's
    Content-Security-Policy form-action must allow it). OpenID Connect's authorisation endpoint is on the
    issuer's host for Entra ID and the usual providers; SAML's is the IdP's sign-on URL (or metadata) host."""
    settings = app.settings or {}
    idp = settings.get("idp") or {}
    parts = urlsplit(settings.get("server_url") or idp.get("sso_url") or idp.get("metadata_url") or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def sign_in_options(request) -> list:
    """(organisation name, the provider's sign-in URL, the provider's origin) for every organisation with a
    working connection, by name; the apps come from the database and from settings alike (allauth's list)."""
    apps = {(app.provider, _app_key(app)): app for app in get_adapter().list_apps(request)}
    sign_ons = OrganisationSignOn.objects.select_related("organisation").order_by("organisation__name")
    options = []
    for sign_on in sign_ons:
        app = apps.get((sign_on.protocol, sign_on.key))
        if app is not None:
            url = app.get_provider(request).get_login_url(request)
            options.append((sign_on.organisation.name, url, provider_origin(app)))
    return options
