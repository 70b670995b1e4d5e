"""Recompute the stored coverage figures. Each recompute is a few set-based queries and an upsert on the
rollup's natural key, so running it twice, or after any drift, leaves the same rows."""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from ..models import WHOLE_ORGANISATION, CoverageRollup, CoverageSnapshot, FrameworkRollup, Requirement
from ..selectors.aggregates import framework_counts, requirement_counts
from ..selectors.scope import workforce
from ..selectors.status import stored_status_conditions
from .requirements import assigned_enrol, lock_organisation, requirements_sync
from .states import requirement_states_refresh


def _upsert(model, rows, *, scope, unique_fields, update_fields):
    """Write `rows` over their natural key, then delete the rows of `scope` for teams no longer produced."""
    model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=unique_fields, update_fields=update_fields
    )
    scope.exclude(team_key__in={row.team_key for row in rows}).delete()


@transaction.atomic
def rollups_recompute(*, organisation_id, module_id, now=None) -> list[CoverageRollup]:
    """One module's rollups for an organisation:
    a row per team with requirements and the organisation total."""
    now = now or timezone.now()
    lock_organisation(organisation_id)
    requirements = Requirement.objects.filter(organisation_id=organisation_id, module_id=module_id)
    requirement_states_refresh(requirements=requirements)
    counts = requirement_counts(
        requirements, group_by=("membership__team_id",), conditions=stored_status_conditions(now)
    )
    total, rows = Counter(), []
    for row in counts:
        team_id = row.pop("membership__team_id")
        total.update(row)
        if team_id is not None:
            rows.append(CoverageRollup(team_id=team_id, team_key=team_id, **row))
    if total["assigned"]:
        rows.append(CoverageRollup(team_id=None, team_key=WHOLE_ORGANISATION, **total))
    for row in rows:
        row.organisation_id, row.module_id, row.computed_at = organisation_id, module_id, now
    _upsert(
        CoverageRollup,
        rows,
        scope=CoverageRollup.objects.filter(organisation_id=organisation_id, module_id=module_id),
        unique_fields=["organisation", "module", "team_key"],
        update_fields=[*CoverageRollup.COUNTS, "team", "computed_at"],
    )
    return rows


@transaction.atomic
def framework_recompute(*, organisation_id, now=None) -> list[FrameworkRollup]:
    """How many of each team's (and the organisation's) staff are trained at each framework level."""
    now = now or timezone.now()
    lock_organisation(organisation_id)
    levels, counts = framework_counts(workforce(organisation_id=organisation_id), now=now)
    total, rows = Counter(), []
    for row in counts:
        team_id = row.pop("team_id")
        total.update(row)
        if team_id is not None:
            rows += [
                FrameworkRollup(
                    team_id=team_id,
                    team_key=team_id,
                    level=level,
                    staff=row["staff"],
                    trained=row[f"level_{level.pk}"],
                )
                for level in levels
            ]
    if total["staff"]:
        rows += [
            FrameworkRollup(
                team_id=None,
                team_key=WHOLE_ORGANISATION,
                level=level,
                staff=total["staff"],
                trained=total[f"level_{level.pk}"],
            )
            for level in levels
        ]
    for row in rows:
        row.organisation_id, row.computed_at = organisation_id, now
    # Every level is produced for every team kept,
    # so stale rows are exactly those of teams no longer produced.
    _upsert(
        FrameworkRollup,
        rows,
        scope=FrameworkRollup.objects.filter(organisation_id=organisation_id),
        unique_fields=["organisation", "level", "team_key"],
        update_fields=["staff", "trained", "team", "computed_at"],
    )
    return rows


def progress_recount(*, organisation_id, module_id=None, now=None) -> None:
    """Someone's progress moved: recount the module's rollups (when it is required of them here) and the
    organisation's framework levels (any completion counts towards those)."""
    if module_id is not None:
        rollups_recompute(organisation_id=organisation_id, module_id=module_id, now=now)
    framework_recompute(organisation_id=organisation_id, now=now)


def coverage_refresh(*, organisation_id, module_id=None, now=None) -> None:
    """Re-derive requirements from assignments and memberships, enrol the newly required, recount every
    affected module (and, for the whole organisation, the framework levels). The nightly repair runs this for
    everyone."""
    modules = requirements_sync(organisation_id=organisation_id, module_id=module_id)
    stored = CoverageRollup.objects.filter(organisation_id=organisation_id)
    if module_id is not None:
        modules, stored = modules | {module_id}, stored.filter(module_id=module_id)
    modules |= set(stored.values_list("module_id", flat=True))
    for module in sorted(modules):
        assigned_enrol(organisation_id=organisation_id, module_id=module)
        rollups_recompute(organisation_id=organisation_id, module_id=module, now=now)
    if module_id is None:
        framework_recompute(organisation_id=organisation_id, now=now)


@transaction.atomic
def snapshot_take(*, organisation_id, day=None) -> int:
    """Copy today's organisation totals into the history the coverage chart draws; once a day per module."""
    day = day or timezone.localdate()
    totals = CoverageRollup.objects.filter(organisation_id=organisation_id, team_key=WHOLE_ORGANISATION)
    rows = [
        CoverageSnapshot(
            organisation_id=organisation_id,
            module_id=r.module_id,
            day=day,
            assigned=r.assigned,
            completed=r.completed,
            overdue=r.overdue,
        )
        for r in totals
    ]
    CoverageSnapshot.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["organisation", "module", "day"],
        update_fields=["assigned", "completed", "overdue"],
    )
    return len(rows)
