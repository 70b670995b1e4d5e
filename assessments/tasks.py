"""Celery tasks for reflective practice: thin and idempotent; they take ids and call services."""

from celery import shared_task
from django.utils import timezone

from assessments.practice.services import exports, follow_ups, notifications
from learning.core.retry import EMAIL_RETRY, retry_policy


@shared_task(bind=True, **retry_policy(backoff_max=300, max_retries=5))
def reflection_export_render(self, export_id: int) -> str:
    return exports.export_render(export_id=export_id).status


@shared_task(bind=True, **EMAIL_RETRY)
def notification_email(self, notification_id: int) -> bool:
    return notifications.notification_email_send(notification_id=notification_id)


@shared_task(bind=True, acks_late=True)
def follow_ups_daily(self) -> int:
    """Make the follow-ups that fell due today (or in a missed run) and queue their invitations."""
    return follow_ups.follow_ups_schedule(today=timezone.localdate())


@shared_task(bind=True, **EMAIL_RETRY)
def follow_up_invite(self, follow_up_id: int) -> bool:
    return follow_ups.follow_up_invite(follow_up_id=follow_up_id)
