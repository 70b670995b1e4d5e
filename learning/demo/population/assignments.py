"""The training each generated organisation requires, set a year ago by its workforce lead."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from learning.coverage.models import Assignment

Scope = Assignment.Scope

# (module slug, scope, team or job title, days to complete after joining or after the assignment was set)
PLAN = [
    ("family-inclusive-practice", Scope.ORGANISATION, "", 90),
    ("trauma-informed-care", Scope.ORGANISATION, "", 180),
    ("safe-and-together", Scope.TEAM, "Family Support Team", 120),
    ("safe-and-together", Scope.TEAM, "Children and Families Social Work", 120),
    ("girfec", Scope.JOB_TITLE, "Social worker", 90),
    ("girfec", Scope.JOB_TITLE, "Health visitor", 90),
]
# When in the history the lead set each module's requirement (share of the history already gone by then).
SET_AFTER = {"family-inclusive-practice": 0.0, "trauma-informed-care": 0.25, "safe-and-together": 0.45}
LAST_SET_AFTER = 0.6


def assignments_ensure(organisation, *, modules, teams, today, history_days):
    """Create the plan's assignments the organisation lacks (matched by module, scope and target), dated at
    the start of the history so that due dates fall across the year. Assignments the organisation already has
    are dated back to the same start, as if its lead had set them then: people who join later are unaffected
    (their due dates run from their joining day)."""
    start = today - timedelta(days=history_days)

    def set_at(slug):
        day = start + timedelta(days=int(history_days * SET_AFTER.get(slug, LAST_SET_AFTER)))
        return timezone.make_aware(datetime.combine(day, time(9)))

    teams_by_name = {team.name: team for team in teams}
    for slug, scope, target, days in PLAN:
        if slug not in modules or (scope == Scope.TEAM and target not in teams_by_name):
            continue
        fields = {
            "organisation": organisation,
            "module": modules[slug],
            "scope": scope,
            "team": teams_by_name.get(target) if scope == Scope.TEAM else None,
            "job_title": target if scope == Scope.JOB_TITLE else "",
        }
        if scope == Scope.ORGANISATION:
            exists = Assignment.objects.filter(organisation=organisation, module=modules[slug], scope=scope)
        else:
            exists = Assignment.objects.filter(**fields)
        if not exists.exists():
            Assignment.objects.create(**fields, due_within_days=days, created_at=set_at(slug))
    for slug, module in modules.items():
        Assignment.objects.filter(
            organisation=organisation, module=module, created_at__gt=set_at(slug)
        ).update(created_at=set_at(slug))
