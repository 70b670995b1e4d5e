"""Writes for "Download my data": ask for a ZIP, build it (in a Celery task), delete it once it has expired.

An export is owed while it is queued or preparing: if its worker dies (or the broker lost the message), the
owed-work sweep sees no progress for a few minutes and queues it again, and the build starts afresh. After
BUILD_ATTEMPTS (learning.core.owed) builds it is marked failed, and the person can ask again from the page. A
ready ZIP may be downloaded by its owner until `expires_at` (DATA_EXPORT_VALID_HOURS); then the hourly cleanup
deletes it and its file.
"""

import json
import logging
import tempfile
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from learning.core.owed import owed_build_claim
from learning.core.tasks_queue import queue_after_commit

from .models import DataExport
from .selectors import personal_data

logger = logging.getLogger(__name__)

Status = DataExport.Status
README = (
    "Everything Whole Family Learning holds about you, as asked for from your account page.\n"
    "data.json is the record itself, by section (it opens in any text editor or web browser);\n"
    "the certificates and reflective-accounts folders hold the PDFs it names.\n"
)


def _valid_until():
    return timezone.now() + timedelta(hours=settings.DATA_EXPORT_VALID_HOURS)


@transaction.atomic
def data_export_request(*, user) -> DataExport:
    """Ask for a ZIP of the person's data; one already being prepared is returned, not started twice."""
    preparing = [Status.QUEUED, Status.RUNNING]
    pending = (
        DataExport.objects.select_for_update()
        .filter(user=user, status__in=preparing, expires_at__gt=timezone.now())
        .first()
    )
    if pending:
        return pending
    export = DataExport.objects.create(user=user, expires_at=_valid_until())
    # tasks.py imports this module: imported on call, which breaks the cycle
    from .tasks import data_export_build

    queue_after_commit(data_export_build, export.pk)
    return export


@transaction.atomic
def _export_claim(export_id):
    return owed_build_claim(DataExport.objects.select_related("user"), export_id, progress_field="progress")


def data_export_build_run(*, export_id: int) -> DataExport | None:
    """Write the person's data (data.json) and their PDFs into one ZIP; progress is saved as it goes so the
    page can show it. Safe to run twice. A failure marks the export failed, so the page stops waiting."""
    export = _export_claim(export_id)
    if export is None:
        return DataExport.objects.filter(pk=export_id).first()
    try:
        return _export_build(export)
    except Exception:
        DataExport.objects.filter(pk=export.pk).update(status=Status.FAILED)
        raise


def _progress(export, percent):
    DataExport.objects.filter(pk=export.pk).update(progress=percent, updated_at=timezone.now())


def _export_build(export):
    data = personal_data(user=export.user)
    steps, missing = len(data.files) + 1, []
    with tempfile.TemporaryFile() as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for index, (name, stored) in enumerate(data.files, start=1):
                try:
                    with default_storage.open(stored, "rb") as pdf:
                        archive.writestr(name, pdf.read())
                except FileNotFoundError:  # said in data.json, rather than failing the person's whole export
                    missing.append(name)
                _progress(export, round(100 * index / steps))
            sections = {"generated_at": timezone.now(), **data.sections, "files_missing": missing}
            readable = json.dumps(sections, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
            archive.writestr("data.json", readable)
            archive.writestr("README.txt", README)
        handle.seek(0)
        # A worker killed after this save and before the row's leaves a file no row names: the orphan sweep's.
        export.file.save(f"my-data-{export.pk}-{timezone.localdate():%Y-%m-%d}.zip", File(handle), save=False)
    export.status, export.progress, export.updated_at = Status.READY, 100, timezone.now()
    export.expires_at = _valid_until()  # the download window starts when the ZIP is ready
    export.save(update_fields=["file", "status", "progress", "updated_at", "expires_at"])
    return export


def data_exports_delete_expired(*, now=None) -> int:
    """Delete every export past its `expires_at` with its file (file first: if that fails, the row stays and
    the next run tries again). Returns how many were deleted. Called hourly by tasks.data_exports_cleanup."""
    now = now or timezone.now()
    deleted = 0
    for export in DataExport.objects.filter(expires_at__lte=now):
        if export.file:
            export.file.delete(save=False)
        export.delete()
        deleted += 1
    if deleted:
        logger.info("Deleted %s expired data exports", deleted)
    return deleted
