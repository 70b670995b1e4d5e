from django.apps import AppConfig


class LtiConfig(AppConfig):
    name = "learning.lti"
    label = "lti"
    verbose_name = "LTI 1.3 tool"

    def ready(self):
        from . import (
            owed,
            receivers,  # noqa: F401  (connects the module-completed receiver)
        )

        owed.register()
