"""Evidence that the task queue works end to end: each ping is written once, by a worker."""

from django.db import models


class HealthPing(models.Model):
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.token
