"""An organisation's Learning Record Store, and each xAPI statement owed to it.

A Statement row is the fact that a statement is owed (learning.core.owed): it is written before anything is
sent, with the UUID the statement carries, so a resend after a lost reply or a broker outage lands on the same
statement at the LRS (xAPI: PUT /statements?statementId=, 204 or 409 both mean it is there).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LrsConfig(models.Model):
    """Where an organisation's learning records go. The secret is write-only: no page shows it back."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="lrs_config"
    )
    endpoint = models.URLField(
        _("LRS endpoint"),
        max_length=500,
        help_text=_("The xAPI base address the LRS gives you, e.g. https://lrs.example.org/xAPI/"),
    )
    key = models.CharField(_("key (username)"), max_length=200)
    secret = models.CharField(_("secret (password)"), max_length=500, blank=True)
    enabled = models.BooleanField(
        _("send statements"), default=False, help_text=_("Learning from now on is sent while this is on.")
    )
    # Statements are owed for learning from the moment sending was (last) turned on, never for older history.
    enabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learning record store")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enabled=False) | models.Q(enabled_at__isnull=False),
                name="lrs_config_enabled_has_since",
            )
        ]

    def __str__(self):
        return f"LRS of {self.organisation}"

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


class LearnerKey(models.Model):
    """The stable, opaque name a person goes by in statements (never their email or user id)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_key")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    def __str__(self):
        return str(self.key)


class Statement(models.Model):
    class Kind(models.TextChoices):
        LAUNCHED = "launched", _("Module launched")
        LESSON_COMPLETED = "lesson", _("Lesson completed")
        QUIZ_ATTEMPTED = "attempted", _("Quiz attempted")
        QUIZ_GRADED = "graded", _("Quiz passed or failed")
        MODULE_COMPLETED = "module", _("Module completed")
        REFLECTION_SIGNED_OFF = "reflection", _("Reflection signed off")
        EVENT_ATTENDED = "attended", _("Event attended")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        REJECTED = "rejected", _("Refused by the LRS")

    id = models.UUIDField(primary_key=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="xapi_statements"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    source_id = models.PositiveBigIntegerField(help_text=_("The id of the row the statement is about."))
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "source_id"], name="xapi_statement_once_per_fact"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="xapi_statement_sent_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "source_id"], name="xapi_statement_fact_idx"),
            models.Index(fields=["status", "created_at"], name="xapi_statement_owed_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.id}"
