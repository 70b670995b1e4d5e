from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DataExport(models.Model):
    """A ZIP of everything held about one person, asked for by that person ("Download my data").

    The row is the fact that the ZIP is owed (the owed-work sweep re-queues it while it is queued or
    preparing); once ready it may be downloaded by its owner alone until `expires_at`, then the hourly cleanup
    deletes the row and its file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Preparing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text=_("Per cent of the ZIP written."))
    file = models.FileField(upload_to="data-exports/", blank=True, max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    # Moved on at every step: an export "preparing" with no step for minutes has lost its worker.
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0, help_text=_("Builds started; failed after a few."))

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"Data export {self.pk} ({self.get_status_display()})"


from .models_erasure import ErasureRecord, ErasureRequest  # noqa: E402,F401  (erasure lives in its own module)
