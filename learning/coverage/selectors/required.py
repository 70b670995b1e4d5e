"""How many people each assigned module requires, counted from the assignments as they are now."""

from collections import Counter

from .scope import workforce


def people_required(*, organisation_id, assignments) -> dict[int, int]:
    """{module id: number of people its live assignments here apply to}. Matched the way requirements_sync
    matches (Assignment.applies_to), but read straight from the assignments and the workforce: right after an
    assignment changes it is already exact, while the stored rollups and Requirement rows wait for the recount
    queued after commit. One query, whatever the number of people."""
    live = [a for a in assignments if a.module.live]
    counts = Counter()
    for team_id, job_title in workforce(organisation_id=organisation_id).values_list("team_id", "job_title"):
        counts.update({a.module_id for a in live if a.applies_to(team_id=team_id, job_title=job_title)})
    return dict(counts)
