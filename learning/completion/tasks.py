"""Celery tasks for the completion rule: thin and idempotent; they take ids and call services."""

from celery import shared_task
from django.db import OperationalError

from learning.core.retry import retry_policy
from learning.progress.models import Enrolment

from . import services


@shared_task(bind=True, **retry_policy(retry_on=(OperationalError,), backoff_max=300, max_retries=5))
def completion_evaluate(self, user_id: int, module_id: int) -> int | None:
    """Evaluate one person's completion rule for one module; returns the completion's id when it is met."""
    enrolment = (
        Enrolment.objects.select_related("user", "module")
        .filter(user_id=user_id, module_id=module_id)
        .first()
    )
    if enrolment is None:  # the person left the module (or was erased) since the check was asked for
        return None
    completion = services.completion_evaluate(user=enrolment.user, module=enrolment.module.specific)
    return completion.pk if completion else None


@shared_task(bind=True, acks_late=True)
def completions_repair(self) -> int:
    """Nightly: record completions whose rule is met but not recorded."""
    return services.completions_repair()
