from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Face-to-face and live online events: sessions, bookings, waiting lists and attendance. Attendance at an
    event linked to a module completes it, through learning.completion (below this layer)."""

    name = "learning.events"
    label = "events"
    verbose_name = "Events"

    def ready(self):
        from . import owed

        owed.register()
