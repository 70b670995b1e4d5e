"""Celery tasks for reflective practice: thin and idempotent; they take ids and call services."""
from celery import shared_task
from django.db import OperationalError

from assessments.practice.services import exports, notifications

# OSError covers storage and network failures, SMTPException included.
TRANSIENT = (OSError, OperationalError)


@shared_task(bind=True, acks_late=True, autoretry_for=TRANSIENT, retry_backoff=5, retry_backoff_max=300,
             retry_jitter=True, max_retries=5)
def reflection_export_render(self, export_id: int) -> str:
    return exports.export_render(export_id=export_id).status


# retry_backoff_max stays within the 600 s the broker's visibility timeout is sized for (settings/base.py).
@shared_task(bind=True, acks_late=True, autoretry_for=TRANSIENT, retry_backoff=30,
             retry_backoff_max=600, retry_jitter=True, max_retries=8)
def notification_email(self, notification_id: int) -> bool:
    return notifications.notification_email_send(notification_id=notification_id)
