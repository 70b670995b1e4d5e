from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "learning.sso"
    label = "sso"
    verbose_name = "Single sign-on"
