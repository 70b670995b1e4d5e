"""Erasing a person (learning.privacy.erasure): their records of learning done elsewhere go with their
evidence files; the reasons leads gave for completions recorded for them lose their text. Completions made
from either stay, so the organisation's figures do not change."""

from learning.core.retention import stored_files_delete

from .models import ExternalRecord, RecordedCompletion

REMOVED = "[removed]"


def records_erase(*, user) -> dict:
    records = ExternalRecord.objects.filter(user=user)
    stored_files_delete(records.exclude(evidence="").values_list("evidence", flat=True))
    reasons = RecordedCompletion.objects.filter(completion__user=user).update(reason=REMOVED)
    deleted, _by_model = records.delete()
    return {"external_records": deleted, "recorded_reasons": reasons}
