"""How long privacy keeps what it generates (learning.core.retention): a "Download my data" ZIP is deleted by
an hourly cleanup of its own once DATA_EXPORT_VALID_HOURS have passed (hours, not the nightly cleanup's
days)."""

from learning.core.retention import retention_keep

from .models import DataExport


def register():
    retention_keep(
        DataExport,
        reason="deleted with its file by its own hourly cleanup "
        "(learning.privacy.services.data_exports_delete_expired) once it expires",
    )
