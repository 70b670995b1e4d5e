"""Accounts are never taken over: a staff import or invitation naming someone who already has an account
elsewhere invites them; they join only by accepting, on a page that shows what they are joining."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning.coverage.models import StaffImport
from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory
from learning.organisations.models import Invitation, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_orgs():
    """Organisation A with a learner; organisation B with a lead, a supervisor and a team."""
    a, b = OrganisationFactory(name="Harbour Recovery"), OrganisationFactory(name="NHS Testshire")
    person = MembershipFactory(
        organisation=a, user__email="pat.a@example.org", user__first_name="Pat", user__last_name="Reid"
    )
    lead = MembershipFactory(
        organisation=b, is_lead=True, is_learner=False, user__first_name="Lee", user__last_name="Lead"
    )
    supervisor = MembershipFactory(organisation=b, is_supervisor=True, user__email="sam.b@example.org")
    return {
        "a": a,
        "b": b,
        "person": person,
        "lead": lead,
        "supervisor": supervisor,
        "team": TeamFactory(organisation=b, name="Outreach"),
    }


def _csv(*rows):
    return "name,email,team,job title,supervisor email,roles\n" + "".join(f"{row}\n" for row in rows)


def _import(client, lead, text, capture):
    organisation = lead.organisation
    client.force_login(lead.user)
    preview = client.post(
        reverse("coverage_import", args=[organisation.pk]),
        {"file": SimpleUploadedFile("staff.csv", text.encode(), content_type="text/csv")},
    )
    pending = StaffImport.objects.get(organisation=organisation, applied_at__isnull=True)
    with capture(execute=True):
        done = client.post(
            reverse("coverage_import_confirm", args=[organisation.pk, pending.pk]), follow=True
        )
    return preview.content.decode(), done.content.decode()


def _link(message):
    return re.search(r"http://testserver(/invitations/\S+/)", message.body).group(1)


def test_import_naming_another_organisations_person_invites_them_and_adds_nobody(
    client, two_orgs, django_capture_on_commit_callbacks
):
    person, lead = two_orgs["person"], two_orgs["lead"]
    text = _csv(
        "Pat Reid,Pat.A@example.org,Outreach,Nurse,sam.b@example.org,learner",
        "New Person,new.person@example.org,Outreach,Nurse,,learner",
    )
    preview, done = _import(client, lead, text, django_capture_on_commit_callbacks)

    assert "1 person with an account elsewhere will be invited" in preview
    assert re.search(r"pat\.a@example\.org</td>.*?<td>[^<]*Invited", preview, re.S)
    assert re.search(r"new\.person@example\.org</td>.*?<td>[^<]*New account", preview, re.S)
    assert "1 new, 0 updated, 1 invited" in done
    assert not Membership.objects.filter(user=person.user, organisation=two_orgs["b"]).exists()
    assert Membership.objects.filter(
        user__email="new.person@example.org", organisation=two_orgs["b"]
    ).exists()
    invitation = Invitation.objects.get(organisation=two_orgs["b"], email="pat.a@example.org")
    assert (invitation.team, invitation.job_title, invitation.supervisor) == (
        two_orgs["team"],
        "Nurse",
        two_orgs["supervisor"],
    )
    assert invitation.invited_by == lead.user and invitation.is_open
    invited_mail = [m for m in mail.outbox if m.to == ["pat.a@example.org"]]
    assert len(invited_mail) == 1 and "NHS Testshire" in invited_mail[0].subject
    person.user.refresh_from_db()
    assert (person.user.first_name, person.user.last_name) == ("Pat", "Reid")

    # Until they accept, B's lead sees them as invited and nothing of their record.
    staff = client.get(reverse("organisation_staff", args=[two_orgs["b"].pk])).content.decode()
    assert re.search(r"pat\.a@example\.org.*?Invited", staff, re.S)
    assert client.get(reverse("coverage_record", args=[person.pk])).status_code == 403
    assert client.get(reverse("coverage_record_export_csv", args=[person.pk])).status_code == 403


def test_reimporting_the_same_file_leaves_the_invitation_alone(
    client, two_orgs, django_capture_on_commit_callbacks
):
    text = _csv("Pat Reid,pat.a@example.org,,,,learner")
    _import(client, two_orgs["lead"], text, django_capture_on_commit_callbacks)
    first = Invitation.objects.get(email="pat.a@example.org")
    mail.outbox.clear()
    _import(client, two_orgs["lead"], text, django_capture_on_commit_callbacks)
    assert list(Invitation.objects.values_list("pk", flat=True)) == [first.pk] and mail.outbox == []


def test_an_invited_person_cannot_supervise_others_in_the_file(client, two_orgs):
    client.force_login(two_orgs["lead"].user)
    text = _csv(
        "Pat Reid,pat.a@example.org,,,,learner; supervisor",
        "Ash Khan,ash@example.org,,,pat.a@example.org,learner",
    )
    page = client.post(
        reverse("coverage_import", args=[two_orgs["b"].pk]),
        {"file": SimpleUploadedFile("staff.csv", text.encode(), content_type="text/csv")},
    ).content.decode()
    assert "will be invited, so cannot supervise anyone until they accept" in page
    assert not StaffImport.objects.exists()


def test_the_person_sees_what_they_are_invited_to_and_joins_only_by_accepting(
    client, two_orgs, django_capture_on_commit_callbacks
):
    _import(
        client,
        two_orgs["lead"],
        _csv("Pat Reid,pat.a@example.org,Outreach,Nurse,sam.b@example.org,learner; supervisor"),
        django_capture_on_commit_callbacks,
    )
    link = _link(mail.outbox[-1])
    person = two_orgs["person"]

    client.logout()  # signed out, with an account: asked to sign in, and brought back
    response = client.get(link)
    assert (
        response.status_code == 302
        and response.url.startswith(reverse("account_login"))
        and link in response.url
    )

    client.force_login(person.user)
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    for shown in ("NHS Testshire", "Outreach", "Nurse", "Learner", "Supervisor", "Lee Lead"):
        assert shown in html, shown
    assert 'name="action" value="accept"' in html and 'name="action" value="decline"' in html
    assert not Membership.objects.filter(
        user=person.user, organisation=two_orgs["b"]
    ).exists()  # GET never accepts

    response = client.post(link, {"action": "accept"})
    assert response.status_code == 302
    joined = Membership.objects.get(user=person.user, organisation=two_orgs["b"])
    assert (joined.team, joined.is_supervisor, joined.supervisor) == (
        two_orgs["team"],
        True,
        two_orgs["supervisor"],
    )
    assert Membership.objects.get(pk=person.pk).is_active  # still a member of A too
    assert client.get(link).status_code == 302  # used


def test_declining_closes_the_invitation_and_adds_nothing(
    client, two_orgs, django_capture_on_commit_callbacks
):
    _import(
        client,
        two_orgs["lead"],
        _csv("Pat Reid,pat.a@example.org,,,,learner"),
        django_capture_on_commit_callbacks,
    )
    link = _link(mail.outbox[-1])
    client.force_login(two_orgs["person"].user)
    assert client.post(link, {"action": "decline"}).status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.declined_at is not None and not invitation.is_open
    assert not Membership.objects.filter(user=two_orgs["person"].user, organisation=two_orgs["b"]).exists()


def test_someone_else_signed_in_cannot_see_or_accept_it(client, two_orgs, django_capture_on_commit_callbacks):
    _import(
        client,
        two_orgs["lead"],
        _csv("Pat Reid,pat.a@example.org,,,,learner"),
        django_capture_on_commit_callbacks,
    )
    link = _link(mail.outbox[-1])
    intruder = MembershipFactory(organisation=two_orgs["a"])
    client.force_login(intruder.user)
    page = client.get(link)
    assert page.status_code == 403 and "NHS Testshire" not in page.content.decode()
    assert client.post(link, {"action": "accept"}).status_code == 403
    assert Invitation.objects.get().is_open
    assert not Membership.objects.filter(organisation=two_orgs["b"], user=intruder.user).exists()


def test_lead_resends_and_cancels_from_the_staff_list(client, two_orgs, django_capture_on_commit_callbacks):
    lead = two_orgs["lead"]
    _import(client, lead, _csv("Pat Reid,pat.a@example.org,,,,learner"), django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    old_link = _link(mail.outbox[-1])
    staff = client.get(reverse("organisation_staff", args=[two_orgs["b"].pk])).content.decode()
    resend, cancel = (
        reverse(name, args=[two_orgs["b"].pk, invitation.pk])
        for name in ("invitation_resend", "invitation_cancel")
    )
    assert f'action="{resend}"' in staff and f'action="{cancel}"' in staff
    assert client.get(resend).status_code == 405 and client.get(cancel).status_code == 405

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(resend).status_code == 302
    assert [m.to for m in mail.outbox] == [["pat.a@example.org"]]
    new_link = _link(mail.outbox[0])
    assert new_link != old_link  # the old link stops working: only the newest email opens it

    assert client.post(cancel).status_code == 302
    assert Invitation.objects.get().cancelled_at is not None
    client.force_login(two_orgs["person"].user)
    assert client.get(new_link).status_code == 302  # gone: to the sign-in page with a message
    assert not Membership.objects.filter(user=two_orgs["person"].user, organisation=two_orgs["b"]).exists()


def test_another_lead_cannot_resend_or_cancel(client, two_orgs, django_capture_on_commit_callbacks):
    _import(
        client,
        two_orgs["lead"],
        _csv("Pat Reid,pat.a@example.org,,,,learner"),
        django_capture_on_commit_callbacks,
    )
    invitation = Invitation.objects.get()
    other_lead = MembershipFactory(organisation=two_orgs["a"], is_lead=True)
    client.force_login(other_lead.user)
    for name in ("invitation_resend", "invitation_cancel"):
        assert client.post(reverse(name, args=[two_orgs["b"].pk, invitation.pk])).status_code == 403
        assert client.post(reverse(name, args=[two_orgs["a"].pk, invitation.pk])).status_code == 404
    assert Invitation.objects.get().is_open


def test_the_invitation_form_naming_an_existing_account_does_not_add_them(
    client, two_orgs, django_capture_on_commit_callbacks
):
    client.force_login(two_orgs["lead"].user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("invitation_new", args=[two_orgs["b"].pk]), {"email": "pat.a@example.org"})
    assert Invitation.objects.get().email == "pat.a@example.org"
    assert not Membership.objects.filter(user=two_orgs["person"].user, organisation=two_orgs["b"]).exists()
    assert mail.outbox[-1].to == ["pat.a@example.org"]


def test_members_of_the_same_organisation_are_still_updated(
    client, two_orgs, django_capture_on_commit_callbacks
):
    member = MembershipFactory(organisation=two_orgs["b"], user__email="kim.b@example.org", job_title="Nurse")
    _preview, done = _import(
        client,
        two_orgs["lead"],
        _csv("Kim B,kim.b@example.org,Outreach,Charge nurse,,learner"),
        django_capture_on_commit_callbacks,
    )
    assert "0 new, 1 updated, 0 invited" in done
    member.refresh_from_db()
    assert (member.team, member.job_title) == (two_orgs["team"], "Charge nurse")
    assert not Invitation.objects.exists()
