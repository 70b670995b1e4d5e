"""Files left without their row are deleted by an hourly sweep.

A task writes a file, then commits the row that points at it; a worker killed between the two (or a
transaction that rolls back after the file was saved) leaves a file nobody can reach, which may hold a
learner's name. Each app registers the storage folder it writes into and the paths its rows hold; a file there
that no row names and that is older than ORPHAN_FILE_MINUTES (longer than any task may run, so no task is
still about to commit its row) is deleted. learning.core imports no other app: each app adds itself in its
AppConfig.ready.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

logger = logging.getLogger(__name__)

_FOLDERS: dict[str, Callable] = {}


def stored_files_register(folder: str, *, known: Callable) -> None:
    """`known()` returns the storage paths under `folder` that rows point at."""
    _FOLDERS[folder.strip("/")] = known


def _files_under(folder):
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for name in folders:
        yield from _files_under(f"{folder}/{name}")


def orphan_files_delete(*, older_than: timedelta | None = None) -> int:
    """Delete the registered folders' files that no row names and that are older than `older_than`."""
    if older_than is None:
        older_than = timedelta(minutes=settings.ORPHAN_FILE_MINUTES)
    cutoff, deleted = timezone.now() - older_than, 0
    for folder, known in list(_FOLDERS.items()):
        files = list(
            _files_under(folder)
        )  # listed before the rows are read: a row committed meanwhile still counts
        named = set(known())
        for path in files:
            if path not in named and default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                deleted += 1
    if deleted:
        logger.warning("Deleted %s stored files that no row names", deleted)
    return deleted
