from django.apps import AppConfig


class NavigationConfig(AppConfig):
    """The site navigation by role: above the apps whose counts and memberships it shows."""

    name = "learning.navigation"
    label = "navigation"
    verbose_name = "Navigation"
