"""Certificates hear of a recorded completion (the `module_completed` event, sent by learning.completion). The
receiver writes nothing: it queues the certificate once the completion commits. Until the certificate is
issued the completion owes it, and the owed-work sweep re-queues it (certificates/owed.py).

Completions recorded together in one transaction (an import, an event's attendance, the nightly repair) go out
as one task per services.ISSUE_BATCH of them, not one each."""

from django.db import transaction
from django.dispatch import receiver

from learning.core.events import module_completed

from . import tasks
from .services import ISSUE_BATCH


class _IssueAfterCommit:
    """An on-commit callback that queues the certificates of the completions recorded in its transaction: one
    `certificate_issue` for one, batches of ISSUE_BATCH for more."""

    def __init__(self, completion_id):
        self.completion_ids, self.sent = [completion_id], False
        self.__qualname__ = "certificates.issue.delay"  # Django names a failed robust callback by it

    @property
    def task(self):
        return tasks.certificate_issue if len(self.completion_ids) == 1 else tasks.certificate_issue_batch

    def __call__(self):
        self.sent = True
        if len(self.completion_ids) == 1:
            tasks.certificate_issue.delay(self.completion_ids[0])
            return
        for start in range(0, len(self.completion_ids), ISSUE_BATCH):
            tasks.certificate_issue_batch.delay(self.completion_ids[start : start + ISSUE_BATCH])


def _pending(connection):
    """This transaction's callback to add to, if it has one. Safe whichever savepoint added it: a savepoint
    that could still roll back and take the callback with it is one this completion is recorded in too (the
    ones already released cannot), and an id whose completion rolled back is skipped by the task."""
    for _savepoint_ids, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _IssueAfterCommit) and not callback.sent:
            return callback
    return None


@receiver(module_completed, dispatch_uid="certificates_module_completed")
def _module_completed(sender, completion_id, **kwargs):
    connection = transaction.get_connection()
    pending = _pending(connection) if connection.in_atomic_block else None
    if pending is not None:
        pending.completion_ids.append(completion_id)
        return
    # robust: a broker down at commit is logged, never raised; the completion owes its certificate meanwhile
    transaction.on_commit(_IssueAfterCommit(completion_id), robust=True)
