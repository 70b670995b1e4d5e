"""Learners see what is assigned to them and when it is due on My learning, overdue first."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.coverage import services

pytestmark = pytest.mark.django_db


def _assign(committed, org, module, days):
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=timezone.localdate() + timedelta(days=days),
    )


def test_assigned_training_with_due_dates_overdue_first(client, org, make_module, committed, complete):
    later, late, done = (
        make_module(title=t, lessons=1) for t in ("Later module", "Late module", "Done module")
    )
    _assign(committed, org, later, 20)
    _assign(committed, org, late, -2)
    _assign(committed, org, done, 5)
    learner = org.learners[0].user
    complete(learner, done)
    client.force_login(learner)
    page = client.get(reverse("my_learning")).content.decode()
    section = page[page.index('id="assigned"') : page.index('id="in-progress"')]
    assert section.index("Late module") < section.index("Later module")
    assert section.count("Overdue") == 1 and "Done module" not in section
    assert (timezone.localdate() - timedelta(days=2)).strftime("%-d %b %Y") in section


@pytest.mark.parametrize("count", [2, 8])
def test_my_learning_query_count_does_not_grow_with_assignments(
    client, org, make_module, committed, count, django_assert_max_num_queries
):
    for n in range(count):
        _assign(committed, org, make_module(lessons=1), n)
    client.force_login(org.learners[0].user)
    with django_assert_max_num_queries(15):  # 14, and the follow-ups on practice panel (assessments)
        response = client.get(reverse("my_learning"))
    assert response.content.decode().count('<th scope="row"><a href=') == count
