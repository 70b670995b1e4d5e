"""Celery task for the LTI tool: thin and idempotent (a ScoreSent per line item and completion)."""

from celery import shared_task

from learning.core.retry import WORK_RETRY

from . import services


# An LMS that cannot be reached (requests' errors are OSErrors) is retried with backoff; one that refuses the
# score (pylti1p3's LtiException) fails the task: the score stays owed, and the owed-work sweep tries again.
@shared_task(bind=True, **WORK_RETRY)
def lti_scores_send(self, completion_id: int) -> int:
    return services.scores_send(completion_id=completion_id)
