"""An organisation's audit log, for its leads (who cannot reach Wagtail's site history report) and admins."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from learning.core.pagination import page_of
from learning.organisations.access import organisation_for

from .selectors_audit import audit_entries_for

AUDIT_PAGE_SIZE = 50  # entries are one line each, so a page holds twice the usual


@login_required
def organisation_audit(request, org_id):
    organisation = organisation_for(request, org_id, "coverage.view_organisation")
    page_obj = page_of(request, audit_entries_for(organisation=organisation), per_page=AUDIT_PAGE_SIZE)
    return render(
        request, "privacy/organisation_audit.html", {"organisation": organisation, "page_obj": page_obj}
    )
