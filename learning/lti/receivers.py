"""The LTI tool hears of a recorded completion (the `module_completed` event, from learning.completion). The
receiver writes nothing: when the person launched that module from an LMS gradebook, it queues the score's
passback once the completion commits. Until the LMS has it, the completion owes it, and the owed-work sweep
re-queues it (learning/lti/owed.py)."""

from django.dispatch import receiver

from learning.core.events import module_completed
from learning.core.tasks_queue import queue_after_commit

from . import tasks
from .selectors import completion_has_grade_link


@receiver(module_completed, dispatch_uid="lti_module_completed")
def _module_completed(sender, completion_id, **kwargs):
    # One read, so that the completions of people who never came from an LMS (nearly all) queue nothing.
    if completion_has_grade_link(completion_id=completion_id):
        queue_after_commit(tasks.lti_scores_send, completion_id)
