"""Erasure: a person's request to be erased, and the record that an admin erased them.

The record keeps no personal data (only the user id, which now names an anonymised row, and counts), so that
"who erased whom and when" can be answered after the person is gone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureRequest(models.Model):
    """A person asked, from their account page, for their data to be erased;
    an admin confirms in the admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One open request per person: asking twice does not email the admins twice.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(closed_at__isnull=True),
                name="privacy_one_open_erasure_request",
            ),
        ]

    def __str__(self):
        return _("Erasure request %(id)s") % {"id": self.pk}


class ErasureRecord(models.Model):
    """The fact that a person was erased (one per person: erasing again returns it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="erasure_record"
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    erased_at = models.DateTimeField(auto_now_add=True)
    counts = models.JSONField(
        default=dict, blank=True, help_text=_("What was removed, by kind, as numbers only.")
    )

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self):
        return _("Erasure %(id)s") % {"id": self.pk}
