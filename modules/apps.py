from django.apps import AppConfig


class ModulesConfig(AppConfig):
    name = "modules"
    verbose_name = "Learning modules"

    def ready(self):
        from . import caching

        caching.register()  # site root paths in memory; a new content version when content changes
