"""The events that move coverage figures, each turned into a recompute queued once the change is committed."""
from django.db import transaction
from django.db.models import Exists, OuterRef

from learning.organisations.models import Membership

from ..models import Requirement


class _Queued:
    """An on-commit callback that queues a task, and remembers that it ran."""

    def __init__(self, task, args):
        self.task, self.args, self.ran = task, args, False
        self.__qualname__ = f"{task.name}.delay"  # Django names a failed robust callback by it in the log

    def __call__(self):
        self.ran = True
        self.task.delay(*self.args)

    def is_pending(self, task, args):
        return not self.ran and self.task.name == task.name and self.args == args


def _queue_once(task, *args):
    """Queue `task.delay(*args)` after commit, once per transaction: an import that saves 500 memberships must
    not queue 500 identical refreshes. The check reads Django's own list of this connection's pending
    callbacks, so a savepoint that rolls back takes its entry with it, exactly as it takes the callback.
    Robust: if the broker is down, the learner's or lead's request still succeeds (the error is logged) and the
    nightly repair brings the figures up to date."""
    pending = transaction.get_connection().run_on_commit
    if any(isinstance(callback, _Queued) and callback.is_pending(task, args) for _sids, callback, _robust in pending):
        return
    transaction.on_commit(_Queued(task, args), robust=True)


def coverage_changed(*, user, module) -> None:
    """A person's progress on a module moved (a lesson or the module completed): in each organisation they
    work in, recount the framework levels, and the module's rollups where it is required of them."""
    from .. import tasks

    memberships = (Membership.objects.filter(user=user, is_active=True)
                   .annotate(required=Exists(Requirement.objects.filter(membership=OuterRef("pk"), module=module)))
                   .values_list("organisation_id", "required"))
    for organisation_id, required in sorted(memberships):
        _queue_once(tasks.progress_recount, organisation_id, module.pk if required else None)


def assignments_changed(*, organisation_id, module_id) -> None:
    """An assignment was created, changed or removed: re-derive who must do the module, enrol them, recount."""
    from .. import tasks

    _queue_once(tasks.coverage_refresh, organisation_id, module_id)


def organisation_changed(*, organisation_id) -> None:
    """People joined, left or moved team or job title: re-derive every requirement in the organisation."""
    from .. import tasks

    _queue_once(tasks.coverage_refresh, organisation_id, None)
