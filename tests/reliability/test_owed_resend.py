"""A resend starts the owed clock again: an invitation first sent weeks ago and resent today is owed its new
link minutes later, not given up because the invitation itself is old."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from learning.core.owed import owed_requeue
from learning.organisations import services as organisations
from learning.organisations.factories import MembershipFactory
from learning.organisations.models import Invitation

pytestmark = pytest.mark.django_db


def test_an_old_invitation_resent_today_is_owed_its_new_link(django_capture_on_commit_callbacks):
    lead = MembershipFactory(is_lead=True, is_learner=False)
    weeks_ago = timezone.now() - timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = organisations.invitation_create(
            organisation=lead.organisation, email="old@example.org", invited_by=lead.user
        )
    Invitation.objects.update(created_at=weeks_ago, expires_at=weeks_ago + timedelta(days=14))
    with django_capture_on_commit_callbacks():  # the broker lost the resend's message
        organisations.invitation_resend(invitation=invitation)
    assert owed_requeue()["invitation email"] == 0  # just resent: its own task may still be on its way
    assert owed_requeue(older_than=timedelta(0))["invitation email"] == 1
    assert len(mail.outbox) == 2 and Invitation.objects.get().token in mail.outbox[1].body
