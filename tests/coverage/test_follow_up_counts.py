"""Follow-up on practice for leads: per module, how many of their staff have a follow-up due, sent and signed
off, as counts and percentages, never what anyone wrote; for the organisation's leads (and platform admins)
only; two selector queries however many people and modules."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import FollowUp
from assessments.practice.services.follow_ups import follow_up_observe, follow_up_submit, follow_ups_schedule
from learning.coverage.selectors.follow_ups import follow_up_rows
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.progress.factories import ModuleCompletionFactory

pytestmark = pytest.mark.django_db

SECRET = "Since the course I sit with each family to plan, and write down what they want."


def _completed(membership, module):
    ModuleCompletionFactory(
        user=membership.user, module=module, completed_at=timezone.now() - timedelta(weeks=6, hours=1)
    )


@pytest.fixture
def figures(org, make_module):
    """In `org`: three learners completed a module that asks for a follow-up after six weeks; the one with a
    supervisor sent theirs, which was signed off, and a second learner given the same supervisor sent theirs.
    Someone in another organisation has one too. One more module asks for a follow-up; one does not."""
    followed = make_module(lessons=0, title="Family plans", follow_up_after_weeks=6)
    make_module(lessons=0, title="Asked later", follow_up_after_weeks=12)
    make_module(lessons=0, title="Never asked")
    second = org.learners[1]
    second.supervisor = org.supervisor
    second.save()
    for membership in org.learners:
        _completed(membership, followed)
    _completed(MembershipFactory(organisation=OrganisationFactory()), followed)
    follow_ups_schedule(today=timezone.localdate())
    for membership in (org.learners[0], second):
        follow_up_submit(
            follow_up=FollowUp.objects.get(user=membership.user),
            user=membership.user,
            text=SECRET,
            supervisor=org.supervisor,
        )
    follow_up_observe(
        follow_up=FollowUp.objects.get(user=org.learners[0].user),
        supervisor_user=org.supervisor.user,
        observation="Seen at a home visit.",
        sign_off=True,
    )
    return followed


def test_counts_and_percentages_per_module_for_the_organisation_only(org, figures):
    rows = {row.module.title: row.counts for row in follow_up_rows(organisation=org.organisation)}
    assert list(rows) == ["Asked later", "Family plans"]  # every module that asks, by title; no others
    family = rows["Family plans"]
    assert (family.due, family.submitted, family.signed_off) == (3, 2, 1)  # not the other organisation's
    assert (family.submitted_percent, family.signed_off_percent) == (67, 33)
    later = rows["Asked later"]
    assert (later.due, later.submitted, later.signed_off, later.signed_off_percent) == (0, 0, 0, 0)


def test_the_lead_sees_numbers_never_text(org, figures, client):
    client.force_login(org.lead.user)
    dashboard = client.get(reverse("coverage_dashboard", args=[org.organisation.pk])).content.decode()
    assert reverse("coverage_follow_ups", args=[org.organisation.pk]) in dashboard
    html = client.get(reverse("coverage_follow_ups", args=[org.organisation.pk])).content.decode()
    assert "Family plans" in html and "2 (67%)" in html and "1 (33%)" in html
    assert SECRET not in html and "Seen at a home visit." not in html


def test_who_may_see_the_counts(org, figures, client):
    url = reverse("coverage_follow_ups", args=[org.organisation.pk])
    other_lead = MembershipFactory(organisation=OrganisationFactory(), is_lead=True)
    for person, status in (
        (org.lead.user, 200),
        (UserFactory(is_superuser=True), 200),
        (org.supervisor.user, 403),
        (org.learners[0].user, 403),
        (other_lead.user, 403),
    ):
        client.force_login(person)
        assert client.get(url).status_code == status, person
    client.force_login(org.supervisor.user)  # a supervisor's dashboard (their supervisees) does not link it
    assert url not in client.get(reverse("coverage_dashboard", args=[org.organisation.pk])).content.decode()


@pytest.mark.parametrize("people", [3, 15])
def test_the_page_s_queries_stay_flat(org, make_module, client, people, django_assert_max_num_queries):
    modules = [make_module(lessons=0, follow_up_after_weeks=6) for _ in range(3)]
    for _ in range(people):
        membership = MembershipFactory(organisation=org.organisation, supervisor=org.supervisor)
        for module in modules:
            _completed(membership, module)
    follow_ups_schedule(today=timezone.localdate())
    client.force_login(org.lead.user)
    with django_assert_max_num_queries(10):  # the counts and the modules are two of them
        response = client.get(reverse("coverage_follow_ups", args=[org.organisation.pk]))
    assert response.content.decode().count(f"<td>{people}</td>") == 3
