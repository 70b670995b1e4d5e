"""Every email the platform sends, driven through its own service or view: a text and an HTML part from the
branded base, no HTML entities in the text, the site's name (SITE_NAME) in the subject, and every link on
WAGTAILADMIN_BASE_URL, never on the host a request came in on. Parsed as a mail reader would, strictly."""

import email
import email.policy
import re
from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils.html import escape

from assessments.practice.services.notifications import notification_send
from certificates import services as certificates
from certificates.models import Certificate
from learning.coverage import services as coverage
from learning.coverage.models import Assignment, EmailPreference
from learning.organisations import services as organisations
from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory
from learning.privacy.erasure import erasure_request_create
from learning.progress.services import lesson_complete
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db

BASE_URL = "https://learning.wholefamily.test"
SITE_NAME = "Family Learning North"
FORBIDDEN_HOSTS = ("127.0.0.1", "testserver", "example.com")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)
# An apostrophe and an ampersand: autoescaping turned them into entities in the text part.
MODULE = "Children's safety & families"


@pytest.fixture(autouse=True)
def _configured_site(settings):
    """A name and address unlike the test client's host, so anything built from the request shows."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.SITE_NAME = SITE_NAME


def _parts(message):
    """(text, html) of a sent message, parsed strictly from its bytes; exactly one alternative of each."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.strict)
    alternatives = [part for part in parsed.walk() if part.get_content_type() == "multipart/alternative"]
    assert len(alternatives) == 1, message.subject
    parts = list(alternatives[0].iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"], message.subject
    return parts[0].get_content(), parts[1].get_content()


def _check(message):
    text, html = _parts(message)
    assert message.subject.startswith(f"[{SITE_NAME}] "), message.subject
    assert not ENTITY.search(text), (message.subject, ENTITY.search(text).group())
    for host in FORBIDDEN_HOSTS:
        assert host not in text and host not in html, (message.subject, host)
    text_links, html_links = re.findall(r"https?://[^\s\"'<>]+", text), re.findall(r'href="([^"]+)"', html)
    assert text_links and html_links, message.subject
    for link in text_links + html_links:
        assert link.startswith(BASE_URL + "/"), (message.subject, link)
    assert SITE_NAME in text and SITE_NAME in html  # the branded base: the name and a link home in the footer
    assert re.search(r'<html lang="[a-z]{2}', html) and f"<title>{escape(message.subject)}</title>" in html
    assert "<img" not in html and "@import" not in html and "url(" not in html  # nothing fetched from outside
    return text, html


def _check_all(outbox, *, expected):
    assert len(outbox) >= expected
    return [_check(message) for message in outbox]


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    """An organisation with a lead, a supervisor and a learner (an apostrophe in her name), and a live module
    with one lesson, assigned to her team and due in five days."""
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="NHS O'Brien & Partners")
        team = TeamFactory(organisation=organisation, name="Red")
        lead = MembershipFactory(organisation=organisation, is_learner=False, is_lead=True)
        supervisor = MembershipFactory(organisation=organisation, team=team, is_supervisor=True)
        learner = MembershipFactory(
            organisation=organisation,
            team=team,
            supervisor=supervisor,
            user__first_name="Aoife",
            user__last_name="O'Neill",
        )
        module = ModulePageFactory(parent=site_structure_ensure(), title=MODULE, validity_months=36)
        LessonPageFactory(parent=module)
        coverage.assignment_create(
            organisation=organisation,
            module=module,
            created_by=None,
            scope=Assignment.Scope.TEAM,
            team=team,
            due_on=date.today() + timedelta(days=5),
        )
    mail.outbox.clear()
    return organisation, lead, supervisor, learner, module


def test_certificate_issued_reissued_reminded_and_revoked(world, django_capture_on_commit_callbacks):
    _organisation, lead, _supervisor, learner, module = world
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in LessonPage.objects.child_of(module).live():
            lesson_complete(user=learner.user, lesson=lesson)
    first = Certificate.objects.get(user=learner.user)
    with django_capture_on_commit_callbacks(execute=True):
        second = certificates.certificate_reissue(
            certificate=first, actor=lead.user, reason="Learner's new name"
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert certificates.certificate_remind_if_due(certificate=second, thresholds=[5000])
    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_revoke(
            certificate=second, actor=lead.user, reason="Issued in error, it's void"
        )
    messages = _check_all(mail.outbox, expected=4)
    assert len(mail.outbox) == 4
    for text, html in messages:
        assert "O'Neill" in text and "O&#x27;Neill" in html  # plain in the text, escaped in the HTML
    assert "Learner's new name" in messages[1][0] and "it's void" in messages[3][0]


def test_notification(world, django_capture_on_commit_callbacks):
    _organisation, _lead, supervisor, learner, _module = world
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            user=supervisor.user,
            message=f"{learner.user} sent you a reflection to review",
            url="/reflections/1/",
        )
    [(text, _html)] = _check_all(mail.outbox, expected=1)
    assert f"{BASE_URL}/reflections/1/" in text and "O'Neill sent you" in mail.outbox[0].subject


