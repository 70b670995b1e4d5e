"""The facts each requirement keeps about its person's learning (selectors.status: `stored_state`), brought up
to date by every recount before it counts, so that the stored rollups and the dashboard's lists read the same
facts."""

from ..models import Requirement
from ..selectors.status import stored_state

FIELDS = ("done_until", "started", "last_expires_at")


def requirement_states_refresh(*, requirements) -> int:
    """Recompute the stored facts of `requirements` (a Requirement queryset) from the records in one query,
    and write only the rows whose facts changed (usually the one person whose progress moved); returns how
    many were written."""
    rows = requirements.order_by().annotate(**stored_state()).values_list("pk", *FIELDS, *stored_state())
    changed = [
        Requirement(pk=pk, done_until=done_until, started=started, last_expires_at=last_expires_at)
        for pk, *stored, done_until, started, last_expires_at in rows
        if tuple(stored) != (done_until, started, last_expires_at)
    ]
    Requirement.objects.bulk_update(changed, FIELDS, batch_size=500)
    return len(changed)
