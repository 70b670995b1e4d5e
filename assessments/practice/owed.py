"""What reflective practice owes until it is done, for the owed-work sweep (learning.core.owed) and the
orphan-file sweep (learning.core.orphans): reflective-account PDFs still pending, notification emails
unsent, follow-up invitations not yet emailed."""

from assessments import tasks
from assessments.models import Notification, ReflectionExport
from assessments.practice.selectors.follow_ups import follow_up_invitations_owed
from assessments.practice.services.exports import EXPORT_DIR
from learning.core.orphans import stored_files_register
from learning.core.owed import owed_register


def exports_owed():
    return ReflectionExport.objects.filter(status=ReflectionExport.Status.PENDING)


def notification_emails_owed():
    """Not emailed yet; not once read in the app (the news has arrived), nor to someone without an address."""
    return Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True).exclude(user__email="")


def export_files():
    return ReflectionExport.objects.exclude(file_path="").values_list("file_path", flat=True)


def register():
    owed_register(
        "reflective-account PDF",
        queryset=exports_owed,
        since="created_at",
        task=tasks.reflection_export_render,
    )
    owed_register(
        "notification email",
        queryset=notification_emails_owed,
        since="created_at",
        task=tasks.notification_email,
        email=True,
    )
    owed_register(
        "follow-up invitation",
        queryset=follow_up_invitations_owed,
        since="created_at",
        task=tasks.follow_up_invite,
        email=True,
    )
    stored_files_register(EXPORT_DIR, known=export_files)
