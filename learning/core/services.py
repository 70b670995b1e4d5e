"""Platform-level writes."""

from .models import HealthPing


def health_ping_record(*, token: str) -> HealthPing:
    """Record that a worker handled the ping `token`; running it twice leaves one row."""
    ping, _created = HealthPing.objects.get_or_create(token=token)
    return ping
