"""Certificates hear of a recorded completion (the `module_completed` event, sent by learning.completion). The
receiver writes nothing: it queues the certificate once the completion commits. Until the certificate is
issued the completion owes it, and the owed-work sweep re-queues it (certificates/owed.py).

Completions recorded together in one transaction (an import, an event's attendance, the nightly repair) go out
as one task per services.ISSUE_BATCH of them, not one each."""

from django.dispatch import receiver

from learning.core.events import module_completed
from learning.core.tasks_queue import queue_batched_after_commit

from . import tasks
from .services import ISSUE_BATCH


@receiver(module_completed, dispatch_uid="certificates_module_completed")
def _module_completed(sender, completion_id, **kwargs):
    # robust: a broker down at commit is logged, never raised; the completion owes its certificate meanwhile
    queue_batched_after_commit(
        one=tasks.certificate_issue, many=tasks.certificate_issue_batch, item=completion_id, size=ISSUE_BATCH
    )
