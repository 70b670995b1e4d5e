from django.apps import AppConfig
from django.conf import settings


class CoreConfig(AppConfig):
    name = "learning.core"
    label = "core"
    verbose_name = "Platform"

    def ready(self):
        from importlib import import_module

        from .models import HealthPing
        from .retention import retention_register

        # Sessions past their own expiry (SESSION_COOKIE_AGE), as `manage.py clearsessions` does,
        # whatever the engine.
        store = import_module(settings.SESSION_ENGINE).SessionStore
        retention_register("expired sessions", setting=None, purge=store.clear_expired)
        retention_register(
            "beat heartbeats",
            setting="HEARTBEAT_RETENTION_DAYS",
            due=lambda cutoff: HealthPing.objects.filter(created_at__lt=cutoff),
        )
