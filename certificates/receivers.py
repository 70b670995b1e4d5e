"""Certificates hear of a recorded completion (the `module_completed` event, sent by learning.completion). The
receiver writes nothing: it queues the certificate once the completion commits. Until the certificate is
issued the completion owes it, and the owed-work sweep re-queues it (certificates/owed.py)."""

from django.dispatch import receiver

from learning.core.events import module_completed
from learning.core.tasks_queue import queue_after_commit

from . import tasks


@receiver(module_completed, dispatch_uid="certificates_module_completed")
def _module_completed(sender, completion_id, **kwargs):
    queue_after_commit(tasks.certificate_issue, completion_id)
