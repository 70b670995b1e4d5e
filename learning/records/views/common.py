"""Shared pieces of the records views."""

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import ExternalRecord


def record_for(request, record_id, perm):
    """The record, if the person may do `perm` with it; 404 otherwise, so nobody learns it exists."""
    record = get_object_or_404(
        ExternalRecord.objects.select_related(
            "user",
            "membership__organisation",
            "membership__supervisor",
            "equivalence__module",
            "level",
            "module",
            "decided_by",
        ),
        pk=record_id,
    )
    if not rules.test_rule(perm, request.user, record):
        raise Http404
    return record


def add_service_error(form, exc):
    """Evidence errors under the evidence field, the rest at the top of the form."""
    field = "evidence" if exc.code.startswith("evidence") and "evidence" in form.fields else None
    field = "completed_on" if exc.code == "completed_on_future" and "completed_on" in form.fields else field
    form.add_error(field, exc.message)
