from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """A person's rights over their data: download it, have it erased. At the top layer (beside
    coverage), since both reach into every other app."""

    name = "learning.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from . import owed, retention

        owed.register()
        retention.register()
