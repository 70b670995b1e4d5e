"""How long reflective practice keeps what it generates (learning.core.retention): reflective-account PDFs,
and in-app notifications (read ones sooner than unread ones). Reflections themselves are the person's record:
kept."""

from django.db.models import Q

from assessments.models import Notification, ReflectionExport
from learning.core.retention import retention_register


def exports_due(cutoff):
    """Finished before the cutoff, or asked for before it and never finished."""
    return ReflectionExport.objects.filter(
        Q(finished_at__lt=cutoff) | Q(finished_at__isnull=True, created_at__lt=cutoff)
    )


def register():
    retention_register(
        "reflective-account PDFs",
        setting="REFLECTION_EXPORT_RETENTION_DAYS",
        due=exports_due,
        files=["file_path"],
    )
    retention_register(
        "read notifications",
        setting="NOTIFICATION_READ_RETENTION_DAYS",
        due=lambda cutoff: Notification.objects.filter(read_at__lt=cutoff),
    )
    retention_register(
        "notifications",
        setting="NOTIFICATION_RETENTION_DAYS",
        due=lambda cutoff: Notification.objects.filter(created_at__lt=cutoff),
    )
