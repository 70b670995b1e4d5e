from django.apps import AppConfig


class NavigationConfig(AppConfig):
    """The site navigation by role: above the apps whose counts and memberships it shows."""

    name = "learning.navigation"
    label = "navigation"
    verbose_name = "Navigation"

    def ready(self):
        from . import counts

        counts.register()  # forget a person's cached counts when a save moves them
