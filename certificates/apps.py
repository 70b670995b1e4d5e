from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Certificates"

    def ready(self):
        from . import (
            owed,
            receivers,  # noqa: F401  (connects the module-completed receiver)
            retention,
        )

        owed.register()
        retention.register()
