"""Finding 5: after signing in each person lands where their work is, the most responsible role first; a safe
`next` still wins, an outside one never does."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse

from learning.organisations.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-good-test-password"  # UserFactory's


def _sign_in(client, user, next_url=None):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response.url


def _editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_a_learner_lands_on_my_learning(client):
    assert _sign_in(client, MembershipFactory().user) == reverse("my_learning")


def test_a_supervisor_lands_on_the_review_queue(client):
    assert _sign_in(client, MembershipFactory(is_supervisor=True).user) == reverse("supervision")


def test_a_lead_lands_on_coverage(client):
    lead = MembershipFactory(is_lead=True, is_learner=False).user
    assert _sign_in(client, lead) == reverse("coverage_home")


def test_an_editor_lands_on_the_content(client):
    assert _sign_in(client, _editor()) == reverse("wagtailadmin_home")


def test_several_roles_land_on_the_most_responsible(client):
    """A supervisor in one organisation and a lead in another is a lead first; an editor who also
    supervises is a supervisor first."""
    person = MembershipFactory(is_supervisor=True).user
    MembershipFactory(user=person, is_lead=True)
    assert _sign_in(client, person) == reverse("coverage_home")
    client.logout()
    editor = _editor()
    MembershipFactory(user=editor, is_supervisor=True)
    assert _sign_in(client, editor) == reverse("supervision")


def test_a_safe_next_comes_first_and_an_outside_one_is_ignored(client):
    lead = MembershipFactory(is_lead=True).user
    assert _sign_in(client, lead, next_url="/catalogue/") == "/catalogue/"
    client.logout()
    assert _sign_in(client, lead, next_url="https://elsewhere.example/") == reverse("coverage_home")
