"""Work that must happen, and the one sweep that sees it done.

Every follow-up that matters (a certificate, an export, a ZIP, an email) is first a fact in the database: a
row with a status, or a condition such as "a completion without a certificate". Each app registers, when it
starts, a query for what it owes and the task that does it; the beat task `owed_sweep` re-queues whatever has
been owed for longer than OWED_AFTER_MINUTES. So a broker that was down, a message that was lost or a worker
killed mid-task costs minutes, not the work. Queuing twice is harmless: every task is idempotent (a unique
constraint plus a status check).

learning.core imports no other app: it only keeps the list, and each app adds itself (in its AppConfig.ready).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import slugify

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Owed:
    name: str
    queryset: Callable  # () -> the rows that are owed, whatever their age
    since: str  # the field that says since when a row has been owed
    task: object  # the Celery task that does the work, given the `args` fields of one row
    args: tuple = ("pk",)
    email: bool = (
        False  # an email is given up after OWED_EMAIL_GIVE_UP_DAYS: a day late helps, a week late is noise
    )
    batch_task: object = None  # if given, takes a list of up to `batch` rows' (single) argument per message
    batch: int = 0


_REGISTRY: dict[str, Owed] = {}


def owed_register(
    name: str, *, queryset, since: str, task, args=("pk",), email=False, batch_task=None, batch=0
) -> None:
    """Declare a kind of owed work (once per app, at start-up; registering a name again replaces it). With
    `batch_task` (for work with one argument), rows are queued `batch` to a message instead of one each."""
    _REGISTRY[name] = Owed(name, queryset, since, task, tuple(args), email, batch_task, batch)


def owed_rows(owed: Owed, *, older_than: timedelta, now=None) -> list[tuple]:
    """(task arguments, owed since) of the oldest rows owed for longer than `older_than`
    (at most OWED_BATCH)."""
    now = now or timezone.now()
    rows = owed.queryset().filter(**{f"{owed.since}__lt": now - older_than})
    if owed.email:
        rows = rows.filter(**{f"{owed.since}__gte": now - timedelta(days=settings.OWED_EMAIL_GIVE_UP_DAYS)})
    return [
        (tuple(row[:-1]), row[-1])
        for row in rows.order_by(owed.since).values_list(*owed.args, owed.since)[: settings.OWED_BATCH]
    ]


def owed_requeue(*, older_than: timedelta | None = None) -> dict[str, int]:
    """Queue again everything owed for longer than `older_than` (OWED_AFTER_MINUTES by default); returns how
    many of each kind. In the order the apps registered, so a certificate is queued before its email.

    A row queued again is not queued again for OWED_REQUEUE_GAP_MINUTES, longer than any task's own retries:
    work that keeps failing is tried (with its retries) once in that time, instead of gaining a copy every
    sweep."""
    if older_than is None:
        older_than = timedelta(minutes=settings.OWED_AFTER_MINUTES)
    counts = {}
    for owed in list(_REGISTRY.values()):
        counts[owed.name] = 0
        due = []
        for args, since in owed_rows(owed, older_than=older_than):
            key = f"owed:{slugify(owed.name)}:{'-'.join(map(str, args))}:{since.timestamp()}"
            if cache.add(key, True, timeout=settings.OWED_REQUEUE_GAP_MINUTES * 60):
                due.append((args, key))
        size = owed.batch if owed.batch_task and owed.batch > 1 else 1
        for start in range(0, len(due), size):
            chunk = due[start : start + size]
            try:
                if size > 1:
                    owed.batch_task.delay([args[0] for args, _key in chunk])
                else:
                    owed.task.delay(*chunk[0][0])
            except Exception:
                cache.delete_many([key for _args, key in due[start:]])  # not sent: the next sweep tries again
                raise
            counts[owed.name] += len(chunk)
        if counts[owed.name]:
            logger.warning("Owed-work sweep re-queued %s × %s", counts[owed.name], owed.name)
    return counts


BUILD_ATTEMPTS = 3  # builds of one file (a ZIP) before it is marked failed and a person decides to try again


def owed_build_claim(queryset, pk, *, progress_field: str):
    """Start a build of the row `pk` of `queryset` (a model with status queued/running/ready/failed,
    `attempts` and `updated_at`), or None when there is nothing to build: it is gone, ready or failed (a
    duplicate or late message), or it has used up its attempts (then it is marked failed: its page offers to
    try again).
    Call inside a transaction; the row is locked until it commits."""
    row = queryset.select_for_update(of=("self",)).filter(pk=pk).first()
    if row is None or row.status in ("ready", "failed"):
        return None
    if row.attempts >= BUILD_ATTEMPTS:
        row.status = "failed"
        row.save(update_fields=["status"])
        return None
    row.status, row.updated_at, row.attempts = "running", timezone.now(), row.attempts + 1
    setattr(row, progress_field, 0)
    row.save(update_fields=["status", "attempts", progress_field, "updated_at"])
    return row