def test_coverage_reminder_weekly_digest_and_monthly_report(world, monkeypatch):
    learner = world[3]
    assert coverage.reminders_send() == 2  # the learner and her supervisor (both in Red)
    coverage.email_preference_set(user=learner.user, frequency=EmailPreference.Frequency.WEEKLY)
    assert coverage.weekly_summaries_send() == 1

    class Queue:
        def count(self):
            return 2

    monkeypatch.setattr("learning.coverage.services.reminders.review_queue", lambda user: Queue())
    assert coverage.supervisor_digests_send() == 1
    assert coverage.monthly_reports_send() == 1
    messages = _check_all(mail.outbox, expected=5)
    assert len(mail.outbox) == 5
    assert all(f"{BASE_URL}/" in text and "Choose how often" in text for text, _html in messages)
    assert MODULE in messages[0][0] and "Children&#x27;s safety &amp; families" in messages[0][1]
    assert mail.outbox[-1].attachments[0][0].endswith(".xlsx")  # the monthly report keeps its spreadsheet


def test_staff_invitation(world):
    organisation = world[0]
    person = UserFactory(first_name="Ciarán", password=None)  # added by a staff import: no password yet
    assert coverage.staff_invitation_send(user_id=person.pk, organisation_id=organisation.pk)
    [(text, _html)] = _check_all(mail.outbox, expected=1)
    assert f"{BASE_URL}/accounts/password/reset/key/" in text and "NHS O'Brien & Partners" in text


def test_organisation_invitation_and_membership_change(world, django_capture_on_commit_callbacks):
    organisation, lead, _supervisor, learner, _module = world
    with django_capture_on_commit_callbacks(execute=True):
        organisations.invitation_create(
            organisation=organisation, email="new.person@example.org", invited_by=lead.user
        )
    with django_capture_on_commit_callbacks(execute=True):
        organisations.membership_upsert(
            user=learner.user,
            organisation=organisation,
            team=learner.team,
            is_learner=True,
            is_supervisor=True,
            supervisor=None,
            actor=lead.user,
        )
    messages = _check_all(mail.outbox, expected=2)
    assert f"{BASE_URL}/invitations/" in messages[0][0] and "O'Brien & Partners" in messages[1][0]


def test_erasure_request_to_admins(world, django_capture_on_commit_callbacks):
    UserFactory(is_staff=True, is_superuser=True, email="dpo@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        erasure_request_create(user=world[3].user)
    _check_all(mail.outbox, expected=1)


# allauth's account emails: driven through its views on the test client, whose host is "testserver".


def test_password_reset_for_an_account_and_for_an_unknown_address(client, world):
    learner = world[3]
    client.post("/accounts/password/reset/", {"email": learner.user.email})
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    messages = _check_all(mail.outbox, expected=2)
    assert len(mail.outbox) == 2
    assert f"{BASE_URL}/accounts/password/reset/key/" in messages[0][0]
    assert f"{BASE_URL}/accounts/signup/" in messages[1][0]
    assert "Hello from" not in messages[0][0]  # allauth's default greeting named the request's host


def test_email_confirmation(client, db):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.post("/accounts/login/", {"login": user.email, "password": "a-good-test-password"})
    [(text, _html)] = _check_all(mail.outbox, expected=1)
    assert f"{BASE_URL}/accounts/confirm-email/" in text


def test_sign_up_with_an_address_that_has_an_account(client, settings, world):
    settings.ACCOUNT_OPEN_SIGNUP = True
    client.post(
        "/accounts/signup/",
        {
            "email": world[3].user.email,
            "password1": "Another-good-pass-42",
            "password2": "Another-good-pass-42",
        },
    )
    [(text, _html)] = _check_all(mail.outbox, expected=1)
    assert f"{BASE_URL}/accounts/password/reset/" in text
