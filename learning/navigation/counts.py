"""The navigation's counts (reflections and follow-ups waiting for this supervisor, unread updates), kept in
the cache per person (learning.core.person_cache) and forgotten by the saves that move them."""

from django.db.models.signals import post_save

from assessments.models import FollowUp, Notification, ReflectiveEntry
from assessments.practice.selectors.reflections import nav_counts
from learning.core.person_cache import person_cache_forget, person_cache_get, person_cache_register
from learning.organisations.models import Membership

KIND = "nav_counts"


def counts_for(user) -> dict:
    """{"review": n, "unread": n}: one query when the cache has none."""
    return person_cache_get(KIND, user.pk, lambda: nav_counts(user=user))


def _submitted_changed(sender, instance, **kwargs):
    """A reflection or follow-up submitted, signed off or sent back moves its supervisor's queue."""
    if instance.submitted_to_id is not None:
        person_cache_forget(
            Membership.objects.filter(pk=instance.submitted_to_id).values_list("user_id", flat=True)
        )


def _notification_changed(sender, instance, **kwargs):
    person_cache_forget([instance.user_id])


def register():
    person_cache_register(KIND)
    for model in (ReflectiveEntry, FollowUp):
        post_save.connect(_submitted_changed, sender=model, dispatch_uid=f"nav_counts_{model.__name__}")
    post_save.connect(_notification_changed, sender=Notification, dispatch_uid="nav_counts_notification")
