"""With Redis unreachable, each of the eight actions answers as usual; once Redis is back, a real worker runs
and the owed-work sweep has queued what was owed, every follow-up is done (checked in the database)."""

import time
from datetime import timedelta

import pytest
from reliability.actions import ACTIONS, broker_unreachable

from learning.core.owed import owed_requeue

pytestmark = pytest.mark.integration


def test_eight_actions_with_the_broker_down_are_answered_and_followed_up_later(
    start_worker, client, wait_for, caplog
):
    client.raise_request_exception = False  # a failure shows as the 500 a person would see
    answered, refused, prepared = {}, [], []
    for action in ACTIONS:
        state = action.prepare(client)
        caplog.clear()
        with broker_unreachable():
            started = time.monotonic()
            answered[action.name] = action.act(client, state).status_code
            prepared.append((action, state, time.monotonic() - started))
        if "in on_commit()" in caplog.text and "6390" in caplog.text:  # its publish was refused, and logged
            refused.append(action.name)
    assert answered == {action.name: action.status for action in ACTIONS}
    assert refused == [action.name for action in ACTIONS]
    assert [action.name for action, state, _took in prepared if action.done(state)] == []

    start_worker()
    back = time.monotonic()
    owed_requeue(older_than=timedelta(0))  # the beat sweep, run now instead of minutes later

    def pending():
        return [action.name for action, state, _took in prepared if not action.done(state)]

    assert wait_for(lambda: not pending(), timeout=120), pending()
    print(
        "\nFIGURES broker-down: "
        + "; ".join(f"{a.name} {took:.2f} s" for a, _s, took in prepared)
        + f"; all followed up {time.monotonic() - back:.1f} s after the sweep"
    )
