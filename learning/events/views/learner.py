"""Events for the people who take part: what they may book, booking, cancelling and apologies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from learning.core.errors import ServiceError
from learning.organisations.models import Membership

from .. import selectors, services
from ..models import Booking
from ._common import booking_for, event_for, session_for

BOOKED_MESSAGES = {
    Booking.Status.BOOKED: gettext_lazy("Your place is booked. We have emailed you a calendar invitation."),
    Booking.Status.WAITLISTED: gettext_lazy(
        "The session is full: you are number %(place)s on the waiting list."
    ),
    Booking.Status.PENDING: gettext_lazy("Your booking now waits for your supervisor's approval."),
}


@login_required
def event_list(request):
    user = request.user
    led = Membership.objects.active().leads().filter(user=user).select_related("organisation")
    return render(
        request,
        "events/list.html",
        {
            "events": selectors.events_for_member(user=user),
            "bookings": selectors.bookings_of(user=user),
            "facilitating": selectors.sessions_facilitated(user=user),
            "approvals": selectors.approvals_for(user=user).count(),
            "attended": selectors.attended_learning(user=user),
            "led": [membership.organisation for membership in led],
        },
    )


@login_required
def event_detail(request, event_id):
    event = event_for(request, event_id, "events.view_event")
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "sessions": selectors.event_sessions(event=event, user=request.user),
            "levels": event.framework_levels.all(),
            "manages": request.user.has_perm("events.manage_events", event),
        },
    )


@login_required
@require_POST
def event_book(request, session_id):
    session = session_for(request, session_id, "events.view_event")
    try:
        booking = services.booking_create(session=session, user=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        place = selectors.waitlist_place(booking=booking)
        messages.success(request, str(BOOKED_MESSAGES[booking.status]) % {"place": place})
    return redirect("event_detail", event_id=session.event_id)


@login_required
@require_POST
def booking_cancel(request, booking_id):
    booking = booking_for(request, booking_id, "events.change_booking")
    apologies = request.POST.get("action") == "apologies"
    try:
        services.booking_cancel(booking=booking, apologies=apologies)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Your apologies are recorded.") if apologies else _("Your booking is cancelled.")
        )
    return redirect("event_detail", event_id=booking.session.event_id)
