from django.apps import AppConfig


class XapiConfig(AppConfig):
    name = "learning.xapi"
    label = "xapi"
    verbose_name = "Learning standards: xAPI and cmi5"

    def ready(self):
        from . import (
            owed,
            receivers,  # noqa: F401  (connects the learning-event receivers)
        )

        owed.register()
