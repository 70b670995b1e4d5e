"""A lead's "no emails" choice stops the monthly coverage report; a lead who did not choose it still gets it
(a planted bug here once went unnoticed). Frequencies: tests/coverage/test_reminders.py."""

from datetime import date, timedelta

import pytest
from django.core import mail

from learning.coverage import services as coverage
from learning.coverage.models import Assignment, EmailPreference
from learning.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_monthly_report_skips_only_the_lead_who_chose_no_emails(org, make_module, committed):
    committed(
        coverage.assignment_create,
        organisation=org.organisation,
        module=make_module(title="GIRFEC"),
        created_by=None,
        scope=Assignment.Scope.TEAM,
        team=org.red,
        due_on=date.today() + timedelta(days=5),
    )
    quiet_lead = org.lead.user
    weekly_lead = MembershipFactory(organisation=org.organisation, is_learner=False, is_lead=True).user
    default_lead = MembershipFactory(organisation=org.organisation, is_learner=False, is_lead=True).user
    coverage.email_preference_set(user=quiet_lead, frequency=EmailPreference.Frequency.OFF)
    coverage.email_preference_set(user=weekly_lead, frequency=EmailPreference.Frequency.WEEKLY)
    mail.outbox.clear()
    assert coverage.monthly_reports_send() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([weekly_lead.email, default_lead.email])
    assert all(m.attachments for m in mail.outbox)
