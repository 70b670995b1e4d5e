"""Someone who joins through an invitation starts on the first module their organisation requires of them
(coverage's first_assigned_module view), else on My learning; by signing up or by accepting signed in."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from learning.coverage import services
from learning.organisations import services as org_services
from learning.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Family-Learning-42"


def _assign(committed, org, module, days):
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=date.today() + timedelta(days=days),
    )


def _invite(committed, org, email):
    committed(
        org_services.invitation_create, organisation=org.organisation, email=email, invited_by=org.lead.user
    )
    return re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[-1].body).group(1)


def test_signing_up_lands_on_the_soonest_assigned_module(
    client, org, make_module, committed, django_capture_on_commit_callbacks
):
    later, sooner = make_module(title="Later module"), make_module(title="Sooner module")
    _assign(committed, org, later, 30)
    _assign(committed, org, sooner, 7)
    client.get(_invite(committed, org, "new.worker@example.org"))
    with django_capture_on_commit_callbacks(execute=True):  # the join derives the new person's requirements
        response = client.post(
            reverse("account_signup"),
            {"email": "new.worker@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
    assert response.status_code == 302 and response.url == reverse("first_assigned_module")
    assert client.get(response.url).url == sooner.url


def test_accepting_signed_in_lands_on_the_assigned_module(client, org, make_module, committed):
    module = make_module(title="Required module")
    _assign(committed, org, module, 7)
    user = UserFactory(email="colleague@example.org")
    link = _invite(committed, org, user.email)
    client.force_login(user)
    response = committed(client.post, link, {"action": "accept"})
    assert response.url == reverse("first_assigned_module")
    assert client.get(response.url).url == module.url


def test_declining_goes_to_my_learning(client, org, committed):
    user = UserFactory(email="colleague@example.org")
    link = _invite(committed, org, user.email)
    client.force_login(user)
    assert committed(client.post, link, {"action": "decline"}).url == reverse("my_learning")


def test_with_nothing_assigned_the_start_is_my_learning(client, org):
    client.force_login(org.learners[0].user)
    assert client.get(reverse("first_assigned_module")).url == reverse("my_learning")


def test_the_start_asks_to_sign_in(client):
    response = client.get(reverse("first_assigned_module"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
