"""Reflective-account PDFs: the author asks for one or more entries, a task renders them into private storage,
and only the author can download the file (through a view that checks, never a public media URL)."""

import logging
import uuid

import rules
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import ReflectionExport
from assessments.practice import regulator_layouts as layouts
from learning.core.errors import ServiceError
from learning.core.pdf import PDFRenderError, render_pdf
from learning.core.tasks_queue import queue_after_commit

logger = logging.getLogger(__name__)
EXPORT_DIR = "private/reflection-exports"
MAX_ENTRIES = 50


@transaction.atomic
def export_request(*, author, entries, layout=ReflectionExport.Layout.ACCOUNT) -> ReflectionExport:
    """Ask for a PDF of `entries` (all the author's own) in `layout` (the site's own, or a regulator's form);
    the rendering is queued once this commits."""
    # tasks.py imports this module: imported on call, which breaks the cycle
    from assessments.tasks import reflection_export_render

    entries = list(entries)
    if not entries:
        raise ServiceError(_("Choose at least one reflection to download."), code="empty")
    if len(entries) > MAX_ENTRIES:
        raise ServiceError(
            _("Choose up to %(n)s reflections at a time.") % {"n": MAX_ENTRIES}, code="too_many"
        )
    if not all(rules.test_rule("assessments.export_entry", author, entry) for entry in entries):
        raise ServiceError(_("You can only download your own reflections."), code="forbidden")
    if layout not in ReflectionExport.Layout.values:
        raise ServiceError(_("Choose a layout for the PDF."), code="layout")
    export = ReflectionExport.objects.create(author=author, layout=layout)
    export.entries.set(entries)
    queue_after_commit(reflection_export_render, export.pk)  # owed while pending: the sweep re-queues it
    return export


TEMPLATES = {
    ReflectionExport.Layout.ACCOUNT: "pdf/reflective_account.html",
    ReflectionExport.Layout.NMC: "pdf/reflective_account_form.html",
    ReflectionExport.Layout.SSSC: "pdf/reflective_account_form.html",
}


def _context(export) -> dict:
    entries = list(
        export.entries.select_related("module", "membership__organisation", "membership__team").order_by(
            "created_at", "pk"
        )
    )
    context = {"author": export.author, "entries": entries, "generated_at": timezone.now()}
    form = layouts.FORMS.get(export.layout)
    if form is not None:
        context.update(form=form, accounts=[(entry, form.answers(entry)) for entry in entries])
    return context


def export_render(*, export_id: int) -> ReflectionExport:
    """Render the PDF and store it under a private, unguessable path. Safe to run twice: a finished export is
    left as it is, and if two runs race, the second one's file is discarded."""
    export = ReflectionExport.objects.select_related("author").get(pk=export_id)
    if export.status != ReflectionExport.Status.PENDING:
        return export
    try:
        pdf = render_pdf(TEMPLATES[export.layout], _context(export))
    except PDFRenderError as exc:
        logger.exception("Reflective account export %s failed", export_id)
        ReflectionExport.objects.filter(pk=export_id, status=ReflectionExport.Status.PENDING).update(
            status=ReflectionExport.Status.FAILED, error=str(exc)[:300], finished_at=timezone.now()
        )
        return ReflectionExport.objects.get(pk=export_id)
    path = default_storage.save(f"{EXPORT_DIR}/{export.author_id}/{uuid.uuid4().hex}.pdf", ContentFile(pdf))
    with transaction.atomic():
        export = ReflectionExport.objects.select_for_update().get(pk=export_id)
        if export.status != ReflectionExport.Status.PENDING:
            default_storage.delete(path)
            return export
        export.status, export.file_path, export.finished_at = (
            ReflectionExport.Status.READY,
            path,
            timezone.now(),
        )
        export.save(update_fields=["status", "file_path", "finished_at"])
    return export
