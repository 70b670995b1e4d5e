"""Organisations, their teams, and the membership of people in them with their roles."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# (flag field, key kept in audit entries, label) for the three roles a membership or an invitation can carry.
ROLES = (
    ("is_learner", "learner", _("Learner")),
    ("is_supervisor", "supervisor", _("Supervisor")),
    ("is_lead", "lead", _("Workforce lead")),
)


def role_keys(holder) -> list:
    return [key for field, key, _label in ROLES if getattr(holder, field)]


def role_labels(keys) -> list:
    return [str(label) for _field, key, label in ROLES if key in keys]  # in the language active now


class Organisation(models.Model):
    class Kind(models.TextChoices):
        ADP = "adp", _("Alcohol and Drug Partnership")
        NHS_BOARD = "nhs", _("NHS board")
        COUNCIL = "council", _("Council service")
        THIRD_SECTOR = "third", _("Third-sector provider")

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    partnership = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
        limit_choices_to={"kind": Kind.ADP},
        help_text=_("The Alcohol and Drug Partnership this organisation works within."),
    )
    shares_with_partnership = models.BooleanField(
        default=False,
        help_text=_("Let the partnership's leads see this organisation's combined coverage figures."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name_per_org")
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


def acting_supervisor(prefix="", *, user=None) -> Q:
    """Lookups for the membership reached through `prefix` (e.g. "supervisor__"): active and holding the
    supervisor role, and held by `user` when given. One Q, so a multi-valued path (e.g. "memberships__") joins
    once and all three conditions apply to the same membership."""
    lookups = {f"{prefix}is_active": True, f"{prefix}is_supervisor": True}
    if user is not None:
        lookups[f"{prefix}user"] = user
    return Q(**lookups)


def acting_lead(prefix="", *, user=None) -> Q:
    """Lookups for the membership reached through `prefix`: active and holding the lead role, and held by
    `user` when given (one Q, as acting_supervisor)."""
    lookups = {f"{prefix}is_active": True, f"{prefix}is_lead": True}
    if user is not None:
        lookups[f"{prefix}user"] = user
    return Q(**lookups)


class MembershipQuerySet(models.QuerySet):
    """Who belongs where and who supervises or leads whom: the one place these relationships are spelt out.

    Relationships (`supervised_by`, `led_by`) say nothing about the subject's own membership: chain `active()`
    for the people who work there now (a supervisor or lead may still open the record of someone who left)."""

    def active(self):
        return self.filter(is_active=True)

    def in_organisation(self, organisation):
        """`organisation` may be an Organisation or its id."""
        return self.filter(organisation=organisation)

    def learners(self):
        return self.filter(is_learner=True)

    def supervisors(self):
        return self.filter(is_supervisor=True)

    def leads(self):
        return self.filter(is_lead=True)

    def supervised_by(self, user):
        """Memberships whose supervisor is `user`, while that supervisor membership is active and holds the
        role (it belongs to the supervisee's organisation: Membership.clean)."""
        return self.filter(acting_supervisor("supervisor__", user=user))

    def led_by(self, user):
        """Memberships in the organisations where `user` has an active membership with the lead role."""
        led = Membership.objects.filter(acting_lead(user=user)).values("organisation_id")
        return self.filter(organisation_id__in=led)


class Membership(models.Model):
    """A person's place in one organisation; what they may see there follows from these roles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    job_title = models.CharField(max_length=200, blank=True)
    is_learner = models.BooleanField(_("learner"), default=True)
    is_supervisor = models.BooleanField(_("supervisor"), default=False)
    is_lead = models.BooleanField(_("workforce lead"), default=False)
    supervisor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supervisees"
    )
    joined_on = models.DateField(default=timezone.localdate)
    is_active = models.BooleanField(default=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org"),
        ]

    def __str__(self):
        return f"{self.user} at {self.organisation}"

    @property
    def role_labels(self):
        return role_labels(role_keys(self))

    @property
    def is_acting_supervisor(self) -> bool:
        """Active and holding the supervisor role: what every check on a supervisor membership asks."""
        return self.is_active and self.is_supervisor

    def clean(self):
        if self.team_id and self.team.organisation_id != self.organisation_id:
            raise ValidationError({"team": _("The team must belong to the same organisation.")})
        if self.supervisor_id:
            if self.supervisor.organisation_id != self.organisation_id:
                raise ValidationError({"supervisor": _("The supervisor must work in the same organisation.")})
            if not self.supervisor.is_supervisor:
                raise ValidationError(
                    {"supervisor": _("That person does not have the supervisor role here.")}
                )
            if self.supervisor.user_id == self.user_id:
                raise ValidationError({"supervisor": _("A person cannot supervise themselves.")})
        if not (self.is_learner or self.is_supervisor or self.is_lead):
            raise ValidationError(_("Choose at least one role."))


def _invitation_token():
    return secrets.token_urlsafe(32)


# Where the session keeps the token of the invitation a signed-out person followed,
# until they sign up with it.
INVITATION_SESSION_KEY = "invitation_token"


class InvitationQuerySet(models.QuerySet):
    def unclosed(self):
        """Not yet accepted, declined or cancelled (an expired one is still unclosed: it can be resent)."""
        return self.filter(accepted_at__isnull=True, declined_at__isnull=True, cancelled_at__isnull=True)

    def open(self):
        return self.unclosed().filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation for a person to join an organisation; they join only by accepting it (or, with no account
    yet, by signing up with it), so nobody's existing account is ever added to an organisation without
    them."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL)
    job_title = models.CharField(max_length=200, blank=True)
    is_learner = models.BooleanField(default=True)
    is_supervisor = models.BooleanField(default=False)
    is_lead = models.BooleanField(default=False)
    supervisor = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # When the current link was issued (created or resent): the owed-work sweep counts from here, so a resend
    # of an old invitation is owed its email like a new one.
    issued_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the email with the current link went out.")
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=Q(accepted_at__isnull=True, declined_at__isnull=True, cancelled_at__isnull=True),
                name="invitation_one_open_per_email_org",
            )
        ]

    def __str__(self):
        return f"{self.email} to {self.organisation}"

    @property
    def is_closed(self):
        return any((self.accepted_at, self.declined_at, self.cancelled_at))

    @property
    def is_open(self):
        return not self.is_closed and self.expires_at > timezone.now()

    @property
    def role_labels(self):
        return role_labels(role_keys(self))
