"""The coverage dashboard's figures, read from the rollups (or counted live for a supervisor's staff or a job
title), in a fixed number of queries however many people the organisation has."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Sum
from django.utils import timezone

from learning.organisations.models import Team
from modules.models import ModulePage

from ..models import WHOLE_ORGANISATION, CoverageRollup, CoverageSnapshot, FrameworkRollup
from .aggregates import framework_counts, requirement_counts, rollup_sum
from .people import requirements_in
from .status import status_conditions

LIST_LENGTH = 10
TREND_DAYS = 90


@dataclass
class HeatmapRow:
    team: object  # None: people without a team
    cells: dict  # module id -> CoverageRollup


@dataclass
class Dashboard:
    scope: object
    modules: list
    totals: dict  # module id -> CoverageRollup for everyone in the scope
    heatmap: list
    levels: list  # FrameworkRollup-shaped rows, one per level
    computed_at: object = None
    lists: dict = field(default_factory=dict)  # "overdue"/"expiring" -> (first rows, count)


def _stored_cells(scope):
    rows = CoverageRollup.objects.filter(organisation=scope.organisation)
    if scope.module is not None:
        rows = rows.filter(module=scope.module)
    if scope.team is not None:
        rows = rows.filter(team_key=scope.team.pk)
    rows = list(rows)
    cells = {(row.team_id, row.module_id): row for row in rows if row.team_key != WHOLE_ORGANISATION}
    if (
        scope.team is None
    ):  # people without a team appear in the total only; their row is what the teams leave
        for total in (row for row in rows if row.team_key == WHOLE_ORGANISATION):
            in_teams = [row for (_team, module), row in cells.items() if module == total.module_id]
            rest = rollup_sum([total], less=in_teams, module_id=total.module_id)
            if rest.assigned:
                cells[None, total.module_id] = rest
    return cells, max((row.computed_at for row in rows), default=None)


def _live_cells(scope, now):
    rows = requirement_counts(
        scope.requirements(),
        group_by=("membership__team_id", "module_id"),
        conditions=status_conditions(now, people=scope.people()),
    )
    return {
        (row.pop("membership__team_id"), row.pop("module_id")): CoverageRollup(**row) for row in rows
    }, now


def _levels(scope, now):
    if scope.is_stored:
        rows = FrameworkRollup.objects.filter(
            organisation=scope.organisation, team_key=scope.team.pk if scope.team else WHOLE_ORGANISATION
        )
        return list(rows.select_related("level").order_by("level__framework", "level__order"))
    levels, counts = framework_counts(scope.memberships(), group_by=("organisation_id",), now=now)
    row = counts[0] if counts else {"staff": 0}
    return [
        FrameworkRollup(level=level, staff=row["staff"], trained=row.get(f"level_{level.pk}", 0))
        for level in levels
    ]


def dashboard_for(scope, *, now=None) -> Dashboard:
    now = now or timezone.now()
    cells, computed_at = _stored_cells(scope) if scope.is_stored else _live_cells(scope, now)
    by_module, by_team = defaultdict(list), defaultdict(dict)
    for (team_id, module_id), row in cells.items():
        by_module[module_id].append(row)
        by_team[team_id][module_id] = row
    modules = list(ModulePage.objects.filter(pk__in=by_module).order_by("title"))
    teams = {team.pk: team for team in Team.objects.filter(pk__in=[t for t in by_team if t is not None])}
    heatmap = [
        HeatmapRow(teams[t], by_team[t]) for t in sorted(teams, key=lambda t: teams[t].name.casefold())
    ]
    if None in by_team:
        heatmap.append(HeatmapRow(None, by_team[None]))
    dashboard = Dashboard(
        scope=scope,
        modules=modules,
        heatmap=heatmap,
        levels=_levels(scope, now),
        totals={m: rollup_sum(rows, module_id=m) for m, rows in by_module.items()},
        computed_at=computed_at,
    )
    for status in ("overdue", "expiring"):
        listed = requirements_in(scope, status=status, now=now)
        # The totals hold the same count (stored or just counted): no second pass over every requirement.
        count = sum(getattr(total, status) for total in dashboard.totals.values())
        dashboard.lists[status] = (list(listed[:LIST_LENGTH]), count)
    return dashboard


def trend_for(*, organisations, module=None, days=TREND_DAYS, today=None) -> list[tuple]:
    """[(day, completed, assigned)] from the nightly snapshots of one or more organisations, oldest first."""
    today = today or timezone.localdate()
    snapshots = CoverageSnapshot.objects.filter(
        organisation__in=organisations, day__gt=today - timedelta(days=days)
    )
    if module is not None:
        snapshots = snapshots.filter(module=module)
    rows = (
        snapshots.values("day").annotate(completed=Sum("completed"), assigned=Sum("assigned")).order_by("day")
    )
    return [(row["day"], row["completed"], row["assigned"]) for row in rows]
