"""Requirements of people, with their state: what a learner sees on My learning, what reminders list, and the
drill-down lists of a dashboard."""

from django.db.models import BooleanField, ExpressionWrapper, F
from django.utils import timezone

from learning.progress.selectors import live_modules
from modules.caching import content_version

from ..models import Requirement
from .status import latest_expiry, state_flags, status_conditions, stored_state, stored_status_conditions


def with_status(requirements, *, now=None):
    """Each requirement annotated with is_completed, is_in_progress, is_not_started, is_overdue, is_expiring
    and last_expiry: SQL to filter on, for the many people of a reminder run."""
    now = now or timezone.now()
    flags = {
        f"is_{name}": ExpressionWrapper(condition, output_field=BooleanField())
        for name, condition in status_conditions(now).items()
    }
    return requirements.annotate(**flags, last_expiry=latest_expiry())


def with_state(requirements, *, now=None) -> list:
    """A person's requirements (a few rows), each with the flags of `with_status` and last_expiry, from the
    facts a recount would store (`stored_state`), read live from their records: three subqueries to build
    instead of a dozen, and the states evaluated in Python by the same definition."""
    rows = list(requirements.annotate(**stored_state()))
    for row in rows:
        flags = state_flags(
            due_on=row.due_on,
            done_until=row.state_done_until,
            started=row.state_started,
            last_expires_at=row.state_last_expires_at,
            now=now,
        )
        row.__dict__.update(flags, last_expiry=row.state_last_expires_at)
    return rows


def effective_due(requirement):
    """The requirement's due date, or for a lapsed completion the day it lapsed, if later:
    renewal is due then."""
    if requirement.is_completed or requirement.last_expiry is None:
        return requirement.due_on
    return max(requirement.due_on, timezone.localdate(requirement.last_expiry))


def assigned_to(*, user, now=None) -> list:
    """The modules required of a person and not yet completed, soonest first: one entry per module (the
    earliest due date when two organisations require it), each with `due` and `is_overdue`."""
    modules = live_modules(version=content_version())
    rows = with_state(
        Requirement.objects.filter(membership__user=user, membership__is_active=True)
        .filter(module__in=list(modules))
        .select_related("organisation")
        .order_by("due_on", "pk"),  # the earliest due first; sorted by title below, from the modules' map
        now=now,
    )
    outstanding = {}
    for row in rows:
        if not row.is_completed and row.module_id not in outstanding:
            row.module = modules[row.module_id]
            row.due = effective_due(row)
            outstanding[row.module_id] = row
    return sorted(outstanding.values(), key=lambda row: (not row.is_overdue, row.due, row.module.title))


def requirements_in(scope, *, status=None, now=None):
    """The requirements of the people in a dashboard's scope, optionally in one state, with person, team,
    module and `last_expiry` in the same query, ordered for a list."""
    requirements = scope.requirements()
    if status is not None:
        # From the facts the last recount stored on each requirement (selectors.status): a filter on the
        # organisation's own rows, as fresh as the dashboard's counts, which are taken from the same facts.
        requirements = requirements.filter(stored_status_conditions(now)[status])
    return (
        requirements.annotate(last_expiry=F("last_expires_at"))
        .select_related("membership__user", "membership__team", "module")
        .order_by("due_on", "membership__user__last_name", "membership__user__first_name", "pk")
    )


def record_requirements(*, membership, now=None) -> list:
    """A person's requirements in one organisation, with their state, for their record."""
    rows = with_state(
        Requirement.objects.filter(membership=membership)
        .select_related("module")
        .order_by("due_on", "module__title"),
        now=now,
    )
    for row in rows:
        row.due = effective_due(row)
    return rows
