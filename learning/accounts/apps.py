from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "learning.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import roles

        roles.register()  # forget a person's cached roles when a save changes them
