"""Queue Celery tasks after the transaction commits, without ever failing the change that queued them.

`transaction.on_commit(..., robust=True)`: if the broker is down when the callback runs, Django logs the error
and carries on, so a committed change never turns into a 500 for the person who made it. What the task would
have done is not lost: it is owed in the database, and the owed-work sweep (learning.core.owed) or a nightly
repair does it once the broker is back (docs/reliability.md).
"""

from django.db import transaction


class _Send:
    """An on-commit callback that sends `task` with `args`, and remembers that it ran."""

    def __init__(self, task, args):
        self.task, self.args, self.sent = task, args, False
        self.__qualname__ = f"{task.name}.delay"  # Django names a failed robust callback by it in the log

    def __call__(self):
        self.sent = True
        self.task.delay(*self.args)

    def is_pending(self, task, args):
        return not self.sent and self.task.name == task.name and self.args == args


def queue_after_commit(task, *args, once: bool = False) -> None:
    """Send `task.delay(*args)` once the current transaction commits (at once outside a transaction); a broker
    error is logged, never raised. With `once`, an identical send already waiting in this transaction is not
    added again (an import that saves 500 memberships queues one refresh, not 500): the check reads Django's
    own list of this connection's pending callbacks, so a savepoint that rolls back takes its entry with
    it."""
    if once and any(
        isinstance(callback, _Send) and callback.is_pending(task, args)
        for _sids, callback, _robust in transaction.get_connection().run_on_commit
    ):
        return
    transaction.on_commit(_Send(task, args), robust=True)
