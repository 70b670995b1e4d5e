from django.apps import AppConfig


class CoverageConfig(AppConfig):
    name = "learning.coverage"
    label = "coverage"
    verbose_name = "Required training and coverage"

    def ready(self):
        from . import (
            owed,
            signals,  # noqa: F401  (connects the membership and learner-progress receivers)
        )

        owed.register()
