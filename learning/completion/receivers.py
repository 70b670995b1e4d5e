"""The completion rule hears that it may now be met (the `completion_check_due` event, sent by progress for a
lesson, a graded quiz or a signed-off reflection). The receiver writes nothing: it queues the evaluation once
the sender's change commits, once per transaction however often it is asked."""

from django.dispatch import receiver

from learning.core.events import completion_check_due
from learning.core.tasks_queue import queue_after_commit

from . import tasks


@receiver(completion_check_due, dispatch_uid="completion_check_due_queue")
def _completion_check_due(sender, user_id, module_id, **kwargs):
    queue_after_commit(tasks.completion_evaluate, user_id, module_id, once=True)
