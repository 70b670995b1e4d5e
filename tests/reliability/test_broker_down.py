"""With the broker unreachable, each of the eight actions still answers as usual (its change is committed and
the failed publish is logged), and what it owes is done once the broker is back and the owed-work sweep runs.
Real transactions, so the on-commit queueing runs inside the request as it does in production."""

from datetime import timedelta

import pytest

from learning.core.owed import owed_requeue

from .actions import ACTIONS, broker_unreachable

pytestmark = pytest.mark.usefixtures("transactional_db", "django_db_serialized_rollback")


@pytest.mark.parametrize("action", ACTIONS, ids=[a.name for a in ACTIONS])
def test_action_answers_normally_and_its_follow_up_is_done_once_the_broker_is_back(action, client, caplog):
    state = action.prepare(client)
    client.raise_request_exception = False  # a failure shows as the 500 a person would see
    with broker_unreachable():
        response = action.act(client, state)
    assert response.status_code == action.status
    assert "in on_commit()" in caplog.text and "6390" in caplog.text  # the refused publish was logged
    assert not action.done(state)
    owed_requeue(older_than=timedelta(0))  # the beat sweep, run now instead of minutes later (eager tasks)
    assert action.done(state)
