"""Erasing a person (learning.privacy.erasure): their LearnerKey goes, so nothing they learn afterwards can be
tied to the statements already sent, and statements not yet sent are not sent. What an organisation's LRS
already holds is that organisation's to erase (docs/standards.md)."""

from .models import LearnerKey, Statement


def xapi_erase(*, user) -> dict:
    key = LearnerKey.objects.filter(user=user).values_list("key", flat=True).first()
    if key is None:
        return {"xapi_statements_unsent": 0}
    unsent = Statement.objects.filter(status=Statement.Status.PENDING, payload__actor__account__name=str(key))
    deleted, _by_model = unsent.delete()
    LearnerKey.objects.filter(user=user).delete()
    return {"xapi_statements_unsent": deleted}
