"""What an organisation's identity provider manages here through SCIM 2.0: its bearer token, and the SCIM
resources it created (a person in the organisation, a team), each with the identifier the provider knows
it by.

A SCIM User is a person *in one organisation*: the same account in two organisations is two resources, one
per token, so neither organisation can see or change the other's."""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def token_digest(raw: str) -> str:
    """Tokens are 256 random bits, so one SHA-256 is enough to keep a stolen table useless (no slow hash
    needed, as for passwords); only the digest is stored."""
    return hashlib.sha256(raw.encode()).hexdigest()


def new_scim_id() -> str:
    return str(uuid.uuid4())


class ScimToken(models.Model):
    """The one bearer token an organisation's identity provider uses; rotating it replaces the digest, so the
    old token stops working at once."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="scim_token"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=8, editable=False, help_text=_("The token's last characters."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("SCIM token")

    def __str__(self):
        return f"SCIM token for {self.organisation} (…{self.hint})"

    @staticmethod
    def generate() -> str:
        return secrets.token_urlsafe(32)


class ScimPerson(models.Model):
    """A SCIM User: `user`'s place in `organisation` as its identity provider sees it. Whether they are active
    is their membership's `is_active`, so reports and SCIM never disagree."""

    scim_id = models.CharField(max_length=36, unique=True, default=new_scim_id, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="scim_people"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scim_people")
    user_name = models.CharField(max_length=254)
    external_id = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("provisioned person")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="scim_person_one_per_user_org"),
            models.UniqueConstraint(
                fields=["organisation", "user_name"], name="scim_person_unique_user_name_per_org"
            ),
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~Q(external_id=""),
                name="scim_person_unique_external_id_per_org",
            ),
        ]

    def __str__(self):
        return f"{self.user_name} ({self.organisation_id})"


class ScimGroup(models.Model):
    """A SCIM Group: one team of the organisation. Its members are the people whose membership is in the team
    (a membership has one team, so adding a person to a second group moves them)."""

    scim_id = models.CharField(max_length=36, unique=True, default=new_scim_id, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="scim_groups"
    )
    team = models.OneToOneField("organisations.Team", on_delete=models.CASCADE, related_name="scim_group")
    external_id = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("provisioned team")

    def __str__(self):
        return f"SCIM group {self.scim_id}"
