"""A snippet's chooser in the Wagtail admin follows the rules of its listing: who may open it, and which rows
it shows. (Wagtail's own chooser asks only for admin access, so any editor could read every organisation's
people and invited addresses through it.) The URL matrix checks every chooser URL for every identity; these
tests check what a chooser lists, which a status cannot show."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from learning.core.snippets import ProjectSnippetViewSet
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
PROJECT_APPS = {
    "organisations",
    "modules",
    "assessments",
    "certificates",
    "progress",
    "coverage",
    "accounts",
    "core",
}


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture
def two_organisations():
    a, b = OrganisationFactory(name="Organisation A"), OrganisationFactory(name="Organisation B")
    return {
        "a": MembershipFactory(organisation=a, user__first_name="Alice", user__last_name="Ours"),
        "b": MembershipFactory(organisation=b, user__first_name="Bob", user__last_name="Theirs"),
        "lead": MembershipFactory(organisation=a, is_lead=True, user__is_staff=True),
    }


@pytest.fixture
def lead_in_the_admin(two_organisations):
    """A workforce lead of A whom a platform admin has let see memberships in the Wagtail admin."""
    group = Group.objects.create(name="Membership viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_membership")
    )
    user = two_organisations["lead"].user
    user.groups.add(group)
    return user


def test_every_project_snippet_has_the_project_chooser_and_delete_screen():
    project = [model for model in get_snippet_models() if model._meta.app_label in PROJECT_APPS]
    assert len(project) >= 8
    assert [model for model in project if not isinstance(model.snippet_viewset, ProjectSnippetViewSet)] == []


def test_a_lead_chooses_only_among_the_memberships_their_listing_shows(
    client, lead_in_the_admin, two_organisations
):
    ours, theirs = two_organisations["a"], two_organisations["b"]
    client.force_login(lead_in_the_admin)
    results = reverse("wagtailsnippetchoosers_organisations_membership:choose_results")
    listed = client.get(results).content.decode()
    assert "Alice Ours" in listed and "Bob Theirs" not in listed

    chosen = "wagtailsnippetchoosers_organisations_membership:chosen"
    assert client.get(reverse(chosen, args=[ours.pk])).json()["result"]["string"] == str(ours)
    assert client.get(reverse(chosen, args=[theirs.pk])).status_code == 404
    several = client.get(
        reverse("wagtailsnippetchoosers_organisations_membership:chosen_multiple"),
        {"id": [ours.pk, theirs.pk]},
    ).json()["result"]
    assert [item["id"] for item in several] == [str(ours.pk)]


def test_an_editor_is_refused_the_people_choosers_as_wagtail_refuses_other_screens(client):
    """Sent to the admin's home with a message; a modal (an XMLHttpRequest) gets 403 from Wagtail instead."""
    editor = UserFactory(is_staff=True)
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    client.force_login(editor)
    url = reverse("wagtailsnippetchoosers_organisations_invitation:choose_results")
    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403


def test_a_chosen_id_that_is_not_a_number_answers_404(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    chosen = reverse("wagtailsnippetchoosers_assessments_quiz:chosen", args=["x"])
    assert client.get(chosen).status_code == 404
    response = client.get(reverse("wagtailsnippetchoosers_assessments_quiz:chosen_multiple"), {"id": "x"})
    assert response.status_code == 404
