"""How an organisation's people sign in with its own identity provider (docs/sso.md): OpenID Connect or SAML,
the email domains it vouches for, whether a password is still allowed, and what a first sign-in creates.

The connection itself is an allauth SocialApp, found by `key`: the SocialApp's provider_id (OpenID Connect) or
client_id (SAML), the part of the sign-in addresses that names the organisation. Filled in here, the
connection fields write that SocialApp (services.sign_on_save); left empty, it comes from settings
(SOCIALACCOUNT_PROVIDERS' APPS), so a secret can stay in the environment."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.organisations.models import Organisation, Team


class OrganisationSignOn(models.Model):
    class Protocol(models.TextChoices):
        OIDC = "openid_connect", _("OpenID Connect")
        SAML = "saml", _("SAML 2.0")

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="sign_on")
    protocol = models.CharField(max_length=20, choices=Protocol.choices, default=Protocol.OIDC)
    key = models.SlugField(
        max_length=60,
        unique=True,
        help_text=_("Short name in the sign-in addresses the identity provider is given, e.g. nhs-lothian."),
    )
    email_domains = models.CharField(
        max_length=500,
        help_text=_(
            "The organisation's email domains, separated by spaces (e.g. nhs.scot lothian.scot.nhs.uk). Only "
            "addresses in these domains are trusted from its identity provider."
        ),
    )
    require_sso = models.BooleanField(
        _("require single sign-on"),
        default=False,
        help_text=_("Members and addresses in these domains cannot sign in or reset a password here."),
    )
    allow_jit_accounts = models.BooleanField(
        _("create accounts at first sign-in"),
        default=False,
        help_text=_("Without this, only people already invited or with an account can sign in."),
    )
    jit_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("team")
    )
    jit_is_supervisor = models.BooleanField(_("new accounts are supervisors"), default=False)
    # Connection (leave empty when the SocialApp comes from settings).
    server_url = models.URLField(
        _("issuer"), blank=True, help_text=_("OpenID Connect: the issuer URL (its /.well-known/ is read).")
    )
    client_id = models.CharField(_("client ID"), max_length=200, blank=True)
    client_secret = models.CharField(_("client secret"), max_length=400, blank=True)
    idp_entity_id = models.CharField(_("IdP entity ID"), max_length=400, blank=True)
    idp_sso_url = models.URLField(_("IdP sign-on URL"), max_length=400, blank=True)
    idp_x509cert = models.TextField(_("IdP signing certificate"), blank=True)
    idp_metadata_url = models.URLField(
        _("IdP metadata URL"),
        max_length=400,
        blank=True,
        help_text=_("SAML: instead of the three fields above (Entra's App Federation Metadata Url)."),
    )

    class Meta:
        verbose_name = _("organisation sign-on")

    def __str__(self):
        return str(self.organisation)

    @property
    def domains(self) -> set:
        return {domain.strip().lower().lstrip("@") for domain in self.email_domains.replace(",", " ").split()}

    def trusts(self, email) -> bool:
        return bool(email) and email.rpartition("@")[2].lower() in self.domains

    @property
    def configured_here(self) -> bool:
        return bool(self.server_url or self.idp_entity_id or self.idp_metadata_url)

    def clean(self):
        if not self.domains:
            raise ValidationError({"email_domains": _("Give at least one email domain.")})
        # An identity provider is trusted for its organisation's domains: two organisations sharing one would
        # let either's provider sign in the other's people.
        others = OrganisationSignOn.objects.exclude(pk=self.pk).select_related("organisation")
        for other in others:
            if shared := self.domains & other.domains:
                raise ValidationError(
                    {
                        "email_domains": _("%(domain)s is already a domain of %(organisation)s.")
                        % {"domain": sorted(shared)[0], "organisation": other.organisation}
                    }
                )
        if self.jit_team_id and self.jit_team.organisation_id != self.organisation_id:
            raise ValidationError({"jit_team": _("Choose a team of this organisation.")})
        if self.protocol == self.Protocol.OIDC and self.server_url and not self.client_id:
            raise ValidationError({"client_id": _("OpenID Connect needs the client ID the provider gave.")})
        saml_parts = [self.idp_entity_id, self.idp_sso_url, self.idp_x509cert]
        if (
            self.protocol == self.Protocol.SAML
            and not self.idp_metadata_url
            and any(saml_parts)
            and not all(saml_parts)
        ):
            raise ValidationError(
                _("Give the IdP entity ID, sign-on URL and certificate together, or the metadata URL.")
            )
        if self.protocol == self.Protocol.SAML and self.idp_metadata_url and not self.idp_entity_id:
            raise ValidationError({"idp_entity_id": _("With a metadata URL, give the IdP entity ID too.")})
