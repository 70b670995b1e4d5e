"""Celery tasks for learner progress: thin and idempotent."""
from celery import shared_task

from . import services


@shared_task(bind=True, acks_late=True)
def completions_repair(self) -> int:
    """Nightly: record completions whose rule is met but not recorded."""
    return services.completions_repair()
