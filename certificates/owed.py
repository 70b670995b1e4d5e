"""What certificates owe until it is done, for the owed-work sweep (learning.core.owed) and the orphan-file
sweep (learning.core.orphans): a certificate for each completion, its email, and each ZIP asked for."""

from django.db.models import Exists, OuterRef

from learning.core.orphans import stored_files_register
from learning.core.owed import owed_register
from learning.progress.models import ModuleCompletion

from . import tasks
from .models import Certificate, CertificateBundle
from .services import ISSUE_BATCH


def completions_without_certificate():
    issued = Certificate.objects.filter(completion=OuterRef("pk"))
    return ModuleCompletion.objects.filter(status=ModuleCompletion.Status.ACTIVE).filter(~Exists(issued))


def certificate_emails_owed():
    return Certificate.objects.filter(emailed_at__isnull=True, status=Certificate.Status.VALID)


def bundles_owed():
    """Queued, or preparing with no progress since `updated_at` (its worker died)."""
    Status = CertificateBundle.Status
    return CertificateBundle.objects.filter(status__in=[Status.QUEUED, Status.RUNNING])


def bundle_files():
    return CertificateBundle.objects.exclude(file="").values_list("file", flat=True)


def register():
    owed_register(
        "certificate",
        queryset=completions_without_certificate,
        since="completed_at",
        task=tasks.certificate_issue,
        batch_task=tasks.certificate_issue_batch,  # many owed after an outage: a task per batch, not each
        batch=ISSUE_BATCH,
    )
    owed_register(
        "certificate email",
        queryset=certificate_emails_owed,
        since="issued_at",
        task=tasks.certificate_email,
        email=True,
    )
    owed_register("certificate ZIP", queryset=bundles_owed, since="updated_at", task=tasks.bundle_build)
    stored_files_register("certificates", known=lambda: Certificate.objects.values_list("pdf", flat=True))
    stored_files_register("certificate-bundles", known=bundle_files)
