"""The demo's required training: idempotent, and leaves the demo learner's browser journeys as they were."""

import pytest
from django.urls import reverse

from learning.coverage.models import Assignment, CoverageRollup
from learning.demo.install import demo_data_install
from learning.progress.models import Enrolment

pytestmark = pytest.mark.django_db


def test_demo_assigns_training_once_and_leaves_the_learner_journeys_alone(client):
    demo_data_install()
    demo_data_install()
    assert Assignment.objects.count() == 4
    enrolled = set(
        Enrolment.objects.filter(user__email="learner@example.org").values_list("module__slug", flat=True)
    )
    assert enrolled == {"family-inclusive-practice"}
    assert CoverageRollup.objects.filter(
        organisation__name="Harbour Family Recovery", module__slug="girfec"
    ).exists()
    client.login(email="lead@example.org", password="whole-family-demo-2026")
    page = client.get(reverse("coverage_home")).content.decode()
    assert "Riverside Alcohol and Drug Partnership: partners' combined figures" in page
