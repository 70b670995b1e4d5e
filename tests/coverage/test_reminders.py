"""Reminder emails by each person's chosen frequency; supervisors' weekly digest; leads' monthly report.
Every send happens once per occasion, and a failed send is tried again next time."""

import io
import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learning.coverage import services
from learning.coverage.models import Assignment, EmailPreference, NotificationSent

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_soon(org, make_module, committed):
    module = make_module(title="GIRFEC in practice")
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        scope=Assignment.Scope.TEAM,
        team=org.red,
        due_on=date.today() + timedelta(days=5),
    )
    return module


def _to(email):
    return [m for m in mail.outbox if m.to == [email]]


def test_as_things_fall_due_due_soon_then_overdue_each_once(org, due_soon):
    learner = org.learners[0].user
    assert services.reminders_send() == 2  # the learner and their supervisor (both in Red)
    assert "GIRFEC in practice: due on" in _to(learner.email)[0].body
    assert services.reminders_send() == 0
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        services.reminders_send()
        services.reminders_send()
    assert len(_to(learner.email)) == 2 and "overdue, it was due on" in _to(learner.email)[1].body


def test_weekly_and_off(org, due_soon):
    weekly, off = org.learners[0].user, org.supervisor.user
    services.email_preference_set(user=weekly, frequency=EmailPreference.Frequency.WEEKLY)
    services.email_preference_set(user=off, frequency=EmailPreference.Frequency.OFF)
    assert services.reminders_send() == 0
    assert services.weekly_summaries_send() == 1 and services.weekly_summaries_send() == 0
    assert "GIRFEC in practice" in _to(weekly.email)[0].body and not _to(off.email)


def test_supervisor_digest_lists_overdue_staff_and_reviews_waiting(org, due_soon, monkeypatch):
    assert services.supervisor_digests_send() == 0  # nothing overdue, nothing to review: no email
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert services.supervisor_digests_send() == 1
        assert services.supervisor_digests_send() == 0  # once a week
    body = _to(org.supervisor.user.email)[0].body
    assert org.learners[0].user.get_full_name() in body and "GIRFEC in practice" in body
    assert org.learners[1].user.get_full_name() not in body  # not theirs to supervise


def test_supervisor_digest_counts_reflections_waiting(org, monkeypatch):
    class Queue:
        def count(self):
            return 2

    monkeypatch.setattr("learning.coverage.services.reminders.review_queue", lambda user: Queue())
    assert services.supervisor_digests_send() == 1
    assert "2 reflections are waiting for your review." in _to(org.supervisor.user.email)[0].body


def test_monthly_report_to_leads_with_the_spreadsheet(org, due_soon):
    assert services.monthly_reports_send() == 1 and services.monthly_reports_send() == 0
    message = _to(org.lead.user.email)[0]
    assert "GIRFEC in practice: 0% complete (0 of 2)" in message.body
    name, content, _mimetype = message.attachments[0]
    assert name.endswith(".xlsx") and load_workbook(io.BytesIO(content))["Modules"]["B2"].value == 2


def test_a_failed_send_is_tried_again(org, due_soon, monkeypatch):
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send", lambda self: (_ for _ in ()).throw(OSError("SMTP down"))
    )
    with pytest.raises(OSError):
        services.reminders_send()
    assert not NotificationSent.objects.exists()
    monkeypatch.undo()
    assert services.reminders_send() == 2


def test_preferences_page(client, org):
    client.force_login(org.learners[0].user)
    assert re.search(
        r'value="immediate"[^>]*checked', client.get(reverse("coverage_preferences")).content.decode()
    )
    client.post(reverse("coverage_preferences"), {"frequency": "off"})
    assert EmailPreference.objects.get(user=org.learners[0].user).frequency == "off"
    assert client.post(reverse("coverage_preferences"), {"frequency": "hourly"}).status_code == 200
