"""Certificates issued from module completions, their audit trail, expiry reminders and ZIP exports."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I/L: codes are read aloud and typed in by verifiers. 16 symbols from 31 = about 79 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_verification_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    completion = models.ForeignKey(
        "progress.ModuleCompletion", on_delete=models.PROTECT, related_name="certificates"
    )
    version = models.PositiveSmallIntegerField(default=1, help_text=_("Goes up by one with each re-issue."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(max_length=19, unique=True, default=new_verification_code, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.VALID)
    # What the certificate says, frozen when it is issued.
    learner_name = models.CharField(max_length=300)
    module_title = models.CharField(max_length=255)
    organisation_name = models.CharField(max_length=200, blank=True)
    framework_levels = models.CharField(max_length=200, blank=True)
    cpd_minutes = models.PositiveIntegerField()
    completed_at = models.DateTimeField()
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to="certificates/", max_length=255)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_reason = models.TextField(blank=True)
    earned_in = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="+",
        help_text=_(
            "Where the person was a member when they earned it: only leads there may revoke or re-issue it."
        ),
    )
    emailed_at = models.DateTimeField(null=True, blank=True, help_text=_("When the learner was emailed."))

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["completion", "version"], name="certificate_once_per_completion_version"
            ),
        ]

    def __str__(self):
        return f"{self.module_title} – {self.learner_name} ({self.code})"

    # The reason written when a person's record is erased (learning/privacy/erasure.py): the verify page then
    # says so, and shows no name.
    ERASED_REASON = "record erased"

    @property
    def is_erased(self):
        return self.status == self.Status.REVOKED and self.revoked_reason == self.ERASED_REASON

    @property
    def display_status(self):
        """Expired as soon as the date passes, even before the nightly sweep marks it."""
        if self.status == self.Status.VALID and self.expires_at and self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.status

    @property
    def display_status_label(self):
        return self.Status(self.display_status).label


class CertificateEvent(models.Model):
    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REISSUED = "reissued", _("Re-issued")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")
        REMINDED = "reminded", _("Expiry reminder sent")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]

    def __str__(self):
        return f"{self.certificate.code} {self.action}"


class ExpiryReminder(models.Model):
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["certificate", "days_before"], name="reminder_once")]

    def __str__(self):
        return f"{self.certificate.code}: {self.days_before} days before expiry"


class CertificateBundle(models.Model):
    """A ZIP of an organisation's (or a team's) certificates, built by a Celery job."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Preparing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        "organisations.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="certificate-bundles/", blank=True, max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    # Moved on at every step: a bundle "preparing" with no step for minutes has lost its worker.
    updated_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0, help_text=_("Builds started; failed after a few."))

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        scope = self.team.name if self.team_id else self.organisation.name
        return f"{scope} certificates ({self.get_status_display()})"

    @property
    def percent(self):
        return (
            100
            if self.status == self.Status.READY
            else (round(100 * self.done / self.total) if self.total else 0)
        )
