"""A learner's record of a module: enrolment, lessons completed, and where they left off.

These rows are never rewritten by content edits: each stores the page revision the learner saw.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        ASSIGNED = "assigned", _("Assigned")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    module = models.ForeignKey("modules.ModulePage", on_delete=models.PROTECT, related_name="enrolments")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    last_lesson = models.ForeignKey(
        "modules.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(auto_now=True)
    cycle = models.PositiveSmallIntegerField(
        default=1, help_text=_("Goes up by one each time an expired module is reopened for recertification.")
    )
    cycle_started_at = models.DateTimeField(auto_now_add=True)
    lessons_completed_at = models.DateTimeField(null=True, blank=True)
    module_revision_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        help_text=_("The module revision that was live when the learner finished its lessons."),
    )
    # Owed work: set when the completion rule may have become met, cleared once it has been evaluated. The
    # owed-work sweep re-queues the evaluation when a stamp gets old (its message was lost).
    completion_check_due_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-last_activity_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="enrolment_unique_user_module")
        ]

    def __str__(self):
        return f"{self.user} on {self.module}"


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_completions")
    cycle = models.PositiveSmallIntegerField(default=1)
    lesson = models.ForeignKey("modules.LessonPage", on_delete=models.PROTECT, related_name="completions")
    revision_id = models.PositiveBigIntegerField(
        null=True, help_text=_("The lesson revision the learner completed.")
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "cycle", "lesson"], name="lesson_completion_unique")
        ]

    def __str__(self):
        return f"{self.enrolment.user} completed {self.lesson}"


class ModuleCompletion(models.Model):
    """The record that a person met a module's completion rule, once per cycle: the evidence certificates
    are issued from. Never rewritten by content edits: it keeps the module revision and quiz score."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")

    class Source(models.TextChoices):
        """Where the learning happened: shown wherever the completion is drilled into."""

        MODULE = "module", _("Online module")
        EVENT = "event", _("Attended event")
        EXTERNAL = "external", _("Verified external learning")
        RECORDED = "recorded", _("Recorded by a lead")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey("modules.ModulePage", on_delete=models.PROTECT, related_name="completions")
    cycle = models.PositiveSmallIntegerField(default=1)
    completed_at = models.DateTimeField()
    module_revision_id = models.PositiveBigIntegerField(null=True)
    quiz_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    cpd_minutes = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MODULE)
    # Who recorded a completion that did not come from the module itself (a facilitator, a verifier, a lead).
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "cycle"], name="module_completion_once_per_cycle"
            )
        ]

    def __str__(self):
        return f"{self.user} completed {self.module} (cycle {self.cycle})"
