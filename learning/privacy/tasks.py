"""Celery tasks for privacy: thin and idempotent. They take ids and call services."""

from celery import shared_task

from . import services


@shared_task(bind=True, acks_late=True)
def data_export_build(self, export_id: int) -> str | None:
    """No automatic retry: a failed export says so and the person asks again; one whose worker died is
    queued again by the owed-work sweep (learning.privacy.owed)."""
    export = services.data_export_build_run(export_id=export_id)
    return export.status if export else None


@shared_task(bind=True, acks_late=True)
def data_exports_cleanup(self) -> int:
    """Hourly: delete the exports past their time, with their files."""
    return services.data_exports_delete_expired()
