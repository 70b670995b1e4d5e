"""What the event views share: fetching an object and checking a permission in one step."""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Booking, Event, EventSession


def event_for(request, event_id, perm):
    """The event, 403 when `perm` is refused: an organisation's events are organisation pages."""
    event = get_object_or_404(Event.objects.select_related("organisation", "module"), pk=event_id)
    if not request.user.has_perm(perm, event):
        raise PermissionDenied
    return event


def session_for(request, session_id, perm):
    session = get_object_or_404(
        EventSession.objects.select_related("event__organisation", "event__module", "facilitator"),
        pk=session_id,
    )
    if not request.user.has_perm(perm, session):
        raise PermissionDenied
    return session


def booking_for(request, booking_id, rule):
    """A booking is a person's own: 404 to anyone `rule` refuses, so nobody learns it exists."""
    booking = get_object_or_404(Booking.objects.select_related("session__event", "user"), pk=booking_id)
    if not rules.test_rule(rule, request.user, booking):
        raise Http404
    return booking
