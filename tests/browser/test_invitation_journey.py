"""An invitation end to end: the demo lead invites a new colleague from the staff page, sees them listed as
invited with Resend and Cancel; the colleague opens the emailed link, signs up on a page that names the
organisation, roles and team with the address fixed, and lands on their first assigned module (else My
learning) with no second email. Axe clean throughout."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from learning.coverage.selectors import assigned_to
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from learning.organisations.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
INVITEE = "morven.reid@example.org"
PASSWORD = "Family-Learning-42"


def test_a_lead_invites_and_the_invitee_signs_up_and_lands(
    browser, live_server, page, sign_in, axe_check, docs_screenshots
):
    demo_data_install()
    sign_in(page, "lead@example.org", DEMO_PASSWORD)
    lead = Membership.objects.filter(user__email="lead@example.org", is_lead=True).first()
    page.goto(f"/organisation/{lead.organisation_id}/staff/")
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("Email address").fill(INVITEE)
    page.get_by_label("First name").fill("Morven")
    page.get_by_label("Supervisor role").check()
    assert axe_check(page) == []
    page.get_by_role("button", name="Send invitation").click()
    invited = page.get_by_role("region", name="Invited, not yet joined")
    assert invited.get_by_role("cell", name=INVITEE, exact=True).is_visible()
    assert invited.get_by_role("button", name=f"Resend the invitation to {INVITEE}").is_visible()
    assert invited.get_by_role("button", name=f"Cancel the invitation to {INVITEE}").is_visible()
    assert axe_check(page) == []

    link = re.search(r"https?://\S+(/invitations/\S+/)", mail.outbox[-1].body).group(1)
    sent = len(mail.outbox)
    invitee = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    newcomer = invitee.new_page()
    newcomer.goto(link)
    assert newcomer.get_by_role("heading", level=1, name=re.compile("^Join ")).is_visible()
    assert newcomer.get_by_text("Learner, Supervisor").is_visible()
    email = newcomer.get_by_label("Email")
    assert email.input_value() == INVITEE and email.get_attribute("readonly") is not None
    assert axe_check(newcomer) == []
    newcomer.screenshot(path=str(docs_screenshots / "invitation-accept.png"), full_page=True)

    newcomer.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    newcomer.get_by_label(re.compile(r"^Password \(again\)")).fill(PASSWORD)
    newcomer.get_by_role("button", name="Create account and join").click()
    newcomer.wait_for_load_state()
    user = get_user_model().objects.get(email=INVITEE)
    assigned = assigned_to(user=user)
    expected = assigned[0].module.url if assigned else "/my-learning/"
    assert newcomer.url == live_server.url + expected
    assert len(mail.outbox) == sent  # the link proved the address: no "confirm your email"
    assert axe_check(newcomer) == []
    invitee.close()
