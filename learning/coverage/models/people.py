"""Email preferences, the log that keeps each reminder to one send, and staff imports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailPreference(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As things fall due")
        WEEKLY = "weekly", _("One weekly summary")
        OFF = "off", _("No reminder emails")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)

    def __str__(self):
        return f"{self.user}: {self.frequency}"


class NotificationSent(models.Model):
    """One row per email that must go out at most once; its natural key makes a repeated task a no-op.
    `key` names the occasion: the requirement and due date, the week, the month, the organisation."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        WEEKLY = "weekly", _("Weekly summary")
        DIGEST = "digest", _("Supervisor digest")
        MONTHLY = "monthly", _("Monthly report")
        INVITATION = "invitation", _("Invitation from an import")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key"], name="notification_sent_once")]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.user} ({self.key})"


class StaffImport(models.Model):
    """A validated staff CSV waiting for the lead to confirm it, then the record that it was applied.
    The file's content is cleared once applied: the people it named now live in memberships."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=255)
    content = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    invited_count = models.PositiveIntegerField(
        default=0
    )  # accounts that are not members here: invited, not added

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} for {self.organisation}"
