"""Bookings that wait for approval, for the person's supervisor (or a lead of the organisation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError

from .. import selectors, services
from ._common import booking_for


@login_required
def approval_queue(request):
    return render(request, "events/approvals.html", {"bookings": selectors.approvals_for(user=request.user)})


@login_required
@require_POST
def booking_decide(request, booking_id):
    booking = booking_for(request, booking_id, "events.decide_booking")
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        messages.error(request, _("Choose whether to approve the booking."))
        return redirect("event_approvals")
    approve = decision == "approve"
    try:
        services.booking_decide(booking=booking, decided_by=request.user, approve=approve)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        name = booking.user.get_full_name() or booking.user.email
        messages.success(
            request,
            (_("Approved: %(name)s.") if approve else _("Not approved: %(name)s.")) % {"name": name},
        )
    return redirect("event_approvals")
