"""Coverage figures kept by Celery, so that reports read a few rows however large the workforce grows.

A rollup row is keyed by (organisation, team_key, module or level). `team_key` is the team's id, or 0 for the
whole organisation: a NULL team would make every "whole organisation" row distinct under a plain unique
constraint, and an upsert (INSERT ... ON CONFLICT) needs a plain one on every database we run on.
"""

from django.db import models
from django.db.models import F, Q

WHOLE_ORGANISATION = 0


def percent(part, whole):
    return round(100 * part / whole) if whole else 0


class TeamRollup(models.Model):
    """Figures for one team of an organisation, or (team_key 0, team NULL) for the whole organisation."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        "organisations.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    team_key = models.PositiveBigIntegerField(default=WHOLE_ORGANISATION)
    computed_at = models.DateTimeField()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=True, team_key=WHOLE_ORGANISATION)
                | Q(team__isnull=False, team_key=F("team_id")),
                name="%(class)s_team_key",
            )
        ]


class CoverageRollup(TeamRollup):
    """Where a team (or the whole organisation) stands on one required module. Statuses of a requirement:
    completed (a valid completion), in progress (a lesson done this cycle) or not started; overdue counts
    the unfinished ones past their due date, expiring the completed ones whose certificate ends soon."""

    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="+")
    assigned = models.PositiveIntegerField(default=0)
    not_started = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)
    expiring = models.PositiveIntegerField(default=0)

    COUNTS = ("assigned", "not_started", "in_progress", "completed", "overdue", "expiring")

    class Meta(TeamRollup.Meta):
        constraints = [
            *TeamRollup.Meta.constraints,
            models.UniqueConstraint(
                fields=["organisation", "module", "team_key"], name="coverage_rollup_key"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} / {self.team or 'all'} / {self.module}: {self.completed}/{self.assigned}"

    @property
    def percent(self):
        return percent(self.completed, self.assigned)


class FrameworkRollup(TeamRollup):
    """How many of a team's (or the organisation's) staff hold a valid completion of a module at a framework
    level, e.g. the NES trauma framework's Trauma-skilled level."""

    level = models.ForeignKey("modules.FrameworkLevel", on_delete=models.CASCADE, related_name="+")
    staff = models.PositiveIntegerField(default=0)
    trained = models.PositiveIntegerField(default=0)

    class Meta(TeamRollup.Meta):
        constraints = [
            *TeamRollup.Meta.constraints,
            models.UniqueConstraint(
                fields=["organisation", "level", "team_key"], name="framework_rollup_key"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} / {self.team or 'all'} / {self.level}: {self.trained}/{self.staff}"

    @property
    def percent(self):
        return percent(self.trained, self.staff)


class CoverageSnapshot(models.Model):
    """An organisation's totals for one module on one day, written by the nightly job: the history the
    coverage-over-time chart draws."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    assigned = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "module", "day"], name="coverage_snapshot_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.organisation} / {self.module} on {self.day}: {self.completed}/{self.assigned}"
