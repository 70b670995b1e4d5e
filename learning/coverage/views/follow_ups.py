"""Follow-up on practice, per module, for an organisation's leads: evidence that training changed practice."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from learning.organisations.access import organisation_for

from ..selectors.follow_ups import follow_up_rows


@login_required
def follow_ups(request, org_id):
    organisation = organisation_for(request, org_id, "coverage.view_follow_ups")
    return render(
        request,
        "coverage/follow_ups.html",
        {"organisation": organisation, "rows": follow_up_rows(organisation=organisation)},
    )
