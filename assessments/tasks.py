"""Celery tasks for reflective practice: thin and idempotent; they take ids and call services."""

from celery import shared_task

from assessments.practice.services import exports, notifications
from learning.core.retry import EMAIL_RETRY, retry_policy


@shared_task(bind=True, **retry_policy(backoff_max=300, max_retries=5))
def reflection_export_render(self, export_id: int) -> str:
    return exports.export_render(export_id=export_id).status


@shared_task(bind=True, **EMAIL_RETRY)
def notification_email(self, notification_id: int) -> bool:
    return notifications.notification_email_send(notification_id=notification_id)
