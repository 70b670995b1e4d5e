"""Supervisors and leads verify or decline the learning their people did elsewhere."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError

from ..forms import DecisionForm
from ..selectors import records_to_verify
from ..services import record_decline, record_verify
from .common import record_for


@login_required
def verify_queue(request):
    return render(request, "records/verify_queue.html", {"records": records_to_verify(user=request.user)})


@login_required
@require_POST
def record_decide(request, record_id):
    record = record_for(request, record_id, "records.view_record")
    form = DecisionForm(request.POST)
    if not rules.test_rule("records.decide_record", request.user, record):  # their own, or already decided
        messages.error(request, _("This record is not waiting for your verification."))
        return redirect("records_detail", record.pk)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "verify":
                record_verify(record=record, user=request.user)
                messages.success(request, _("Verified. %(name)s has been told.") % {"name": record.user})
            else:
                record_decline(record=record, user=request.user, reason=form.cleaned_data["reason"])
                messages.success(request, _("Declined. %(name)s has been told why.") % {"name": record.user})
        except ServiceError as exc:
            form.add_error("reason" if exc.code == "reason" else None, exc.message)
        else:
            return redirect("records_verify_queue")
    return render(request, "records/detail.html", {"record": record, "decision_form": form}, status=400)
