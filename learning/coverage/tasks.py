"""Celery tasks for coverage: thin and idempotent. They take ids and call services."""

from celery import shared_task

from learning.core.retry import WORK_RETRY

from . import services


@shared_task(bind=True, **WORK_RETRY)
def progress_recount(self, organisation_id: int, module_id: int | None = None) -> None:
    services.progress_recount(organisation_id=organisation_id, module_id=module_id)


@shared_task(bind=True, **WORK_RETRY)
def coverage_refresh(self, organisation_id: int, module_id: int | None = None) -> None:
    services.coverage_refresh(organisation_id=organisation_id, module_id=module_id)


@shared_task(bind=True, acks_late=True)
def coverage_nightly(self) -> int:
    """Queue the repair of every organisation's figures and today's snapshot, one task each."""
    return services.coverage_nightly_queue()


@shared_task(bind=True, **WORK_RETRY)
def coverage_nightly_organisation(self, organisation_id: int) -> int:
    return services.coverage_repair(organisation_id=organisation_id)


@shared_task(bind=True, acks_late=True)
def reminders_daily(self) -> int:
    return services.reminders_send()


@shared_task(bind=True, acks_late=True)
def digests_weekly(self) -> int:
    return services.weekly_summaries_send() + services.supervisor_digests_send()


@shared_task(bind=True, acks_late=True)
def reports_monthly(self) -> int:
    return services.monthly_reports_send()


@shared_task(bind=True, **WORK_RETRY)
def staff_invitation_send(self, user_id: int, organisation_id: int) -> bool:
    return services.staff_invitation_send(user_id=user_id, organisation_id=organisation_id)
