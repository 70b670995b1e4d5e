"""Platform tasks: a ping the tests send through a real worker, a heartbeat, the two reliability sweeps and
the nightly retention cleanup."""

from celery import shared_task
from django.utils import timezone

from . import services
from .orphans import orphan_files_delete
from .owed import owed_requeue
from .retention import retention_run


@shared_task(bind=True, acks_late=True, max_retries=3)
def health_ping(self, token: str) -> str:
    return services.health_ping_record(token=token).token


@shared_task(bind=True, acks_late=True)
def heartbeat(self) -> str:
    token = "beat-" + timezone.now().strftime("%Y%m%d%H%M")
    return services.health_ping_record(token=token).token


@shared_task(bind=True, acks_late=True)
def owed_sweep(self) -> dict:
    """Every few minutes: queue again the work owed for longer than OWED_AFTER_MINUTES
    (learning.core.owed)."""
    return owed_requeue()


@shared_task(bind=True, acks_late=True)
def orphan_files_sweep(self) -> int:
    """Hourly: delete stored files that no row names (learning.core.orphans)."""
    return orphan_files_delete()


@shared_task(bind=True, acks_late=True)
def retention_cleanup(self) -> dict:
    """Nightly: delete what is past its retention limit, with its files (learning.core.retention)."""
    return retention_run()
