"""ZIP bundles of an organisation's certificates, built in the background with visible progress.

A bundle is owed while it is queued or preparing: if its worker dies (or the broker lost the message), the
owed-work sweep sees no progress for a few minutes and queues it again, and the build starts afresh. After
BUILD_ATTEMPTS (learning.core.owed) builds it is marked failed, and the lead can try again from the page.
"""

import tempfile
import zipfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from learning.core.owed import owed_build_claim
from learning.core.tasks_queue import queue_after_commit

from .backfill import certificate_pdf_ensure
from .models import CertificateBundle
from .selectors import certificates_in_organisation

PROGRESS_EVERY = 10
Status = CertificateBundle.Status


def _queue(bundle):
    # tasks.py imports this module: imported on call, which breaks the cycle
    from .tasks import bundle_build

    queue_after_commit(bundle_build, bundle.pk)


@transaction.atomic
def bundle_request(*, organisation, team, requested_by) -> CertificateBundle:
    bundle = CertificateBundle.objects.create(organisation=organisation, team=team, requested_by=requested_by)
    _queue(bundle)
    return bundle


@transaction.atomic
def bundle_retry(*, bundle: CertificateBundle) -> CertificateBundle:
    """Start a failed bundle again (the page's "Try again"); any other bundle is left as it is."""
    bundle = CertificateBundle.objects.select_for_update().get(pk=bundle.pk)
    if bundle.status != Status.FAILED:
        return bundle
    bundle.status, bundle.attempts, bundle.done, bundle.updated_at = Status.QUEUED, 0, 0, timezone.now()
    bundle.save(update_fields=["status", "attempts", "done", "updated_at"])
    _queue(bundle)
    return bundle


@transaction.atomic
def _bundle_claim(bundle_id):
    return owed_build_claim(
        CertificateBundle.objects.select_related("organisation", "team"), bundle_id, progress_field="done"
    )


def bundle_build_run(*, bundle_id: int) -> CertificateBundle:
    """Write every certificate PDF into one ZIP; progress is saved as it goes so the page can show it. Safe to
    run twice. A failure marks the bundle failed, so the page stops waiting and offers to try again."""
    bundle = _bundle_claim(bundle_id)
    if bundle is None:
        return CertificateBundle.objects.get(pk=bundle_id)
    try:
        return _bundle_build(bundle)
    except Exception:
        CertificateBundle.objects.filter(pk=bundle.pk).update(status=Status.FAILED)
        raise


def _progress(bundle, **fields):
    CertificateBundle.objects.filter(pk=bundle.pk).update(**fields, updated_at=timezone.now())


def _bundle_build(bundle):
    certificates = list(certificates_in_organisation(organisation=bundle.organisation, team=bundle.team))
    _progress(bundle, done=0, total=len(certificates))
    with tempfile.TemporaryFile() as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for index, certificate in enumerate(certificates, start=1):
                certificate = certificate_pdf_ensure(certificate=certificate)
                with certificate.pdf.open("rb") as pdf:
                    name = (
                        f"{slugify(certificate.learner_name)}/"
                        f"{slugify(certificate.module_title)}-{certificate.code}.pdf"
                    )
                    archive.writestr(name, pdf.read())
                if index % PROGRESS_EVERY == 0:
                    _progress(bundle, done=index)
        handle.seek(0)
        bundle.refresh_from_db()
        scope = bundle.team.name if bundle.team else bundle.organisation.name
        # A worker killed after this save and before the row's leaves a file no row names: the orphan sweep's.
        bundle.file.save(f"{slugify(scope)}-certificates-{bundle.pk}.zip", File(handle), save=False)
    bundle.status, bundle.done, bundle.updated_at = Status.READY, len(certificates), timezone.now()
    bundle.save(update_fields=["file", "status", "done", "updated_at"])
    return bundle
