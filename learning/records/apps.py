from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "learning.records"
    label = "records"
    verbose_name = _("Learning done elsewhere")

    def ready(self):
        from . import retention  # registers with learning.core.retention, which imports no other app

        retention.register()
