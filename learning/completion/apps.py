from django.apps import AppConfig


class CompletionConfig(AppConfig):
    name = "learning.completion"
    label = "completion"
    verbose_name = "Module completion"

    def ready(self):
        from . import (
            owed,
            receivers,  # noqa: F401  (connects the completion-check receiver)
        )

        owed.register()
