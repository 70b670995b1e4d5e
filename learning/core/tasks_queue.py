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


class _SendBatch:
    """An on-commit callback that sends the items gathered in its transaction: `one.delay(item)` for a single
    item, `many.delay(chunk)` per `size` of them for more."""

    def __init__(self, one, many, size, item):
        self.one, self.many, self.size, self.items, self.sent = one, many, size, [item], False
        self.__qualname__ = f"{one.name}.delay"  # Django names a failed robust callback by it in the log

    @property
    def task(self):
        return self.one if len(self.items) == 1 else self.many

    def __call__(self):
        self.sent = True
        if len(self.items) == 1:
            self.one.delay(self.items[0])
            return
        for start in range(0, len(self.items), self.size):
            self.many.delay(self.items[start : start + self.size])


def queue_batched_after_commit(*, one, many, item, size: int) -> None:
    """Queue `item` for sending once the current transaction commits, gathered with the other items queued for
    the same task in that transaction: a transaction that records 300 completions sends 300 / `size` messages,
    not 300. Safe whichever savepoint added the callback: a savepoint that could still roll back and take the
    callback with it is one this item was recorded in too (those already released cannot), and a task is
    given ids only, skipping one whose row rolled back."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for _sids, callback, _robust in connection.run_on_commit:
            if isinstance(callback, _SendBatch) and not callback.sent and callback.one.name == one.name:
                callback.items.append(item)
                return
    transaction.on_commit(_SendBatch(one, many, size, item), robust=True)
