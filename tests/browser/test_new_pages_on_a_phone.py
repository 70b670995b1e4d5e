"""The pages this release added (invitation answer, staff list with invitations, download my data, ask for
erasure, an organisation's audit log), read on a phone: no horizontal scrolling, axe clean, no request to any
host but the platform's own."""

from urllib.parse import urlsplit

import pytest

from learning.accounts.models import User
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from learning.organisations.models import Organisation
from learning.organisations.services import invitation_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser, live_server, policy_violations):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15000)
    outside = []
    own_host = urlsplit(live_server.url).netloc
    context.on(
        "request",
        lambda request: (
            outside.append(request.url) if urlsplit(request.url).netloc not in (own_host, "") else None
        ),
    )
    yield policy_violations(context.new_page())
    context.close()
    assert outside == [], f"requests left the platform: {outside}"


def _readable_on_a_phone(page, axe_check):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    assert axe_check(page) == [], page.url


def test_a_learner_answers_an_invitation_and_uses_the_privacy_pages(phone, sign_in, axe_check):
    demo_data_install()
    harbour = Organisation.objects.get(name="Harbour Family Recovery")
    invitation = invitation_create(
        organisation=harbour,
        email="learner@example.org",
        invited_by=User.objects.get(email="fiona.grant@example.org"),
    )
    sign_in(phone, "learner@example.org", DEMO_PASSWORD)

    phone.goto(f"/invitations/{invitation.token}/")
    assert phone.get_by_role("button", name="Accept").is_visible()
    _readable_on_a_phone(phone, axe_check)

    phone.goto("/accounts/my-data/")
    phone.get_by_role("button", name="Prepare my data").click()
    phone.get_by_role("link", name="Download the ZIP").wait_for()
    _readable_on_a_phone(phone, axe_check)

    phone.goto("/accounts/erasure/")
    _readable_on_a_phone(phone, axe_check)


def test_a_lead_reads_invitations_and_the_audit_log(phone, sign_in, axe_check):
    demo_data_install()
    nhs = Organisation.objects.get(name="NHS Riverside")
    invitation_create(
        organisation=nhs,
        email="fiona.grant@example.org",
        invited_by=User.objects.get(email="lead@example.org"),
    )
    sign_in(phone, "lead@example.org", DEMO_PASSWORD)

    phone.goto(f"/organisation/{nhs.pk}/staff/")
    assert phone.get_by_role("button", name="Resend").first.is_visible()
    _readable_on_a_phone(phone, axe_check)

    phone.goto(f"/coverage/organisation/{nhs.pk}/audit/")
    assert phone.get_by_role("heading", level=1).is_visible()
    _readable_on_a_phone(phone, axe_check)
