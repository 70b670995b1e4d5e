"""The coverage chart's history: one snapshot per module per day, as the nightly job would have taken them.
Counted from each requirement's start, due and completion days with running sums, so the cost is the number of
requirements plus the number of days, not their product."""

from collections import defaultdict
from datetime import timedelta
from itertools import accumulate

from learning.coverage.models import CoverageSnapshot, Requirement


def _running(counts, days):
    return list(accumulate(counts[i] for i in range(days)))


def snapshots_backfill(organisation, *, completions, required_from, history_start, today) -> int:
    """Snapshots for each day from `history_start` up to yesterday (today's is the nightly job's);
    `required_from` says since when each module has been required here."""
    days = (today - history_start).days
    done_on = {(c.user_id, c.module_id): c.completed_at.date() for c in completions}

    def index(day):
        return min(max((day - history_start).days, 0), days)

    counters = defaultdict(lambda: {k: defaultdict(int) for k in ("start", "done", "due", "due_done")})
    requirements = Requirement.objects.filter(organisation=organisation).values_list(
        "module_id", "due_on", "membership__joined_on", "membership__user_id"
    )
    for module_id, due_on, joined_on, user_id in requirements.iterator(chunk_size=5000):
        count = counters[module_id]
        count["start"][index(max(joined_on, required_from[module_id]))] += 1
        finished = done_on.get((user_id, module_id))
        late_from = index(due_on + timedelta(days=1))
        count["due"][late_from] += 1
        if finished is not None:
            count["done"][index(finished)] += 1
            count["due_done"][max(late_from, index(finished))] += 1
    rows = []
    for module_id, count in counters.items():
        assigned, done, due, due_done = (
            _running(count[k], days) for k in ("start", "done", "due", "due_done")
        )
        rows += [
            CoverageSnapshot(
                organisation=organisation,
                module_id=module_id,
                day=history_start + timedelta(days=i),
                assigned=assigned[i],
                completed=min(done[i], assigned[i]),
                overdue=due[i] - due_done[i],
            )
            for i in range(days)
            if assigned[i]
        ]
    CoverageSnapshot.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)
