"""Celery tasks for organisations: thin and idempotent; they take ids and call services."""

from celery import shared_task

from learning.core.retry import EMAIL_RETRY

from . import services


@shared_task(bind=True, **EMAIL_RETRY)
def invitation_send(self, invitation_id: int) -> bool:
    return services.invitation_email_send(invitation_id=invitation_id)
