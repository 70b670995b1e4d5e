"""Learning done elsewhere, on a 360 px phone: a learner records a course their organisation recognises, with
a PDF certificate as evidence; their supervisor verifies it; the requirement is met and the learner's CPD log
counts the hours. No horizontal scrolling and axe clean on every page."""

from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from learning.coverage.selectors.people import record_requirements
from learning.coverage.services import assignment_create
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.records.services import equivalence_create
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure
from tests.browser.conftest import MEMBER_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 360, "height": 740}
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _person(organisation, email, **roles):
    membership = MembershipFactory(organisation=organisation, user__email=email, **roles)
    EmailAddress.objects.create(user=membership.user, email=email, verified=True, primary=True)
    return membership


def _world():
    organisation = OrganisationFactory(name="NHS Testshire")
    lead = _person(organisation, "lead@example.org", is_learner=False, is_lead=True)
    supervisor = _person(organisation, "supervisor@example.org", is_supervisor=True)
    learner = _person(
        organisation,
        "learner@example.org",
        supervisor=supervisor,
        user__first_name="Lee",
        user__last_name="Lu",
    )
    module = ModulePageFactory(parent=site_structure_ensure(), title="Trauma-informed practice")
    LessonPageFactory(parent=module)
    assignment_create(
        organisation=organisation,
        module=module,
        created_by=lead.user,
        due_on=date.today() + timedelta(days=60),
    )
    equivalence_create(
        organisation=organisation,
        module=module,
        title="Trauma-Skilled e-module",
        provider="NES",
        user=lead.user,
    )
    return learner


def _phone(browser, live_server, policy_violations):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15000)
    return context, policy_violations(context.new_page())


def _readable(page, axe_check):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    assert axe_check(page) == [], page.url


def test_a_learner_records_learning_and_the_supervisor_verifies_it_on_a_phone(
    browser, live_server, policy_violations, sign_in, axe_check, artifact_dir
):
    learner = _world()
    context, phone = _phone(browser, live_server, policy_violations)
    sign_in(phone, "learner@example.org", MEMBER_PASSWORD)
    phone.goto("/my-learning/")
    phone.get_by_role("link", name="Record learning done elsewhere").click()
    _readable(phone, axe_check)
    phone.get_by_label("Title").fill("Trauma-Skilled e-module")
    phone.get_by_label("Provider").fill("NES")
    phone.get_by_label("Completed on").fill((date.today() - timedelta(days=5)).isoformat())
    phone.get_by_label("Hours:", exact=True).fill("3.5")
    phone.get_by_label("Participatory hours").fill("1")
    phone.get_by_label("Evidence (optional)").set_input_files(
        {"name": "certificate.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    phone.get_by_role("button", name="Send for verification").click()
    expect(phone.get_by_text("Recorded. Your supervisor or a lead will verify it.")).to_be_visible()
    _readable(phone, axe_check)
    phone.screenshot(path=str(artifact_dir / "records-recorded-phone.png"), full_page=True)
    context.close()

    context, phone = _phone(browser, live_server, policy_violations)
    sign_in(phone, "supervisor@example.org", MEMBER_PASSWORD)
    phone.goto("/learning-elsewhere/to-verify/")
    _readable(phone, axe_check)
    phone.get_by_role("link", name="Trauma-Skilled e-module").click()
    phone.get_by_role("radio", name="Verify").check()
    phone.get_by_role("button", name="Save decision").click()
    expect(phone.get_by_text("Verified. Lee Lu has been told.")).to_be_visible()
    _readable(phone, axe_check)
    context.close()

    assert record_requirements(membership=learner)[0].is_completed
    context, phone = _phone(browser, live_server, policy_violations)
    sign_in(phone, "learner@example.org", MEMBER_PASSWORD)
    phone.goto("/my-learning/")
    phone.get_by_role("link", name="My CPD log").click()
    expect(phone.get_by_text("Total: 3.50 hours, of which 1.00 participatory.")).to_be_visible()
    _readable(phone, axe_check)
    phone.screenshot(path=str(artifact_dir / "records-cpd-phone.png"), full_page=True)
    context.close()
