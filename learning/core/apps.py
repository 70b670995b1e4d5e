from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "learning.core"
    label = "core"
    verbose_name = "Platform"
