"""Download my data: the page (with the progress of the latest export), asking for one, its status, the ZIP.

An export is its owner's alone: anybody else, and anybody after it expires, gets 404 (nobody learns it
exists).
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from learning.core import audit
from learning.core.audit import audit_log

from .models import DataExport
from .services import data_export_request


def _own_exports(request):
    return DataExport.objects.filter(user=request.user, expires_at__gt=timezone.now())


def _own_export(request, export_id):
    export = _own_exports(request).filter(pk=export_id).first()
    if export is None:
        raise Http404
    return export


@login_required
def data_export_page(request):
    return render(
        request,
        "privacy/data_export.html",
        {
            "export": _own_exports(request).first(),
            "valid_hours": settings.DATA_EXPORT_VALID_HOURS,
        },
    )


@login_required
@require_POST
def data_export_ask(request):
    data_export_request(user=request.user)
    return redirect("privacy_data_export")


@login_required
def data_export_status(request, export_id):
    export = _own_export(request, export_id)
    return JsonResponse({"status": export.status, "percent": export.progress})


@login_required
def data_export_download(request, export_id):
    export = _own_export(request, export_id)
    if export.status != DataExport.Status.READY:
        return redirect("privacy_data_export")
    audit_log(export, audit.DATA_DOWNLOADED)
    filename = export.file.name.rsplit("/", 1)[-1]
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=filename)
