"""Follow-up on practice: some weeks after completing a module (ModulePage.follow_up_after_weeks), the learner
is asked what they have done differently since; their supervisor adds an observation and signs it off.

One follow-up per completion (a new cycle of the module is a new completion, and so a new follow-up). The row
is made when it falls due, and until `invited_at` is stamped the invitation email is owed (the owed-work sweep
re-queues it). The learner's text is private like a reflection's: read by its author and the supervisor it was
submitted to (`submitted_to`), never by leads, editors or platform admins (assessments/rules.py); leads see
counts only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class FollowUp(models.Model):
    # What the learner is asked; in the model, as the form, the page and the email all show it.
    PROMPT = _(
        "What have you done differently since you completed this module? What difference has it made for the "
        "people and families you work with?"
    )

    class Status(models.TextChoices):
        DUE = "due", _("Due")
        SUBMITTED = "submitted", _("Waiting for sign-off")
        SIGNED_OFF = "signed_off", _("Signed off")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups")
    module = models.ForeignKey("modules.ModulePage", on_delete=models.PROTECT, related_name="follow_ups")
    completion = models.OneToOneField(
        "progress.ModuleCompletion", on_delete=models.CASCADE, related_name="follow_up"
    )
    due_on = models.DateField(help_text=_("The completion date plus the module's follow-up weeks."))
    created_at = models.DateTimeField(auto_now_add=True)
    invited_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the invitation was emailed; empty while it is owed.")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DUE, db_index=True)
    # Filled when the learner submits: the organisation it is filed under and the supervisor there who reads
    # it. Memberships, not users, so the rules can check the supervisor still holds the role.
    membership = models.ForeignKey(
        "organisations.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_to = models.ForeignKey(
        "organisations.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(blank=True, help_text=_("What the learner has done differently since."))
    submitted_at = models.DateTimeField(null=True, blank=True)
    observation = models.TextField(blank=True, help_text=_("The supervisor's observation of the change."))
    observed_at = models.DateTimeField(null=True, blank=True)
    # The sign-off stamp, copied (as on reflections) so a later change of name or job leaves it as signed.
    signed_off_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_name = models.CharField(max_length=300, blank=True)
    signed_off_role = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="due") | (Q(submitted_at__isnull=False) & ~Q(text="")),
                name="follow_up_submitted_has_text",
            ),
            models.CheckConstraint(
                condition=~Q(status="due") | Q(submitted_to__isnull=True),
                name="follow_up_due_is_with_nobody",
            ),
            models.CheckConstraint(
                condition=~Q(status="signed_off")
                | (Q(signed_off_at__isnull=False) & ~Q(signed_off_name="") & ~Q(observation="")),
                name="follow_up_signed_off_has_stamp",
            ),
        ]
        indexes = [models.Index(fields=["user", "status"], name="follow_up_user_status_idx")]

    def __str__(self):
        return f"Follow-up on {self.module} for {self.user}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SIGNED_OFF
