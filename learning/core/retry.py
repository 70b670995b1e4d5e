"""How Celery tasks retry what fails for a moment (a busy mail server, a locked database): the options every
retrying task passes to @shared_task, so the policy is read and changed in one place."""

from django.db import OperationalError

# OSError covers storage and network failures, SMTPException included;
# OperationalError a locked or lost database.
TRANSIENT = (OSError, OperationalError)


def retry_policy(*, backoff=5, backoff_max=600, max_retries=8, retry_on=TRANSIENT) -> dict:
    """@shared_task options: acknowledge after the work (a worker that dies mid-task leaves it queued), and
    retry `retry_on` errors with jittered exponential backoff. `backoff_max` stays within the 600 s the
    broker's visibility timeout is sized for (settings/base.py), so a waiting retry is never delivered
    twice."""
    return {
        "acks_late": True,
        "autoretry_for": retry_on,
        "retry_backoff": backoff,
        "retry_backoff_max": backoff_max,
        "retry_jitter": True,
        "max_retries": max_retries,
    }


# Email: a mail server that refuses is usually busy for minutes, not seconds, so the first retry waits longer.
EMAIL_RETRY = retry_policy(backoff=30)
WORK_RETRY = retry_policy()
