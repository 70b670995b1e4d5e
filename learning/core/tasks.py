"""Health tasks: a ping the tests send through a real worker, and a heartbeat beat runs."""
from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(bind=True, acks_late=True, max_retries=3)
def health_ping(self, token: str) -> str:
    return services.health_ping_record(token=token).token


@shared_task(bind=True, acks_late=True)
def heartbeat(self) -> str:
    token = "beat-" + timezone.now().strftime("%Y%m%d%H%M")
    return services.health_ping_record(token=token).token
