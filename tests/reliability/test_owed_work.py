"""The owed-work sweep: what is owed for longer than OWED_AFTER_MINUTES is queued again (eagerly here), done
once, and then no longer owed; emails are given up after OWED_EMAIL_GIVE_UP_DAYS; a ZIP whose worker died is
built again, or failed after its attempts with a button to try again."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from assessments.models import Notification
from certificates import services as certificate_services
from certificates.models import Certificate, CertificateBundle
from learning.core.owed import BUILD_ATTEMPTS as MAX_ATTEMPTS
from learning.core.owed import owed_requeue
from learning.organisations import services as organisations
from learning.organisations.factories import MembershipFactory
from learning.organisations.models import Invitation
from learning.progress.models import ModuleCompletion
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


def _ago(**delta):
    return timezone.now() - timedelta(**delta)


@pytest.fixture
def completion():
    """A completion whose certificate task never ran (the broker was down when it was queued)."""
    member = MembershipFactory()
    module = ModulePageFactory(parent=site_structure_ensure())
    return ModuleCompletion.objects.create(
        user=member.user, module=module, completed_at=timezone.now(), cpd_minutes=30
    )


def test_owed_work_waits_its_turn_then_is_done_once_and_is_owed_no_more(completion):
    assert owed_requeue()["certificate"] == 0  # just owed: its own task may still be on its way
    ModuleCompletion.objects.filter(pk=completion.pk).update(completed_at=_ago(minutes=6))
    assert owed_requeue()["certificate"] == 1
    certificate = Certificate.objects.get(completion=completion)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=_ago(minutes=6))
    counts = owed_requeue()
    assert counts["certificate"] == 0 and counts["certificate email"] == 1
    assert [m.to for m in mail.outbox] == [[completion.user.email]] and certificate.code in mail.outbox[
        0
    ].body
    assert owed_requeue(older_than=timedelta(0)) == dict.fromkeys(counts, 0)  # nothing owed is left anywhere
    assert Certificate.objects.filter(completion=completion).count() == 1


def test_a_notification_email_is_owed_for_a_few_days_and_not_once_read(settings):
    member = MembershipFactory()
    owed, late, read = (
        Notification.objects.create(user=member.user, message=m, url="/") for m in ("a", "b", "c")
    )
    Notification.objects.filter(pk=owed.pk).update(created_at=_ago(days=1))
    Notification.objects.filter(pk=late.pk).update(
        created_at=_ago(days=settings.OWED_EMAIL_GIVE_UP_DAYS, minutes=1)
    )
    Notification.objects.filter(pk=read.pk).update(created_at=_ago(days=1), read_at=timezone.now())
    assert owed_requeue()["notification email"] == 1
    assert [m.subject.endswith("a") for m in mail.outbox] == [True]
    assert list(Notification.objects.filter(emailed_at__isnull=False)) == [owed]


def test_a_resent_invitation_is_owed_its_new_link(django_capture_on_commit_callbacks):
    lead = MembershipFactory(is_lead=True, is_learner=False)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = organisations.invitation_create(
            organisation=lead.organisation, email="new@example.org", invited_by=lead.user
        )
    assert Invitation.objects.get().sent_at is not None and len(mail.outbox) == 1
    with django_capture_on_commit_callbacks():  # the broker lost the resend's message
        organisations.invitation_resend(invitation=invitation)
    Invitation.objects.update(issued_at=_ago(minutes=6))
    assert owed_requeue()["invitation email"] == 1
    invitation = Invitation.objects.get()
    assert (
        invitation.sent_at is not None and len(mail.outbox) == 2 and invitation.token in mail.outbox[1].body
    )


@pytest.fixture
def bundle(completion):
    certificate_services.certificate_issue(completion=completion)
    lead = MembershipFactory(organisation=completion.user.memberships.get().organisation, is_lead=True)
    return CertificateBundle.objects.create(organisation=lead.organisation, requested_by=lead.user)


def test_a_zip_whose_worker_died_is_built_again(bundle):
    CertificateBundle.objects.filter(pk=bundle.pk).update(
        status=CertificateBundle.Status.RUNNING, attempts=1, done=10, updated_at=_ago(minutes=6)
    )
    assert owed_requeue()["certificate ZIP"] == 1
    bundle.refresh_from_db()
    assert (bundle.status, bundle.attempts, bundle.total) == (CertificateBundle.Status.READY, 2, 1)


def test_a_zip_that_keeps_losing_its_worker_is_failed_and_offers_to_try_again(bundle, client):
    CertificateBundle.objects.filter(pk=bundle.pk).update(
        status=CertificateBundle.Status.RUNNING, attempts=MAX_ATTEMPTS, updated_at=_ago(minutes=6)
    )
    owed_requeue()
    bundle.refresh_from_db()
    assert bundle.status == CertificateBundle.Status.FAILED
    assert (
        owed_requeue(older_than=timedelta(0))["certificate ZIP"] == 0
    )  # failed is not owed: the lead decides
    client.force_login(bundle.requested_by)
    page = client.get(reverse("bundle_detail", args=[bundle.pk])).content.decode()
    assert "Something went wrong preparing the ZIP." in page and ">Try again</button>" in page


def test_work_that_keeps_failing_is_queued_again_once_an_hour_not_at_every_sweep(settings, monkeypatch):
    from assessments import tasks

    sent = []
    monkeypatch.setattr(
        tasks.notification_email, "delay", lambda *args: sent.append(args)
    )  # delivered, never done
    notification = Notification.objects.create(user=MembershipFactory().user, message="a", url="/")
    Notification.objects.filter(pk=notification.pk).update(created_at=_ago(minutes=6))
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert owed_requeue()["notification email"] == 1
        clock.shift(timedelta(minutes=settings.OWED_REQUEUE_GAP_MINUTES - 1))
        assert owed_requeue()["notification email"] == 0  # it may still be retrying: no second copy
        clock.shift(timedelta(minutes=2))
        assert owed_requeue()["notification email"] == 1
    assert sent == [(notification.pk,), (notification.pk,)]
