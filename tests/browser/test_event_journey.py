"""A face-to-face event from start to finish: the workforce lead creates an event that completes a required
module, with two sessions; a learner books a place; the facilitator marks attendance on a 360 px phone; the
lead's coverage dashboard then shows the requirement met. axe clean on every page."""

from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from learning.coverage.services import assignment_create
from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure
from tests.browser.conftest import MEMBER_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 360, "height": 740}
MODULE = "Safe and Together core"


def _person(organisation, email, **roles):
    membership = MembershipFactory(organisation=organisation, user__email=email, **roles)
    EmailAddress.objects.create(user=membership.user, email=email, verified=True, primary=True)
    return membership


def _world():
    organisation = OrganisationFactory(name="NHS Testshire")
    team = TeamFactory(organisation=organisation, name="Outreach")
    lead = _person(organisation, "lead@example.org", is_learner=False, is_lead=True)
    _person(
        organisation, "facilitator@example.org", is_learner=False, is_supervisor=True, user__first_name="Fran"
    )
    _person(organisation, "learner@example.org", team=team, user__first_name="Lee", user__last_name="Learner")
    module = ModulePageFactory(parent=site_structure_ensure(), title=MODULE, require_quiz_pass=False)
    LessonPageFactory(parent=module)
    assignment_create(
        organisation=organisation,
        module=module,
        created_by=lead.user,
        due_on=date.today() + timedelta(days=60),
    )
    return organisation


def _full_name(email):
    return get_user_model().objects.get(email=email).get_full_name()


def _context(browser, live_server, viewport):
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    context.set_default_timeout(15000)
    return context


def test_lead_creates_learner_books_facilitator_marks_on_a_phone(
    page, browser, live_server, sign_in, axe_check, screenshot
):
    organisation = _world()
    sign_in(page, "lead@example.org", MEMBER_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    page.get_by_role("link", name="Manage the events of NHS Testshire").click()
    assert axe_check(page) == []
    page.get_by_label("Title").fill("Safe and Together: core training day")
    page.get_by_role("radio", name="In person").check()
    page.get_by_label("Module it completes").select_option(label=MODULE)
    page.get_by_label("CPD minutes").fill("360")
    page.get_by_role("button", name="Create the event").click()
    expect(page.get_by_text("Event created. Now add its sessions.")).to_be_visible()
    assert axe_check(page) == []

    first = timezone.localtime() + timedelta(days=7)
    for starts, place in (
        (first, "Community Hall, Paisley"),
        (first + timedelta(days=7), "Town House, Greenock"),
    ):
        if page.get_by_role("link", name="Add a session").count():
            page.get_by_role("link", name="Add a session").click()
        page.get_by_label("Starts").fill(starts.strftime("%Y-%m-%dT%H:%M"))
        page.get_by_label("Ends").fill((starts + timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M"))
        page.get_by_label("Place:", exact=True).fill(place)
        page.get_by_label("Places:", exact=True).fill("12")
        page.get_by_label("Facilitator").select_option(label=_full_name("facilitator@example.org"))
        page.get_by_role("button", name="Save the session").click()
        expect(page.get_by_text("Session saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=3)).to_have_count(2)
    assert axe_check(page) == []
    screenshot(page, "event-detail-lead")

    learner_context = _context(browser, live_server, {"width": 1280, "height": 900})
    learner = learner_context.new_page()
    sign_in(learner, "learner@example.org", MEMBER_PASSWORD)
    learner.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    learner.get_by_role("link", name="Safe and Together: core training day").click()
    assert axe_check(learner) == []
    learner.get_by_role("button", name="Book a place").first.click()
    expect(learner.get_by_text("Your place is booked.")).to_be_visible()
    expect(learner.get_by_role("button", name="Send apologies")).to_be_visible()
    assert axe_check(learner) == []
    learner_context.close()

    phone_context = _context(browser, live_server, PHONE)
    phone = phone_context.new_page()
    sign_in(phone, "facilitator@example.org", MEMBER_PASSWORD)
    phone.goto("/events/")
    phone.get_by_role("link", name="Register: Safe and Together: core training day").first.click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = phone.get_by_role("checkbox", name="Lee Learner").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size, larger for a phone
    assert axe_check(phone) == []
    phone.get_by_role("button", name="Mark all present").click()
    expect(phone.get_by_role("checkbox", name="Lee Learner")).to_be_checked()
    phone.get_by_role("button", name="Save attendance").click()
    expect(phone.get_by_text("Attendance saved: 1 present.")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_check(phone) == []
    screenshot(phone, "event-register-phone")
    phone_context.close()

    page.goto(f"/coverage/organisation/{organisation.pk}/")
    heatmap = page.get_by_role(
        "table", name="Percentage of each team that has completed each required module"
    )
    expect(heatmap.get_by_role("row", name="Outreach")).to_contain_text("100%")
    expect(heatmap.get_by_role("row", name="Outreach")).to_contain_text("1 of 1")
    assert axe_check(page) == []
    screenshot(page, "event-coverage-met")
