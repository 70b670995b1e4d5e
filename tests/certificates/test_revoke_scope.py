"""A lead may revoke or re-issue only certificates earned while the person was a member of the lead's
organisation; the learner is emailed the reason. The staff-import takeover (a lead of B naming A's person)
no longer reaches A's person's certificates at all."""

import importlib
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import certificates.migrations
from certificates.models import Certificate
from learning.coverage.models import StaffImport
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.organisations.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def earned_at_a(member, module, complete_lessons):
    """`member` (of organisation A) earns a certificate there; B is another organisation with a lead."""
    complete_lessons(member.user, module)
    b = OrganisationFactory(name="Organisation B")
    return {
        "certificate": Certificate.objects.get(user=member.user),
        "a_lead": MembershipFactory(organisation=member.organisation, is_lead=True).user,
        "b": b,
        "b_lead": MembershipFactory(organisation=b, is_lead=True),
    }


def _verify_status(client, certificate):
    html = client.get(reverse("certificate_verify", args=[certificate.code])).content.decode()
    return re.search(r"<strong>\s*(\w+)", html).group(1)


def _b_lead_imports(client, b_lead, email, capture):
    client.force_login(b_lead.user)
    client.post(
        reverse("coverage_import", args=[b_lead.organisation.pk]),
        {
            "file": SimpleUploadedFile(
                "staff.csv", f"name,email\nAlex Morgan,{email}\n".encode(), content_type="text/csv"
            )
        },
    )
    with capture(execute=True):
        client.post(
            reverse("coverage_import_confirm", args=[b_lead.organisation.pk, StaffImport.objects.get().pk])
        )


def test_a_staff_import_by_another_organisation_reaches_nothing(
    client, member, earned_at_a, django_capture_on_commit_callbacks
):
    certificate, b_lead = earned_at_a["certificate"], earned_at_a["b_lead"]
    _b_lead_imports(client, b_lead, member.user.email, django_capture_on_commit_callbacks)
    assert not Membership.objects.filter(user=member.user, organisation=earned_at_a["b"]).exists()
    assert client.get(reverse("coverage_record", args=[member.pk])).status_code == 403
    assert client.get(reverse("certificate_pdf", args=[certificate.code])).status_code == 404
    manage = reverse("certificate_manage", args=[certificate.code])
    assert client.get(manage).status_code == 404
    assert client.post(manage, {"action": "revoke", "reason": "Mine now"}).status_code == 404
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    client.logout()
    assert _verify_status(client, certificate) == "Valid"


def test_after_joining_b_its_lead_still_cannot_revoke_what_was_earned_at_a(
    client, member, module, earned_at_a, django_capture_on_commit_callbacks
):
    certificate, b_lead = earned_at_a["certificate"], earned_at_a["b_lead"]
    _b_lead_imports(client, b_lead, member.user.email, django_capture_on_commit_callbacks)
    link = re.search(r"http://testserver(/invitations/\S+/)", mail.outbox[-1].body).group(1)
    client.force_login(member.user)
    client.post(link, {"action": "accept"})
    assert Membership.objects.filter(user=member.user, organisation=earned_at_a["b"], is_active=True).exists()

    client.force_login(b_lead.user)
    manage = reverse("certificate_manage", args=[certificate.code])
    assert client.get(manage).status_code == 404
    assert client.post(manage, {"action": "revoke", "reason": "Mine now"}).status_code == 404
    assert client.post(manage, {"action": "reissue", "reason": "Mine now"}).status_code == 404
    listing = client.get(reverse("organisation_certificates", args=[earned_at_a["b"].pk])).content.decode()
    assert (
        certificate.code in listing and manage not in listing
    )  # listed (they are a member now), not manageable
    client.logout()
    assert _verify_status(client, certificate) == "Valid"

    client.force_login(earned_at_a["a_lead"])  # where it was earned, the lead still may
    assert client.get(manage).status_code == 200


def test_the_certificate_records_where_it_was_earned_and_a_reissue_keeps_it(client, member, earned_at_a):
    certificate = earned_at_a["certificate"]
    assert list(certificate.earned_in.all()) == [member.organisation]
    MembershipFactory(user=member.user, organisation=earned_at_a["b"])  # joins B later
    client.force_login(earned_at_a["a_lead"])
    client.post(
        reverse("certificate_manage", args=[certificate.code]), {"action": "reissue", "reason": "Name change"}
    )
    replacement = Certificate.objects.get(completion=certificate.completion, version=2)
    assert list(replacement.earned_in.all()) == [member.organisation]


@pytest.mark.parametrize(
    "action,subject,said",
    [
        ("revoke", "revoked", "has been revoked"),
        ("reissue", "re-issued", "has been re-issued"),
    ],
)
def test_the_learner_is_emailed_the_reason(
    client, member, earned_at_a, django_capture_on_commit_callbacks, action, subject, said
):
    client.force_login(earned_at_a["a_lead"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("certificate_manage", args=[earned_at_a["certificate"].code]),
            {"action": action, "reason": "Issued <in> error"},
        )
    to_learner = [m for m in mail.outbox if m.to == [member.user.email]]
    assert len(to_learner) == 1
    message = to_learner[0]
    assert subject in message.subject and said in message.body and "Issued <in> error" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Issued &lt;in&gt; error" in html and said in html


def test_the_data_migration_counts_only_memberships_begun_by_the_completion(member, earned_at_a):
    """Existing certificates: where the person was a member on the day they completed (a membership added
    later, as by the old staff import, does not count)."""
    certificate = earned_at_a["certificate"]
    certificate.earned_in.clear()
    today = timezone.localdate()
    Certificate.objects.filter(pk=certificate.pk).update(completed_at=timezone.now() - timedelta(days=3))
    Membership.objects.filter(pk=member.pk).update(joined_on=today - timedelta(days=30))
    MembershipFactory(user=member.user, organisation=earned_at_a["b"], joined_on=today)  # attached after
    name = next(Path(certificates.migrations.__file__).parent.glob("*_certificate_earned_in.py")).stem
    migration = importlib.import_module(f"certificates.migrations.{name}")
    migration.fill_earned_in(apps, None)
    assert list(certificate.earned_in.all()) == [member.organisation]
