"""Finding 5: the navigation shows every area a person's roles give them, in each organisation, as links that
say which one is open; its cost stays the same however many organisations a person leads."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from learning.navigation.context_processors import navigation
from learning.organisations.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _links(user, path="/my-learning/"):
    request = RequestFactory().get(path)
    request.user = user
    return {link.label: link for link in navigation(request)["nav"]["links"]}


def test_a_lead_has_coverage_and_staff_for_each_organisation_led():
    first = MembershipFactory(is_lead=True, organisation__name="Riverside")
    second = MembershipFactory(user=first.user, is_lead=True, organisation__name="Hillfoot ADP")
    MembershipFactory(user=first.user, organisation__name="Learner only here")
    links = _links(first.user, path=reverse("coverage_home"))
    assert links["Coverage overview"].current == "page"  # the lead's home lists every dashboard
    for membership in (first, second):
        name, pk = membership.organisation.name, membership.organisation.pk
        assert links[f"Coverage: {name}"].url == reverse("coverage_dashboard", args=[pk])
        assert links[f"Staff: {name}"].url == reverse("organisation_staff", args=[pk])
    assert not any("Learner only here" in label for label in links)


def test_one_organisation_led_needs_no_name_and_marks_the_open_area():
    lead = MembershipFactory(is_lead=True)
    dashboard = reverse("coverage_dashboard", args=[lead.organisation.pk])
    links = _links(lead.user, path=dashboard)
    assert links["Coverage"].current == "page" and links["Staff"].current == ""
    below = _links(lead.user, path=dashboard + "people/overdue/")
    assert [(label, link.current) for label, link in below.items() if link.current] == [("Coverage", "true")]


def test_each_role_sees_its_areas_and_no_others():
    learner = _links(MembershipFactory().user)
    assert list(learner) == ["My learning", "Catalogue", "Certificates", "Events", "Reflections"]
    supervisor = _links(MembershipFactory(is_supervisor=True).user)
    assert "Supervision" in supervisor and not any(label.startswith("Coverage") for label in supervisor)
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    assert list(_links(editor))[-1] == "Admin"
    admin = _links(UserFactory(is_superuser=True))
    assert admin["Coverage overview"].url == reverse("coverage_home") and admin["Staff"].url == reverse(
        "organisation_home"
    )


@pytest.mark.parametrize("organisations", [1, 4])
def test_the_navigation_costs_the_same_for_any_number_of_organisations(
    organisations, django_assert_num_queries
):
    user = UserFactory()
    for _ in range(organisations):
        MembershipFactory(user=user, is_lead=True, is_supervisor=True)
    cache.clear()  # as some seconds after the memberships were saved: their markers (person_cache) are gone
    with django_assert_num_queries(4):  # memberships, both counts (one), the admin permission (two)
        _links(user)
    next_request = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(0):  # the next request reads the person's roles and counts from the cache
        _links(next_request)


def test_the_header_renders_the_links_with_aria_current_and_a_menu_button(client):
    supervisor = MembershipFactory(is_supervisor=True)
    client.force_login(supervisor.user)
    html = client.get(reverse("my_learning")).content.decode()
    assert '<a href="/my-learning/" aria-current="page">My learning</a>' in html
    assert '<a href="/supervision/">Supervision</a>' in html
    assert 'aria-expanded="false" aria-controls="site-nav-list"' in html and 'id="site-nav-list"' in html
