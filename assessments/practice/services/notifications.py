"""Tell people what happened to reflections and sessions: an in-app notification that persists until read,
and an email sent by a task once the change is committed."""

from django.db import transaction
from django.utils import timezone

from assessments.models import Notification
from learning.core.links import absolute_url
from learning.core.mail import email_send
from learning.core.person_cache import person_cache_forget
from learning.core.tasks_queue import queue_after_commit


def notification_send(*, user, message: str, url: str) -> Notification:
    """Record a notification for `user` and queue its email after commit (never before: a rolled-back
    change must not be announced)."""
    # tasks.py imports this module: imported on call, which breaks the cycle
    from assessments.tasks import notification_email

    notification = Notification.objects.create(user=user, message=message[:300], url=url)
    queue_after_commit(notification_email, notification.pk)  # owed until emailed_at: the sweep re-queues it
    return notification


@transaction.atomic
def notification_email_send(*, notification_id: int) -> bool:
    """Email one notification; a second run (a retried or duplicated task) sends nothing."""
    notification = (
        Notification.objects.select_for_update().select_related("user").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at is not None or not notification.user.email:
        return False
    email_send(
        to=notification.user.email,
        subject=notification.message,
        template="assessments/reflections/email/notification",
        context={"notification": notification, "url": absolute_url(notification.url)},
    )
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])
    return True


def notifications_mark_read(*, user, ids=None, url=None) -> int:
    """Mark `user`'s notifications read: those with the given ids, or those about the page at `url` (seeing
    the page is reading the news). Nobody else's notifications are touched."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    unread = unread.filter(pk__in=list(ids)) if ids is not None else unread.filter(url=url)
    marked = unread.update(read_at=timezone.now())
    if marked:
        person_cache_forget([user.pk])  # the navigation's unread count; an update sends no signal
    return marked
