"""Set-based counts: one GROUP BY query each, whatever the number of people. The rollup services store what
these return for organisations and teams; views call them directly for cuts not worth storing (a job title,
a supervisor's own staff)."""

from django.db.models import Count, Exists, Q
from django.utils import timezone

from modules.models import FrameworkLevel

from ..models import CoverageRollup
from .status import valid_completions

COUNTED = ("completed", "in_progress", "overdue", "expiring")


def requirement_counts(requirements, *, group_by, conditions) -> list[dict]:
    """Rows of `group_by` values with assigned, not_started, in_progress, completed, overdue and expiring,
    under `conditions` (selectors.status): `status_conditions` counts from the records themselves,
    `stored_status_conditions` from the facts the last recount stored on each requirement."""
    rows = list(
        requirements.order_by()
        .values(*group_by)
        .annotate(assigned=Count("pk"), **{name: Count("pk", filter=conditions[name]) for name in COUNTED})
    )
    for row in rows:
        row["not_started"] = row["assigned"] - row["completed"] - row["in_progress"]
    return rows


def framework_counts(memberships, *, group_by=("team_id",), now=None) -> tuple[list, list[dict]]:
    """(levels, rows): per group, `staff` and, for each framework level, `level_<id>`: how many of the people
    hold a valid completion of any module at that level."""
    now = now or timezone.now()
    levels = list(FrameworkLevel.objects.order_by("framework", "order"))
    people = memberships.order_by().values("user_id")  # each level's subquery reads these people's rows only
    trained = {
        f"level_{level.pk}": Count(
            "pk",
            filter=Q(
                Exists(
                    valid_completions(now=now, user_ref="user", people=people).filter(
                        module__framework_levels=level
                    )
                )
            ),
        )
        for level in levels
    }
    rows = list(memberships.order_by().values(*group_by).annotate(staff=Count("pk"), **trained))
    return levels, rows


def rollup_sum(rows, *, less=(), **fields) -> CoverageRollup:
    """An unsaved rollup holding the sum of `rows` minus the sum of `less` (e.g. a partnership's total)."""
    total = CoverageRollup(**fields)
    for name in CoverageRollup.COUNTS:
        setattr(
            total, name, sum(getattr(row, name) for row in rows) - sum(getattr(row, name) for row in less)
        )
    return total
