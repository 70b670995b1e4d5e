"""How long personal data is kept, and the one nightly cleanup that deletes what is due.

Each app registers, when it starts, a rule per kind of row it does not keep for ever: the setting that says
for how many days, a query for the rows past that limit, and the fields that name stored files. The beat task
`retention_cleanup` runs every rule: rows first, then their files (a file whose delete fails is left without a
row, and the hourly orphan-file sweep in learning.core.orphans removes it). A model that holds files and is
kept on purpose says why with `retention_keep`, so a test can insist that every file-holding model is one or
the other. learning.core imports no other app: it only keeps the lists. The table of rules is in
docs/privacy.md.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Retention:
    name: str
    setting: str | None  # the setting that holds the number of days a row is kept; None: until its own expiry
    due: Callable  # (cutoff: datetime) -> the rows past the limit
    files: tuple = ()  # fields of a row that hold storage paths, deleted with it
    purge: Callable | None = (
        None  # () -> rows deleted or None if the store cannot count, instead of `due` (sessions)
    )


class RetentionFailed(Exception):
    """Some rules failed (each is logged); the others ran."""


_RULES: dict[str, Retention] = {}
_KEPT: dict[str, str] = {}


def retention_register(name: str, *, setting: str | None, due=None, files=(), purge=None) -> None:
    """Declare a kind of row that is deleted `settings.<setting>` days after the date its `due(cutoff)` tests
    (registering a name again replaces it)."""
    if (due is None) == (purge is None):
        raise ValueError("A retention rule has either `due` or `purge`.")
    _RULES[name] = Retention(name, setting, due, tuple(files), purge)


def retention_keep(model, *, reason: str) -> None:
    """Say that the nightly cleanup leaves a model that holds files alone on purpose, and why (kept while
    valid, or deleted by a sweep of its own)."""
    _KEPT[model._meta.label] = reason


def retention_rules() -> list[Retention]:
    return list(_RULES.values())


def retention_kept() -> dict[str, str]:
    return dict(_KEPT)


def retention_cutoff(rule: Retention, *, now: datetime | None = None) -> datetime:
    now = now or timezone.now()
    return now - timedelta(days=getattr(settings, rule.setting)) if rule.setting else now


def stored_files_delete(paths) -> None:
    """Delete stored files once the transaction that deleted their rows commits (never before: a rollback
    would leave rows naming files that are gone)."""
    paths = [str(path) for path in paths if path]
    if paths:
        transaction.on_commit(lambda: [default_storage.delete(path) for path in paths], robust=True)


def retention_apply(rule: Retention, *, now: datetime | None = None) -> int | None:
    """Delete the rows (and files) `rule` says are due; returns how many rows
    (None: the store does not say)."""
    if rule.purge:
        return rule.purge()
    cutoff = retention_cutoff(rule, now=now)
    with transaction.atomic():
        rows = rule.due(cutoff)
        paths = [path for fields in rows.values_list(*rule.files) for path in fields] if rule.files else []
        deleted = rows.delete()[1].get(rows.model._meta.label, 0)
        stored_files_delete(paths)
    return deleted


def retention_run(*, now: datetime | None = None) -> dict[str, int | None]:
    """Run every registered rule; returns (and logs) how many rows each deleted. A rule that fails is logged
    and the others still run: one broken query must not keep everything else for ever."""
    counts, failed = {}, []
    for rule in retention_rules():
        try:
            counts[rule.name] = retention_apply(rule, now=now)
        except Exception:
            logger.exception("Retention rule %r failed", rule.name)
            failed.append(rule.name)
    logger.info(
        "Retention cleanup deleted %s", ", ".join(f"{n} × {name}" for name, n in counts.items()) or "nothing"
    )
    if failed:
        raise RetentionFailed(failed)
    return counts
