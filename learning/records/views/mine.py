"""A person's own learning done elsewhere: record it, change it until it is verified, open its evidence."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

from ..evidence import evidence_kind
from ..forms import DecisionForm, RecordForm
from ..selectors import memberships_for_recording, records_for_user, records_to_verify
from ..services import record_submit, record_update
from .common import add_service_error, record_for


@login_required
def record_list(request):
    return render(
        request,
        "records/list.html",
        {
            "records": records_for_user(user=request.user),
            "to_verify": records_to_verify(user=request.user)[:5],
        },
    )


@login_required
def record_new(request):
    memberships = memberships_for_recording(user=request.user)
    form = RecordForm(request.POST or None, request.FILES or None, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        try:
            record = record_submit(
                user=request.user,
                membership=form.cleaned_data["membership"],
                data=form.service_data(),
                evidence=form.cleaned_data["evidence"],
            )
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Recorded. Your supervisor or a lead will verify it."))
            return redirect("records_detail", record.pk)
    return render(request, "records/form.html", {"form": form, "has_membership": memberships.exists()})


@login_required
def record_edit(request, record_id):
    record = record_for(request, record_id, "records.change_record")
    memberships = memberships_for_recording(user=request.user)
    form = RecordForm(request.POST or None, request.FILES or None, instance=record, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        try:
            record_update(
                record=record,
                user=request.user,
                data=form.service_data(),
                evidence=form.cleaned_data["evidence"] or None,
            )
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Saved, and sent for verification again."))
            return redirect("records_detail", record.pk)
    return render(request, "records/form.html", {"form": form, "record": record, "has_membership": True})


@login_required
def record_detail(request, record_id):
    record = record_for(request, record_id, "records.view_record")
    decide = rules.test_rule("records.decide_record", request.user, record)
    return render(
        request,
        "records/detail.html",
        {"record": record, "decision_form": DecisionForm() if decide else None},
    )


@login_required
def record_evidence(request, record_id):
    """The evidence, to those who may see the record: served by this view only, as the type its bytes are."""
    record = record_for(request, record_id, "records.view_record")
    if not record.evidence:
        return redirect("records_detail", record.pk)
    handle = record.evidence.open("rb")
    kind = evidence_kind(handle.read(16))
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=record.evidence_name or f"evidence{kind[0] if kind else ''}",
        content_type=kind[1] if kind else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
