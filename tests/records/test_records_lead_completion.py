"""A lead records a completion for someone in their organisation: a past date, a reason, audited; it counts in
coverage with the source "recorded". Refused for future dates, without a reason, for other organisations and
for the lead themselves."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from learning.core.errors import ServiceError
from learning.coverage.selectors.people import record_requirements
from learning.progress.models import ModuleCompletion
from learning.records.models import RecordedCompletion
from learning.records.services import RECORDED_ACTION, completion_record_for

pytestmark = pytest.mark.django_db
REASON = "Completed with a previous employer; certificate seen."


def _record(w, *, membership=None, user=None, completed_on=None, reason=REASON):
    return completion_record_for(
        membership=membership or w.learner,
        module=w.module,
        completed_on=completed_on or date.today() - timedelta(days=60),
        reason=reason,
        user=user or w.lead.user,
    )


def test_it_is_recorded_audited_and_meets_the_requirement(w, committed, client):
    completion = committed(_record, w)
    assert (completion.source, completion.recorded_by) == (ModuleCompletion.Source.RECORDED, w.lead.user)
    assert completion.completed_at.date() == date.today() - timedelta(days=60)
    recorded = RecordedCompletion.objects.get()
    assert recorded.reason == REASON and recorded.completion == completion
    [entry] = ModelLogEntry.objects.filter(
        action=RECORDED_ACTION,
        content_type=ContentType.objects.get_for_model(RecordedCompletion),
        object_id=str(recorded.pk),
    )
    assert entry.user_id == w.lead.user.pk and entry.data["organisation"] == w.a.pk
    assert REASON not in str(entry.data) and registry.action_exists(RECORDED_ACTION)
    assert record_requirements(membership=w.learner)[0].is_completed
    # The dashboard's export counts it: 3 required (the supervisor and two learners), 1 completed.
    client.force_login(w.lead.user)
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("coverage_export_csv", args=[w.a.pk])).content.decode("utf-8-sig"))
        )
    )
    assert rows[0][1:3] == ["Module", "Assigned"] and rows[0][5] == "Completed"
    assert rows[-1][:3] == ["All staff", w.module.title, "3"] and rows[-1][5] == "1"


@pytest.mark.parametrize(
    "refusal",
    [
        {"completed_on": date.today() + timedelta(days=1)},
        {"reason": "   "},
        {"user": "lead_b"},  # another organisation's lead
        {"user": "supervisor"},  # supervisors do not record completions
        {"membership": "lead"},  # nor a lead for themselves
    ],
)
def test_it_is_refused(w, refusal):
    arguments = dict(refusal)
    if "user" in arguments:
        arguments["user"] = getattr(w, arguments["user"]).user
    if "membership" in arguments:
        arguments["membership"] = getattr(w, arguments["membership"])
    with pytest.raises(ServiceError):
        _record(w, **arguments)
    assert not ModuleCompletion.objects.exists() and not ModelLogEntry.objects.filter(action=RECORDED_ACTION)


def test_a_second_recording_is_refused(w):
    _record(w)
    with pytest.raises(ServiceError) as refused:
        _record(w)
    assert refused.value.code == "already_completed"
    assert RecordedCompletion.objects.count() == 1


def test_the_form_refuses_a_future_date_with_a_message(w, client):
    client.force_login(w.lead.user)
    url = reverse("records_completion_new", args=[w.learner.pk])
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = client.post(url, {"module": w.module.pk, "completed_on": tomorrow, "reason": REASON})
    assert response.status_code == 200
    assert "cannot be in the future" in response.context["form"].errors["completed_on"][0]
    response = client.post(
        url,
        {
            "module": w.module.pk,
            "completed_on": (date.today() - timedelta(days=30)).isoformat(),
            "reason": REASON,
        },
    )
    assert response.status_code == 302 and ModuleCompletion.objects.get().source == "recorded"
    client.force_login(w.lead_b.user)
    assert client.get(url).status_code == 403
