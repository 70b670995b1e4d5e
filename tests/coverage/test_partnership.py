"""An Alcohol and Drug Partnership's leads see the combined figures of partners that opted in, only those."""

from datetime import date

import pytest
from django.urls import reverse

from learning.coverage import services
from learning.coverage.selectors import partnership_coverage
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(make_module, committed):
    adp = OrganisationFactory(name="Riverside ADP", kind=Organisation.Kind.ADP)
    module = make_module(title="Trauma-informed practice", lessons=1, levels=["informed"])
    partners = {}
    for name, shares, staff in (("Sharing Trust", True, 3), ("Private Charity", False, 2)):
        organisation = OrganisationFactory(name=name, partnership=adp, shares_with_partnership=shares)
        lead = committed(MembershipFactory, organisation=organisation, is_learner=False, is_lead=True)
        for _ in range(staff):
            committed(MembershipFactory, organisation=organisation)
        committed(
            services.assignment_create,
            organisation=organisation,
            module=module,
            created_by=lead.user,
            due_on=date.today(),
        )
        partners[name] = (organisation, lead)
    outsider = OrganisationFactory(name="Another Area Trust", shares_with_partnership=True)
    committed(MembershipFactory, organisation=outsider)
    committed(
        services.assignment_create, organisation=outsider, module=module, created_by=None, due_on=date.today()
    )
    adp_lead = committed(MembershipFactory, organisation=adp, is_learner=False, is_lead=True)
    return adp, adp_lead, partners, module


def test_only_partners_that_opted_in_are_counted(client, partnership):
    adp, adp_lead, _partners, module = partnership
    data = partnership_coverage(partnership=adp)
    assert [o.name for o in data.sharing] == ["Sharing Trust"] and data.not_sharing == 1
    assert data.combined[module.pk].assigned == 3
    client.force_login(adp_lead.user)
    page = client.get(reverse("coverage_partnership", args=[adp.pk])).content.decode()
    assert "Sharing Trust" in page and "Private Charity" not in page and "Another Area Trust" not in page
    assert "1 partner does not share its figures." in page


def test_a_partner_lead_opts_in_and_out(client, partnership):
    adp, _adp_lead, partners, module = partnership
    organisation, lead = partners["Private Charity"]
    client.force_login(lead.user)
    page = client.get(reverse("coverage_dashboard", args=[organisation.pk])).content.decode()
    assert "Share this organisation&#x27;s combined figures" in page
    client.post(reverse("coverage_sharing", args=[organisation.pk]), {"shares": "on"})
    assert partnership_coverage(partnership=adp).combined[module.pk].assigned == 5
    client.post(reverse("coverage_sharing", args=[organisation.pk]), {})
    assert partnership_coverage(partnership=adp).combined[module.pk].assigned == 3


def test_partnership_view_is_for_partnership_leads_only(client, partnership):
    adp, _adp_lead, partners, _module = partnership
    _organisation, partner_lead = partners["Sharing Trust"]
    client.force_login(partner_lead.user)
    assert client.get(reverse("coverage_partnership", args=[adp.pk])).status_code == 403
    assert (
        client.get(reverse("coverage_partnership", args=[partners["Sharing Trust"][0].pk])).status_code == 403
    )
