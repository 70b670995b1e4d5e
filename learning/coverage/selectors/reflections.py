"""Reflection counts per team for the dashboard: numbers only, never a reflection's text."""

from collections import defaultdict

from django.utils.translation import gettext

from assessments.practice.selectors.reflections import (
    TeamReflectionCounts,
    reflection_counts_by_team,
    supervisee_overview,
)


def reflection_rows(scope) -> list:
    """Per team, how many reflections wait for review (`submitted`) and how many are signed off. For a lead,
    the organisation's teams; for a supervisor, only their own supervisees', grouped by team."""
    if scope.supervisor is None:
        rows = reflection_counts_by_team(organisation=scope.organisation)
        return [row for row in rows if scope.team is None or row.team_id == scope.team.pk]
    people = supervisee_overview(user=scope.supervisor).filter(organisation=scope.organisation)
    if scope.team is not None:
        people = people.filter(team=scope.team)
    counts, names = defaultdict(lambda: [0, 0]), {}
    for person in people:
        counts[person.team_id][0] += person.waiting
        counts[person.team_id][1] += person.signed_off
        names[person.team_id] = person.team.name if person.team else gettext("No team")
    ordered = sorted(counts, key=lambda team_id: (team_id is None, names[team_id]))
    return [TeamReflectionCounts(team_id, names[team_id], *counts[team_id]) for team_id in ordered]
