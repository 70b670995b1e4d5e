"""Who may see and do what with events: members of the organisation that runs an event see and book it;
its leads manage it; a session's facilitator (and the leads) run the register; people change their own
bookings; a booking that needs approval is decided by the person's supervisor there, or a lead there."""

import rules

from learning.organisations.models import Membership
from learning.organisations.rules import is_platform_admin, leads_organisation


def _owner(target):
    """What names the organisation behind an Organisation, Event, EventSession or Booking: the organisation
    itself or its event (both read by learning.organisations.rules)."""
    name = target.__class__.__name__
    if name in ("Organisation", "Event"):
        return target
    if name == "EventSession":
        return target.event
    return target.session.event


def _organisation_id(target):
    owner = _owner(target)
    return owner.pk if owner.__class__.__name__ == "Organisation" else owner.organisation_id


@rules.predicate
def is_member_there(user, target):
    if target is None or not user.is_authenticated:
        return False
    return Membership.objects.active().filter(user=user, organisation_id=_organisation_id(target)).exists()


@rules.predicate
def leads_there(user, target):
    return target is not None and leads_organisation(user, _owner(target))


@rules.predicate
def facilitates(user, session):
    return session is not None and session.facilitator_id == user.pk


@rules.predicate
def owns_booking(user, booking):
    return booking is not None and booking.user_id == user.pk


@rules.predicate
def supervises_booker(user, booking):
    if booking is None or not user.is_authenticated:
        return False
    return (
        Membership.objects.active()
        .supervised_by(user)
        .filter(user_id=booking.user_id, organisation_id=_organisation_id(booking))
        .exists()
    )


rules.add_perm("events.view_event", is_member_there | is_platform_admin)
rules.add_perm("events.manage_events", leads_there | is_platform_admin)
rules.add_perm("events.run_session", facilitates | leads_there | is_platform_admin)
# A booking is a person's own: rules, not permissions, so a superuser's blanket permissions do not reach it.
rules.add_rule("events.change_booking", owns_booking)
rules.add_rule("events.decide_booking", supervises_booker | leads_there)
