"""Required training: what a lead assigns, and the per-person requirements derived from it."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    """A module an organisation requires of everyone, of one team, or of everyone with one job title.

    Due either on a date, or within N days of joining (counted from the assignment's own date for people who
    were already there, so long-serving staff are not overdue the moment a module is assigned)."""

    class Scope(models.TextChoices):
        ORGANISATION = "organisation", _("Whole organisation")
        TEAM = "team", _("A team")
        JOB_TITLE = "job_title", _("A job title")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="assignments"
    )
    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="assignments")
    scope = models.CharField(max_length=12, choices=Scope.choices, default=Scope.ORGANISATION)
    team = models.ForeignKey(
        "organisations.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="assignments"
    )
    job_title = models.CharField(max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)
    due_within_days = models.PositiveSmallIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["module__title", "scope", "job_title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__isnull=True, due_within_days__isnull=False)
                | Q(due_on__isnull=False, due_within_days__isnull=True),
                name="assignment_one_due_rule",
            ),
            models.CheckConstraint(
                condition=Q(scope="organisation", team__isnull=True, job_title="")
                | Q(scope="team", team__isnull=False, job_title="")
                | (Q(scope="job_title", team__isnull=True) & ~Q(job_title="")),
                name="assignment_scope_target",
            ),
            models.UniqueConstraint(
                fields=["organisation", "module"],
                condition=Q(scope="organisation"),
                name="assignment_once_per_org_module",
            ),
            models.UniqueConstraint(
                fields=["organisation", "module", "team"],
                condition=Q(scope="team"),
                name="assignment_once_per_team_module",
            ),
            models.UniqueConstraint(
                fields=["organisation", "module", "job_title"],
                condition=Q(scope="job_title"),
                name="assignment_once_per_job_title_module",
            ),
        ]

    def __str__(self):
        return f"{self.module} for {self.target_label}"

    @property
    def target_label(self):
        if self.scope == self.Scope.TEAM:
            return self.team.name
        if self.scope == self.Scope.JOB_TITLE:
            return self.job_title
        return str(_("everyone"))

    def clean(self):
        if (self.due_on is None) == (self.due_within_days is None):
            raise ValidationError(_("Give either a due date or a number of days after joining, not both."))
        if self.scope == self.Scope.TEAM and self.team_id is None:
            raise ValidationError({"team": _("Choose the team.")})
        if self.scope == self.Scope.JOB_TITLE and not self.job_title.strip():
            raise ValidationError({"job_title": _("Give the job title.")})
        if self.team_id and self.organisation_id and self.team.organisation_id != self.organisation_id:
            raise ValidationError({"team": _("The team must belong to the same organisation.")})

    def applies_to(self, *, team_id, job_title) -> bool:
        if self.scope == self.Scope.TEAM:
            return team_id == self.team_id
        if self.scope == self.Scope.JOB_TITLE:
            return job_title.strip().casefold() == self.job_title.strip().casefold()
        return True

    def due_for(self, *, joined_on):
        if self.due_on is not None:
            return self.due_on
        start = max(joined_on, timezone.localdate(self.created_at))
        return start + timedelta(days=self.due_within_days)


class Requirement(models.Model):
    """One person's required module in one organisation and when it is due: derived from the Assignments that
    match their membership (the earliest due date wins). Kept in step by coverage services, so that counting,
    listing and reminding are plain indexed queries rather than a re-match of every assignment to every
    person."""

    membership = models.ForeignKey(
        "organisations.Membership", on_delete=models.CASCADE, related_name="requirements"
    )
    # Copied from the membership so that the per-(organisation, module) aggregates use one index.
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    # The person's learning on the module as the last recount found it (selectors/status.py: stored_state):
    # facts that change only when their records do, never with the clock, so the dashboard's lists compare
    # them with today's date instead of probing the completions of every person in the organisation.
    done_until = models.DateTimeField(
        null=True, blank=True, help_text="When the latest active completion ends (far future: never)"
    )
    started = models.BooleanField(default=False, help_text="A lesson done in the current cycle")
    last_expires_at = models.DateTimeField(null=True, blank=True, help_text="The latest completion's expiry")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "module"], name="requirement_once_per_person_module"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "module"], name="requirement_org_module_idx"),
            models.Index(fields=["due_on"], name="requirement_due_idx"),
            # An organisation's lists in due order (the dashboard's first ten overdue or expiring) read only
            # that organisation's rows, not the whole platform's through requirement_due_idx.
            models.Index(fields=["organisation", "due_on"], name="requirement_org_due_idx"),
        ]

    def __str__(self):
        return f"{self.membership} must complete {self.module} by {self.due_on}"
