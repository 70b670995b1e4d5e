"""Who may do what with events, as a matrix of role x object x organisation: members see and book their
organisation's events; leads manage them; a session's facilitator (and the leads) run its register; people
change only their own bookings; a booking waiting for approval is decided by the person's supervisor there,
or a lead there."""

import pytest
import rules

from learning.events import services
from learning.organisations.factories import MembershipFactory, UserFactory

PERMS = ("view_event", "manage_events", "run_session", "change_booking", "decide_booking")
# role: (view, manage, run the session, change the learner's booking, decide the learner's booking)
OURS = {
    "learner": (True, False, False, True, False),
    "other_learner": (True, False, False, False, False),
    "facilitator": (True, False, True, False, True),  # the supervisor of the learner facilitates
    "lead": (True, True, True, False, True),
    "admin": (True, True, True, False, False),
    "outsider": (False, False, False, False, False),
    "outside_lead": (False, False, False, False, False),
}


@pytest.fixture
def cast(world, make_event, committed):
    _event, session = make_event(approval=True)
    booking = committed(services.booking_create, session=session, user=world.learners[0].user)
    return (
        session,
        booking,
        {
            "learner": world.learners[0].user,
            "other_learner": world.learners[1].user,
            "facilitator": world.supervisor.user,
            "lead": world.lead.user,
            "admin": UserFactory(is_superuser=True),
            "outsider": world.outsider.user,
            "outside_lead": MembershipFactory(organisation=world.outsider.organisation, is_lead=True).user,
        },
    )


def _rule(user):
    """A booking's rules are asked with rules.test_rule: a superuser's blanket permissions do not reach it."""
    return lambda name, target: rules.test_rule(name, user, target)


@pytest.mark.parametrize("role", OURS)
def test_the_matrix(cast, role):
    session, booking, people = cast
    user = people[role]
    asks = (user.has_perm, user.has_perm, user.has_perm, _rule(user), _rule(user))
    targets = (session.event, session.event, session, booking, booking)
    got = tuple(ask(f"events.{perm}", target) for ask, perm, target in zip(asks, PERMS, targets, strict=True))
    assert got == OURS[role]


def test_leaving_the_organisation_ends_every_right(cast, world):
    session, booking, people = cast
    world.lead.is_active = False
    world.lead.save()
    world.supervisor.is_active = False
    world.supervisor.save()
    assert not people["lead"].has_perm("events.manage_events", session.event)
    assert not rules.test_rule("events.decide_booking", people["facilitator"], booking)
    # The facilitator named on a session still runs its register (the lead may change who facilitates).
    assert people["facilitator"].has_perm("events.run_session", session)


def test_an_organisation_is_managed_by_its_leads(world):
    assert world.lead.user.has_perm("events.manage_events", world.organisation)
    assert not world.supervisor.user.has_perm("events.manage_events", world.organisation)
    assert not world.lead.user.has_perm("events.manage_events", world.outsider.organisation)
