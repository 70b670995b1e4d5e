from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo organisations, people, content and required training for `make run`: the top layer, since it
    reads and writes through every other app."""

    name = "learning.demo"
    label = "demo"
    verbose_name = "Demo data"
