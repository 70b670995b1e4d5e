"""Celery tasks for certificates: thin, idempotent, retry-safe. They take ids and call services."""

from celery import shared_task
from django.conf import settings

from learning.core.retry import EMAIL_RETRY, WORK_RETRY

from . import services
from .bundles import bundle_build_run
from .selectors import certificates_due_expiry, certificates_expiring_within


@shared_task(bind=True, **WORK_RETRY)
def certificate_issue(self, completion_id: int) -> str | None:
    issued = services.certificates_issue_batch(completion_ids=[completion_id]).get(completion_id)
    return issued.code if issued else None


@shared_task(bind=True, **WORK_RETRY)
def certificate_issue_batch(self, completion_ids: list[int]) -> int:
    """Up to services.ISSUE_BATCH completions at once (several recorded together, or owed)."""
    return len(services.certificates_issue_batch(completion_ids=completion_ids))


@shared_task(bind=True, **EMAIL_RETRY)
def certificate_email(self, certificate_id: int) -> bool:
    return services.certificate_email_send(certificate_id=certificate_id)


@shared_task(bind=True, **EMAIL_RETRY)
def certificates_email(self, certificate_ids: list[int]) -> int:
    """The emails of a batch of new certificates; each is sent once, so a retry sends only the rest."""
    return sum(services.certificate_email_send(certificate_id=pk) for pk in certificate_ids)


@shared_task(bind=True, acks_late=True)
def certificates_expiry_sweep(self) -> dict:
    """Hourly: send due reminders (once per threshold) and expire what has passed its date."""
    thresholds = settings.CERTIFICATE_REMINDER_DAYS
    reminded = sum(
        services.certificate_remind_if_due(certificate=c, thresholds=thresholds)
        for c in certificates_expiring_within(days=max(thresholds, default=0))
    )
    expired = 0
    for certificate in certificates_due_expiry():
        services.certificate_expire(certificate=certificate)
        expired += 1
    return {"reminded": reminded, "expired": expired}


@shared_task(bind=True, acks_late=True)
def bundle_build(self, bundle_id: int) -> int:
    """No automatic retry: a failed bundle says so and the lead tries again; one whose worker died is queued
    again by the owed-work sweep (certificates.bundles)."""
    return bundle_build_run(bundle_id=bundle_id).pk
