"""Verifying and declining: the supervisor or a lead decides, never the owner; a decline needs a reason; the
person is told in the app and by email (text and HTML); the owner may change a record until it is verified."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.models import Notification
from learning.core.errors import ServiceError
from learning.progress.models import ModuleCompletion
from learning.records.models import ExternalRecord
from learning.records.services import record_decline, record_submit, record_update, record_verify
from tests.records.conftest import record_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(w):
    return record_submit(user=w.learner.user, membership=w.learner, data=record_data())


def test_the_supervisor_verifies_and_the_person_is_told(w, record, committed):
    committed(record_verify, record=record, user=w.supervisor.user)
    record.refresh_from_db()
    assert (record.status, record.decided_by) == ("verified", w.supervisor.user)
    assert record.completion is None  # no equivalence: verified learning, no module completed
    note = Notification.objects.get(user=w.learner.user)
    assert note.url == reverse("records_detail", args=[record.pk]) and "verified" in note.message
    [email] = mail.outbox
    assert email.to == [w.learner.user.email] and "verified" in email.body
    assert email.alternatives and email.alternatives[0][1] == "text/html"
    assert ModelLogEntry.objects.filter(action="learning.external_record.verified").count() == 1


def test_a_decline_needs_a_reason_and_the_person_can_resubmit(w, record, committed):
    with pytest.raises(ServiceError):
        record_decline(record=record, user=w.lead.user, reason="  ")
    committed(
        record_decline, record=record, user=w.lead.user, reason="The certificate is for another course."
    )
    record.refresh_from_db()
    assert record.status == "declined" and "another course" in record.decline_reason
    assert "declined" in Notification.objects.get(user=w.learner.user).message
    assert "declined" in mail.outbox[0].subject
    record = record_update(record=record, user=w.learner.user, data={"hours": Decimal("2")})
    assert (record.status, record.decline_reason, record.hours) == ("submitted", "", Decimal("2"))


def test_nobody_else_decides_and_a_verified_record_is_locked(w, record):
    for person in (w.learner, w.colleague, w.lead_b):
        with pytest.raises(ServiceError):
            record_verify(record=record, user=person.user)
    assert ExternalRecord.objects.get().status == "submitted"
    record_verify(record=record, user=w.lead.user)
    with pytest.raises(ServiceError):
        record_verify(record=record, user=w.supervisor.user)  # decided already
    with pytest.raises(ServiceError):
        record_update(record=record, user=w.learner.user, data={"hours": Decimal("9")})
    assert ExternalRecord.objects.get().hours == Decimal("3.5")


def test_a_lead_cannot_verify_their_own_learning(w):
    own = record_submit(user=w.lead.user, membership=w.lead, data=record_data())
    with pytest.raises(ServiceError):
        record_verify(record=own, user=w.lead.user)


@pytest.mark.parametrize(
    "changes",
    [
        {"completed_on": date.today() + timedelta(days=1)},
        {"hours": Decimal("0")},
        {"hours": Decimal("1001")},
        {"hours": Decimal("2"), "participatory_hours": Decimal("3")},
    ],
)
def test_bad_dates_and_hours_are_refused(w, changes):
    with pytest.raises(ServiceError):
        record_submit(user=w.learner.user, membership=w.learner, data=record_data(**changes))
    assert not ExternalRecord.objects.exists()


def test_the_decision_page_verifies_and_refuses_a_decline_without_reason(w, record, client):
    client.force_login(w.supervisor.user)
    url = reverse("records_decide", args=[record.pk])
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert response.status_code == 400 and "Say why" in response.content.decode()
    assert client.post(url, {"decision": "verify"}).status_code == 302
    assert ExternalRecord.objects.get().status == "verified"
    assert not ModuleCompletion.objects.exists()


def test_the_queue_lists_what_each_verifier_may_decide(w, record, client, django_assert_max_num_queries):
    record_submit(user=w.learner_b.user, membership=w.learner_b, data=record_data(title="B's course"))
    record_submit(user=w.colleague.user, membership=w.colleague, data=record_data(title="Colleague's"))
    client.force_login(w.supervisor.user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("records_verify_queue")).content.decode()
    assert "Trauma-Skilled e-module" in page and "Colleague" not in page and "B&#x27;s course" not in page
    client.force_login(w.lead.user)
    page = client.get(reverse("records_verify_queue")).content.decode()
    assert "Trauma-Skilled e-module" in page and "Colleague" in page and "B&#x27;s course" not in page
