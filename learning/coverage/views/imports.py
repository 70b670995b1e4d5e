"""Staff import: upload a CSV, see every problem by row and column or a preview, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError
from learning.organisations.access import organisation_for

from ..exports import CSV_TYPE, csv_bytes
from ..forms import StaffUploadForm
from ..models import StaffImport
from ..services import staff_import_apply, staff_import_check
from ..staff_csv import TEMPLATE_ROWS, decode
from .common import download


@login_required
def staff_import(request, org_id):
    organisation = organisation_for(request, org_id, "coverage.import_staff")
    form = StaffUploadForm(request.POST or None, request.FILES or None)
    staff_file = pending = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        staff_file, pending = staff_import_check(
            organisation=organisation,
            uploaded_by=request.user,
            filename=upload.name,
            text=decode(upload.read()),
        )
    return render(
        request,
        "coverage/import.html",
        {
            "organisation": organisation,
            "form": form,
            "staff_file": staff_file,
            "pending": pending,
        },
    )


@login_required
@require_POST
def staff_import_confirm(request, org_id, import_id):
    organisation = organisation_for(request, org_id, "coverage.import_staff")
    pending = get_object_or_404(
        StaffImport, pk=import_id, organisation=organisation, uploaded_by=request.user
    )
    try:
        done = staff_import_apply(staff_import=pending, actor=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("coverage_import", organisation.pk)
    messages.success(
        request,
        _(
            "Imported the file: %(new)s new, %(updated)s updated, %(invited)s invited. New people "
            "are emailed a link to set a password; invited people join when they accept."
        )
        % {"new": done.created_count, "updated": done.updated_count, "invited": done.invited_count},
    )
    return redirect("organisation_staff", organisation.pk)


@login_required
def staff_import_template(request, org_id):
    organisation_for(request, org_id, "coverage.import_staff")
    return download(csv_bytes(TEMPLATE_ROWS), content_type=CSV_TYPE, filename="staff-import-template.csv")
