"""Celery tasks for xAPI: thin and idempotent. They take ids and call a service."""

from celery import shared_task

from learning.core.retry import WORK_RETRY

from . import services


@shared_task(bind=True, **WORK_RETRY)
def statements_record(self, kind: str, source_id: int) -> int:
    return len(services.statements_record(kind=kind, source_id=source_id))


@shared_task(bind=True, **WORK_RETRY)
def statement_send(self, statement_id: str) -> bool:
    return services.statement_send(statement_id=statement_id)


@shared_task(bind=True, acks_late=True)
def statements_send(self, statement_ids: list) -> int:
    return services.statements_send(statement_ids=statement_ids)
