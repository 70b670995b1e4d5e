"""The lead's SCIM token page (learning/provisioning), on a phone: readable without sideways scrolling, axe
clean before and after the token is made, and nothing fetched from another host."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress

from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 360, "height": 740}
PASSWORD = "a-good-test-password"  # UserFactory's


def test_a_lead_makes_the_scim_token_on_a_phone(browser, live_server, policy_violations, sign_in, axe_check):
    organisation = OrganisationFactory(name="NHS Borders")
    lead = MembershipFactory(organisation=organisation, is_lead=True, user=UserFactory()).user
    EmailAddress.objects.create(user=lead, email=lead.email, verified=True, primary=True)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    outside = []
    own = urlsplit(live_server.url).netloc
    context.on("request", lambda r: urlsplit(r.url).netloc in (own, "") or outside.append(r.url))
    page = policy_violations(context.new_page())
    sign_in(page, lead.email, PASSWORD)

    assert "/accounts/login/" not in page.url
    page.goto(f"/organisation/{organisation.pk}/staff/")
    page.get_by_role("link", name="Automatic provisioning").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_check(page) == []

    page.get_by_role("button", name="Make a token").click()
    token = page.get_by_label("Token")
    assert len(token.input_value()) > 40
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_check(page) == []
    context.close()
    assert outside == []
