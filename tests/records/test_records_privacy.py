"""A person's records of learning done elsewhere, and their evidence, are in "Download my data" and go when
they are erased."""

from pathlib import Path

import pytest

from learning.organisations.factories import UserFactory
from learning.privacy.erasure import person_erase
from learning.privacy.selectors import personal_data
from learning.progress.models import ModuleCompletion
from learning.records.models import ExternalRecord, RecordedCompletion
from learning.records.services import completion_record_for, record_submit
from tests.records.conftest import PDF, record_data, upload

pytestmark = pytest.mark.django_db


def test_records_and_their_evidence_are_in_the_export(w):
    record = record_submit(
        user=w.learner.user, membership=w.learner, data=record_data(), evidence=upload(PDF)
    )
    data = personal_data(user=w.learner.user)
    [row] = data.sections["external_learning"]
    assert row["title"] == "Trauma-Skilled e-module" and row["hours"] == "3.50"
    assert (row["evidence"], record.evidence.name) in data.files
    assert personal_data(user=w.supervisor.user).sections["external_learning"] == []


def test_erasure_deletes_records_and_evidence_and_keeps_the_completions(w, committed, settings):
    record = record_submit(
        user=w.learner.user, membership=w.learner, data=record_data(), evidence=upload(PDF)
    )
    path = Path(settings.MEDIA_ROOT) / record.evidence.name
    committed(
        completion_record_for,
        membership=w.learner,
        module=w.module,
        completed_on=record.completed_on,
        reason=f"Seen {w.learner.user.get_full_name()}'s certificate.",
        user=w.lead.user,
    )
    assert path.exists()
    committed(person_erase, user=w.learner.user, actor=UserFactory(is_superuser=True))
    assert not ExternalRecord.objects.exists() and not path.exists()
    assert RecordedCompletion.objects.get().reason == "[removed]"
    assert ModuleCompletion.objects.filter(user=w.learner.user).count() == 1
