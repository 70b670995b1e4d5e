"""Supervision sessions: who met, what they discussed, the actions agreed, and each supervisee's own note.

A session is recorded by a supervisor (their supervisor membership) with one or more of their supervisees in
the same organisation; the recorder and the supervisees see it, and each supervisee may add one note.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SupervisionSession(models.Model):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        GROUP = "group", _("Group")
        PEER = "peer", _("Peer")

    supervisor = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.CASCADE,
        related_name="sessions_recorded",
        help_text=_("The supervisor membership of the person who recorded the session."),
    )
    held_on = models.DateField(_("date"))
    kind = models.CharField(
        _("type of supervision"), max_length=10, choices=Kind.choices, default=Kind.INDIVIDUAL
    )
    supervisees = models.ManyToManyField("organisations.Membership", related_name="supervision_sessions")
    topics = models.ManyToManyField("modules.Topic", blank=True, related_name="supervision_sessions")
    reflections = models.ManyToManyField("assessments.ReflectiveEntry", blank=True, related_name="sessions")
    summary = models.TextField(_("summary of the discussion"), blank=True)
    next_session_on = models.DateField(_("next session"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_session_on__isnull=True) | Q(next_session_on__gte=F("held_on")),
                name="session_next_after_held",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} supervision on {self.held_on:%d/%m/%Y}"


class SessionAction(models.Model):
    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(
        "organisations.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.description


class SessionNote(models.Model):
    """A supervisee's own note on a session: seen by them and the supervisor, not by others in a group."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey("organisations.Membership", on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "author"], name="session_note_one_per_supervisee")
        ]

    def __str__(self):
        return f"Note by {self.author_id} on session {self.session_id}"
