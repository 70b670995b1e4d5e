"""Organisation pages: a lead's equivalences, a completion a lead records for someone, a person's CPD log as
their supervisor or lead sees it."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError
from learning.organisations.access import organisation_for
from learning.organisations.models import Membership

from ..forms import CompletionRecordForm, EquivalenceForm
from ..models import Equivalence
from ..selectors import equivalences_for
from ..services import completion_record_for, equivalence_create
from .common import add_service_error
from .cpd import cpd_page


@login_required
def equivalences(request, org_id):
    organisation = organisation_for(request, org_id, "records.manage_equivalences")
    form = EquivalenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            equivalence_create(organisation=organisation, user=request.user, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved. Verified records of that course now complete the module."))
            return redirect("records_equivalences", organisation.pk)
    return render(
        request,
        "records/equivalences.html",
        {
            "organisation": organisation,
            "form": form,
            "equivalences": equivalences_for(organisation=organisation),
        },
    )


@login_required
@require_POST
def equivalence_delete(request, org_id, pk):
    organisation = organisation_for(request, org_id, "records.manage_equivalences")
    get_object_or_404(Equivalence, organisation=organisation, pk=pk).delete()
    messages.success(request, _("Removed. Completions already recorded stay."))
    return redirect("records_equivalences", organisation.pk)


def _membership(request, membership_id, perm):
    """A person's membership: 404 when there is none, 403 when the user may not do `perm` for them."""
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organisation", "supervisor"), pk=membership_id
    )
    if not rules.test_rule(perm, request.user, membership):
        raise PermissionDenied
    return membership


@login_required
def completion_new(request, membership_id):
    membership = _membership(request, membership_id, "records.record_completion")
    form = CompletionRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            completion_record_for(membership=membership, user=request.user, **form.cleaned_data)
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Completion recorded. It counts toward requirements from now on."))
            return redirect("coverage_record", membership.pk)
    return render(request, "records/completion_form.html", {"membership": membership, "form": form})


@login_required
def person_cpd(request, membership_id):
    membership = _membership(request, membership_id, "records.view_cpd")
    return cpd_page(request, person=membership.user, membership=membership)
