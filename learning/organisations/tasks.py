"""Celery tasks for organisations: thin and idempotent; they take ids and call services."""
from celery import shared_task
from django.db import OperationalError

from . import services

# OSError covers network failures, SMTPException included.
TRANSIENT = (OSError, OperationalError)


@shared_task(bind=True, acks_late=True, autoretry_for=TRANSIENT, retry_backoff=30, retry_backoff_max=600,
             retry_jitter=True, max_retries=8)
def invitation_send(self, invitation_id: int) -> bool:
    return services.invitation_email_send(invitation_id=invitation_id)
