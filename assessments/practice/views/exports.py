"""Reflective-account PDFs: ask for one, watch it being prepared, download it. Only its author ever can."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from assessments.models import ReflectionExport
from assessments.practice.forms.reflections import ExportForm
from assessments.practice.selectors import reflections as selectors
from assessments.practice.services import exports as services
from learning.core import audit
from learning.core.audit import audit_log
from learning.core.errors import ServiceError


def _own_export(request, export_id):
    export = ReflectionExport.objects.filter(pk=export_id).first()
    if export is None or not rules.test_rule("assessments.download_export", request.user, export):
        raise Http404
    return export


@login_required
@require_POST
def export_new(request):
    form = ExportForm(request.POST, entries=selectors.reflections_of(user=request.user))
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect("reflection_list")
    try:
        export = services.export_request(
            author=request.user, entries=form.cleaned_data["entries"], layout=form.cleaned_data["layout"]
        )
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("reflection_list")
    return redirect("reflection_export", export_id=export.pk)


@login_required
def export_detail(request, export_id):
    export = _own_export(request, export_id)
    return render(
        request,
        "assessments/reflections/export.html",
        {
            "export": export,
            "entry_count": export.entries.count(),
            "kept_days": settings.REFLECTION_EXPORT_RETENTION_DAYS,
        },
    )


@login_required
def export_status(request, export_id):
    return JsonResponse({"status": _own_export(request, export_id).status})


@login_required
def export_download(request, export_id):
    export = _own_export(request, export_id)
    if export.status != ReflectionExport.Status.READY:
        return redirect("reflection_export", export_id=export.pk)
    audit_log(export, audit.REFLECTIONS_DOWNLOADED)
    # Never cached: learning.core.middleware marks every response to a signed-in person private, no-store.
    return FileResponse(
        default_storage.open(export.file_path, "rb"),
        as_attachment=True,
        filename=f"reflective-account-{export.created_at:%Y-%m-%d}.pdf",
        content_type="application/pdf",
    )
