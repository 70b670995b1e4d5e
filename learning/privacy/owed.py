"""What privacy owes until it is done, for the owed-work sweep (learning.core.owed) and the orphan-file sweep
(learning.core.orphans): each data export asked for and not yet built."""

from learning.core.orphans import stored_files_register
from learning.core.owed import owed_register

from . import tasks
from .models import DataExport


def data_exports_owed():
    """Queued, or preparing with no progress since `updated_at` (its worker died)."""
    return DataExport.objects.filter(status__in=[DataExport.Status.QUEUED, DataExport.Status.RUNNING])


def data_export_files():
    return DataExport.objects.exclude(file="").values_list("file", flat=True)


def register():
    owed_register("data export", queryset=data_exports_owed, since="updated_at", task=tasks.data_export_build)
    stored_files_register("data-exports", known=data_export_files)
