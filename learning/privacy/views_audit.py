"""An organisation's audit log, for its leads (who cannot reach Wagtail's site history report) and admins."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from learning.organisations.models import Organisation

from .selectors_audit import audit_entries_for

PAGE_SIZE = 50


@login_required
def organisation_audit(request, org_id):
    organisation = get_object_or_404(Organisation, pk=org_id)
    if not request.user.has_perm("coverage.view_organisation", organisation):
        raise PermissionDenied
    page_obj = Paginator(audit_entries_for(organisation=organisation), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/organisation_audit.html", {"organisation": organisation, "page_obj": page_obj})
