"""Reads of the audit log for an organisation's leads (platform admins use Wagtail's site history report)."""

from wagtail.models import ModelLogEntry


def audit_entries_for(*, organisation):
    """The organisation's entries, newest first: those written with its id in `data`
    (learning/core/audit.py)."""
    return (
        ModelLogEntry.objects.filter(data__organisation=organisation.pk)
        .select_related("user", "content_type")
        .order_by("-timestamp", "-pk")
    )
