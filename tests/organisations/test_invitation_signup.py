"""Invitation sign-up uses exactly the invited address, and creating the account and joining are one step:
if joining fails, no account is left behind. Re-inviting gives a clear message, never a database error."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning.organisations import services
from learning.organisations.factories import MembershipFactory, TeamFactory, UserFactory
from learning.organisations.models import Invitation, Membership

pytestmark = pytest.mark.django_db
PASSWORD = "Family-Learning-42"


@pytest.fixture
def lead():
    return MembershipFactory(is_lead=True, is_learner=False)


def _invite(client, lead, capture, **fields):
    client.force_login(lead.user)
    with capture(execute=True):
        response = client.post(
            reverse("invitation_new", args=[lead.organisation.pk]), {"email": "invited@example.org", **fields}
        )
    client.logout()
    return response


def _follow_link(client):
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[-1].body).group(1)
    return client.get(link)


def _signup(client, email):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_the_signup_form_shows_the_invited_address_fixed(client, lead, django_capture_on_commit_callbacks):
    _invite(client, lead, django_capture_on_commit_callbacks)
    assert _follow_link(client).url == reverse("account_signup")
    html = client.get(reverse("account_signup")).content.decode()
    field = re.search(r"<input[^>]*name=\"email\"[^>]*>", html).group(0)
    assert 'value="invited@example.org"' in field and "readonly" in field


def test_the_signup_page_says_what_the_person_is_joining(client, lead, django_capture_on_commit_callbacks):
    team = TeamFactory(organisation=lead.organisation, name="Family Support North")
    _invite(client, lead, django_capture_on_commit_callbacks, team=team.pk, is_supervisor="on")
    _follow_link(client)
    html = client.get(reverse("account_signup")).content.decode()
    assert f"Join {lead.organisation}" in html and "Family Support North" in html
    assert "Learner, Supervisor" in html
    assert "Sign Up" not in html  # allauth's stock page, with no word of the organisation, is gone


def test_reinviting_offers_to_resend_the_open_invitation(client, lead, django_capture_on_commit_callbacks):
    _invite(client, lead, django_capture_on_commit_callbacks)
    html = _invite(client, lead, django_capture_on_commit_callbacks).content.decode()
    resend = reverse("invitation_resend", args=[lead.organisation.pk, Invitation.objects.get().pk])
    assert f'action="{resend}"' in html and "Resend the invitation to invited@example.org" in html


def test_reinviting_in_the_admin_is_a_clear_message(client, lead):
    services.invitation_create(
        organisation=lead.organisation, email="invited@example.org", invited_by=lead.user
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        reverse("wagtailsnippets_organisations_invitation:add"),
        {
            "organisation": lead.organisation.pk,
            "email": "Invited@example.org",
            "is_learner": "on",
            "expires_at": "2030-01-01 10:00",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "onstraint" not in html
    assert "already has an invitation to" in html and Invitation.objects.count() == 1


def test_signing_up_with_another_address_is_a_form_error_and_creates_nobody(
    client, lead, django_capture_on_commit_callbacks
):
    _invite(client, lead, django_capture_on_commit_callbacks)
    _follow_link(client)
    response = _signup(client, "someone.else@example.org")
    assert response.status_code == 200
    assert (
        "Sign up with invited@example.org, the address your invitation was sent to."
        in response.content.decode()
    )
    assert (
        not get_user_model()
        .objects.filter(email__in=["someone.else@example.org", "invited@example.org"])
        .exists()
    )
    assert Invitation.objects.get().is_open


def test_signing_up_with_the_invitation_verifies_the_address_and_joins(
    client, lead, django_capture_on_commit_callbacks
):
    _invite(client, lead, django_capture_on_commit_callbacks, job_title="Family support worker")
    _follow_link(client)
    mail.outbox.clear()
    response = _signup(client, "Invited@Example.org")
    # signed in, no "check your email": on to the first assigned module, here none, so My learning
    assert response.status_code == 302 and response.url == reverse("first_assigned_module")
    assert client.get(response.url).url == reverse("my_learning")
    user = get_user_model().objects.get(email="invited@example.org")
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary and address.email == "invited@example.org"
    assert mail.outbox == []  # the link proved the address: no verification email
    assert Membership.objects.get(user=user).job_title == "Family support worker"
    assert not Invitation.objects.get().is_open


def test_if_joining_fails_no_account_is_created(client, lead, django_capture_on_commit_callbacks):
    supervisor = MembershipFactory(organisation=lead.organisation, is_supervisor=True)
    _invite(client, lead, django_capture_on_commit_callbacks, supervisor=supervisor.pk)
    _follow_link(client)
    supervisor.is_supervisor = False  # the supervisor named in the invitation has since lost the role
    supervisor.save()
    response = _signup(client, "invited@example.org")
    assert response.status_code == 302 and response.url == reverse("account_login")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "That person does not have the supervisor role here." in messages
    assert not get_user_model().objects.filter(email="invited@example.org").exists()
    assert not EmailAddress.objects.filter(email="invited@example.org").exists()
    assert Invitation.objects.get().is_open


def test_reinviting_an_open_invitation_is_a_clear_message(client, lead, django_capture_on_commit_callbacks):
    _invite(client, lead, django_capture_on_commit_callbacks)
    response = _invite(client, lead, django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert response.status_code == 200
    assert "invited@example.org already has an open invitation; resend it instead." in html
    assert "onstraint" not in html
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1


def test_reinviting_after_an_invitation_expired_sends_a_new_one(
    client, lead, django_capture_on_commit_callbacks
):
    _invite(client, lead, django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    response = _invite(client, lead, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Invitation.objects.count() == 2 and [i.is_open for i in Invitation.objects.order_by("pk")] == [
        False,
        True,
    ]
    assert len(mail.outbox) == 2
