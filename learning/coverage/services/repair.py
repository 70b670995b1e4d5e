"""The nightly repair: every organisation's figures recomputed from scratch, and the day's snapshot taken."""

from datetime import timedelta

from django.utils import timezone

from learning.organisations.models import Organisation

from ..models import StaffImport
from .rollups import coverage_refresh, snapshot_take

UNCONFIRMED_IMPORT_HOURS = 24


def coverage_repair(*, organisation_id) -> int:
    """Recompute everything for one organisation (this also picks up what only the clock changes: due dates
    passing and certificates expiring), then record today's totals. Safe to run again."""
    coverage_refresh(organisation_id=organisation_id)
    return snapshot_take(organisation_id=organisation_id)


def coverage_nightly_queue() -> int:
    """Queue one repair per organisation, and drop staff files uploaded but never confirmed (they hold
    personal data nobody asked to keep)."""
    from .. import tasks  # tasks.py imports the services package: imported on call, which breaks the cycle

    StaffImport.objects.filter(
        applied_at__isnull=True, created_at__lt=timezone.now() - timedelta(hours=UNCONFIRMED_IMPORT_HOURS)
    ).delete()
    organisation_ids = list(Organisation.objects.values_list("pk", flat=True))
    for organisation_id in organisation_ids:
        tasks.coverage_nightly_organisation.delay(organisation_id)
    return len(organisation_ids)
