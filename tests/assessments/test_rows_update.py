"""learning.core.bulk.rows_update: many rows' new values in one UPDATE ... FROM (VALUES ...), for JSON and
decimal columns as for any other, on SQLite here and on PostgreSQL in the services leg."""

from decimal import Decimal

import pytest

from assessments.models import AttemptQuestion
from assessments.quizzes.services.attempts import attempt_start
from learning.core.bulk import rows_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def started_attempt(quiz, fill_bank, learner):
    fill_bank(quiz)
    return attempt_start(user=learner, quiz=quiz)


def test_each_row_gets_its_own_values_in_one_statement(django_assert_num_queries, started_attempt):
    items = list(AttemptQuestion.objects.filter(attempt=started_attempt).order_by("position"))
    untouched = items.pop()
    for n, item in enumerate(items):
        item.selected, item.mark = [f"option-{n}", 'it\'s "quoted"'], Decimal(n) / 8
    with django_assert_num_queries(1):
        assert rows_update(items, ["selected", "mark"]) == len(items)
    stored = {item.pk: item for item in AttemptQuestion.objects.filter(attempt=started_attempt)}
    for n, item in enumerate(items):
        assert stored[item.pk].selected == [f"option-{n}", 'it\'s "quoted"']
        assert stored[item.pk].mark == Decimal(n) / 8
    assert stored[untouched.pk].selected == [] and stored[untouched.pk].mark is None


def test_nothing_to_write_writes_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert rows_update([], ["selected"]) == 0
