"""Round trips through Redis and a real worker process, on PostgreSQL."""

import pytest

from learning.core.models import HealthPing
from learning.core.tasks import health_ping
from learning.organisations.factories import MembershipFactory
from learning.organisations.models import Membership

pytestmark = pytest.mark.integration


def test_health_task_round_trip_once(celery_worker_process, wait_for):
    for _ in range(3):  # a retried or repeated message must not write twice
        health_ping.delay("integration-ping")
    assert wait_for(lambda: HealthPing.objects.filter(token="integration-ping").exists())
    assert HealthPing.objects.filter(token="integration-ping").count() == 1


@pytest.mark.django_db
def test_models_and_constraints_on_postgresql(real_services):
    from django.db import connection
    from django.db.utils import IntegrityError

    assert connection.vendor == "postgresql"
    membership = MembershipFactory()
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=membership.user, organisation=membership.organisation)
