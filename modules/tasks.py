"""Wagtail's scheduled publishing, run by beat so that 'go live at' and 'expire at' dates take effect."""

from celery import shared_task
from django.core.management import call_command


@shared_task(bind=True, acks_late=True)
def publish_scheduled_pages(self):
    # Wagtail's own command is idempotent: it publishes what is due and nothing else.
    call_command("publish_scheduled", verbosity=0)
