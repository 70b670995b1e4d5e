"""Sign-up is by invitation: a lead invites, the person follows the emailed link, signs up and joins."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from learning.core.errors import ServiceError
from learning.organisations import services
from learning.organisations.factories import MembershipFactory, UserFactory
from learning.organisations.models import Invitation, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    return MembershipFactory(is_lead=True, is_learner=False)


def _signup(client, email):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": "Family-Learning-42", "password2": "Family-Learning-42"},
    )


def test_signup_is_closed_without_invitation(client):
    response = client.get(reverse("account_signup"))
    assert "Sign-up is by invitation" in response.content.decode()  # the closed page, in our words
    _signup(client, "someone@example.org")
    assert not Membership.objects.filter(user__email="someone@example.org").exists()
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="someone@example.org").exists()


def test_open_signup_can_be_switched_on(client, settings):
    settings.ACCOUNT_OPEN_SIGNUP = True
    _signup(client, "open@example.org")
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(email="open@example.org").exists()


def test_invitation_email_link_signup_creates_membership(client, lead, django_capture_on_commit_callbacks):
    client.force_login(lead.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("invitation_new", args=[lead.organisation.pk]),
            {"email": "New.Worker@example.org", "job_title": "Family support worker"},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    assert client.get(link).url == reverse("account_signup")
    _signup(client, "new.worker@example.org")
    membership = Membership.objects.get(user__email="new.worker@example.org")
    assert membership.organisation == lead.organisation and membership.job_title == "Family support worker"
    assert Invitation.objects.get().accepted_at is not None
    # The link cannot be used twice.
    assert client.get(link).url == reverse("account_login")


def test_learner_cannot_invite(client):
    learner = MembershipFactory()
    client.force_login(learner.user)
    assert client.get(reverse("invitation_new", args=[learner.organisation.pk])).status_code == 403


def test_inviting_an_existing_member_is_a_clear_error(lead):
    member = MembershipFactory(organisation=lead.organisation)
    with pytest.raises(ServiceError, match="already a member"):
        services.invitation_create(
            organisation=lead.organisation, email=member.user.email, invited_by=lead.user
        )


def test_accepting_with_another_email_is_refused(lead):
    invitation = services.invitation_create(
        organisation=lead.organisation, email="a@example.org", invited_by=lead.user
    )
    with pytest.raises(ServiceError, match="different email"):
        services.invitation_accept(invitation=invitation, user=UserFactory(email="b@example.org"))
    assert not Membership.objects.filter(user__email="b@example.org").exists()
