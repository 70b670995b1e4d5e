"""The staff page lists the people invited and not yet joined, with Resend and Cancel for the organisation's
leads only; invitation emails and pages say how long a link works in plain words."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning.organisations import services
from learning.organisations.factories import MembershipFactory, TeamFactory
from learning.organisations.models import Invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    return MembershipFactory(is_lead=True, is_learner=False)


@pytest.fixture
def invitation(lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.invitation_create(
            organisation=lead.organisation,
            email="pending@example.org",
            invited_by=lead.user,
            team=TeamFactory(organisation=lead.organisation, name="Outreach"),
            is_supervisor=True,
        )


def _link(message):
    return re.search(r"http://testserver(/invitations/\S+/)", message.body).group(1)


def test_the_staff_page_lists_a_pending_invitation_with_resend_and_cancel(client, lead, invitation):
    client.force_login(lead.user)
    html = client.get(reverse("organisation_staff", args=[lead.organisation.pk])).content.decode()
    section = html[html.index('id="invited-title"') :]
    invitation.refresh_from_db()
    row = section[section.index("pending@example.org") :]
    assert "Learner, Supervisor" in row and "Outreach" in row
    assert timezone.localtime(invitation.sent_at).strftime("%-d %b %Y") in row  # sent
    assert f"link works until {timezone.localtime(invitation.expires_at):%-d %b %Y}" in row
    for name in ("invitation_resend", "invitation_cancel"):
        action = reverse(name, args=[lead.organisation.pk, invitation.pk])
        form = re.search(rf'<form method="post"[^>]*action="{action}"[^>]*>', section).group(0)
        assert "data-confirm=" in form  # asks before it is sent (static/js/confirm-submit.js)
    assert "js/confirm-submit.js" in html


def test_resending_sends_a_new_link_and_the_old_one_stops_working(
    client, lead, invitation, django_capture_on_commit_callbacks
):
    old_link = _link(mail.outbox[-1])
    client.force_login(lead.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("invitation_resend", args=[lead.organisation.pk, invitation.pk]))
    assert response.url == reverse("organisation_staff", args=[lead.organisation.pk])
    assert len(mail.outbox) == 2 and _link(mail.outbox[-1]) != old_link
    client.logout()
    assert client.get(old_link).url == reverse("account_login")
    assert client.get(_link(mail.outbox[-1])).url == reverse("account_signup")


def test_cancelling_closes_the_invitation_and_takes_it_off_the_list(client, lead, invitation):
    client.force_login(lead.user)
    response = client.post(reverse("invitation_cancel", args=[lead.organisation.pk, invitation.pk]))
    assert response.url == reverse("organisation_staff", args=[lead.organisation.pk])
    assert Invitation.objects.get().cancelled_at is not None
    html = client.get(response.url).content.decode()
    assert "Invitation to pending@example.org cancelled." in html and 'id="invited-title"' not in html
    client.logout()
    assert client.get(_link(mail.outbox[-1])).url == reverse("account_login")


@pytest.mark.parametrize("who", ["learner", "supervisor"])
@pytest.mark.parametrize("name", ["invitation_resend", "invitation_cancel"])
def test_only_the_organisations_leads_may_resend_or_cancel(client, lead, invitation, who, name):
    member = MembershipFactory(organisation=lead.organisation, is_supervisor=who == "supervisor")
    client.force_login(member.user)
    assert client.post(reverse(name, args=[lead.organisation.pk, invitation.pk])).status_code == 403
    other_lead = MembershipFactory(is_lead=True)  # their own organisation in the URL, not the invitation's
    client.force_login(other_lead.user)
    assert client.post(reverse(name, args=[other_lead.organisation.pk, invitation.pk])).status_code == 404
    client.force_login(lead.user)
    assert client.get(reverse(name, args=[lead.organisation.pk, invitation.pk])).status_code == 405
    assert Invitation.objects.get().is_open and len(mail.outbox) == 1


def test_a_closed_invitation_cannot_be_resent(client, lead, invitation):
    services.invitation_cancel(invitation=invitation)
    client.force_login(lead.user)
    response = client.post(reverse("invitation_resend", args=[lead.organisation.pk, invitation.pk]))
    assert response.status_code == 404 and len(mail.outbox) == 1


def test_invitations_are_paged_apart_from_the_staff(client, lead):
    for n in range(27):
        services.invitation_create(
            organisation=lead.organisation, email=f"invited{n:02}@example.org", invited_by=lead.user
        )
    client.force_login(lead.user)
    url = reverse("organisation_staff", args=[lead.organisation.pk])
    first = client.get(url).content.decode()
    assert "27 invitations waiting" in first and "invited26@example.org" not in first
    assert 'href="?invited_page=2"' in first and 'aria-label="Invitation pages"' in first
    second = client.get(url, {"invited_page": 2}).content.decode()
    assert "invited26@example.org" in second and "invited00@example.org" not in second
    assert lead.user.email in second  # the staff list stays on its first page


def test_the_email_says_until_which_day_the_link_works(lead, invitation):
    body = mail.outbox[-1].body
    local = timezone.localtime(Invitation.objects.get().expires_at)
    assert f"This link works until {local:%-d %B %Y}." in body
    assert not re.search(r"\b(week|weeks|day|days|hours?|minutes?)\b", body)  # no "1 week, 6 days"
    html_part = mail.outbox[-1].alternatives[0][0]
    assert f"This link works until {local:%-d %B %Y}." in html_part


def test_the_invite_page_says_how_many_days_the_link_works(client, lead, settings):
    settings.INVITATION_VALID_DAYS = 21
    client.force_login(lead.user)
    html = client.get(reverse("invitation_new", args=[lead.organisation.pk])).content.decode()
    assert "The link works for 21 days." in html and "14 days" not in html
