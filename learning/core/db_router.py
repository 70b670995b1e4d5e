"""Reports may read from a PostgreSQL read replica; everything else reads and writes the primary.

A replica is configured by DATABASE_REPLICA_URL (settings add the `replica` alias and set REPORTS_DATABASE to
it). Only code that opts in reads there: a report or export wraps its reads in `report_reads()`. Anything a
person has just changed and expects to see (their own pages, permission checks, the audit line a download
writes) stays on the primary, so replication lag can only make a report a few seconds older, never wrong
about what someone may see. Writes always go to the primary.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

PRIMARY = "default"
_reading_reports = ContextVar("reading_reports", default=False)


@contextmanager
def report_reads():
    """Within this block, reads go to the reports database (the replica when one is configured)."""
    token = _reading_reports.set(True)
    try:
        yield
    finally:
        _reading_reports.reset(token)


def reports_database() -> str:
    return getattr(settings, "REPORTS_DATABASE", PRIMARY)


class ReportsReplicaRouter:
    """DATABASE_ROUTERS entry: reads inside `report_reads()` to REPORTS_DATABASE, all else to the primary."""

    def db_for_read(self, model, **hints):
        return reports_database() if _reading_reports.get() else PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY  # a replica follows the primary's schema through replication
