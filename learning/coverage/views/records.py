"""A person's learning record, for the people allowed to see it (organisations.view_record), and downloads."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify

from learning.core import audit
from learning.core.audit import audit_log
from learning.organisations.models import Membership

from ..exports import CSV_TYPE, XLSX_TYPE, record_csv, record_workbook
from ..selectors import learning_record
from .common import download


def _membership(request, membership_id):
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organisation", "team", "supervisor__user"),
        pk=membership_id,
    )
    if not request.user.has_perm("organisations.view_record", membership):
        raise PermissionDenied
    return membership


@login_required
def record(request, membership_id):
    membership = _membership(request, membership_id)
    return render(
        request,
        "coverage/record.html",
        {
            "membership": membership,
            "record": learning_record(membership=membership),
            "can_see_coverage": request.user.has_perm("coverage.view_staff", membership.organisation),
        },
    )


@login_required
def record_export(request, membership_id, fmt):
    membership = _membership(request, membership_id)
    data = learning_record(membership=membership)
    audit_log(membership, audit.RECORD_DOWNLOADED, organisation_id=membership.organisation_id, format=fmt)
    person = slugify(membership.user.get_full_name() or membership.user.pk)
    name = f"learning-record-{person}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "xlsx":
        return download(record_workbook(data), content_type=XLSX_TYPE, filename=f"{name}.xlsx")
    return download(record_csv(data), content_type=CSV_TYPE, filename=f"{name}.csv")
