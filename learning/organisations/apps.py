from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "learning.organisations"
    label = "organisations"
    verbose_name = "Organisations and people"

    def ready(self):
        from . import owed, retention

        owed.register()
        retention.register()
