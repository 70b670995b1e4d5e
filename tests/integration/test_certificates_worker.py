"""A real worker on Redis and PostgreSQL issues certificates for a batch of completions, each exactly once."""

import pytest
from django.utils import timezone

from certificates.models import Certificate
from certificates.tasks import certificate_issue
from learning.organisations.factories import UserFactory
from learning.progress.models import ModuleCompletion
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.integration


def test_batch_issued_once_each_even_when_queued_twice(celery_worker_process, wait_for):
    module = ModulePageFactory(parent=site_structure_ensure(), title="Batch module")
    completions = [
        ModuleCompletion.objects.create(
            user=UserFactory(), module=module, completed_at=timezone.now(), cpd_minutes=30
        )
        for _ in range(12)
    ]
    for completion in completions:  # each completion queued twice, as a redelivery or a double event would
        certificate_issue.delay(completion.pk)
        certificate_issue.delay(completion.pk)
    assert wait_for(lambda: Certificate.objects.count() >= len(completions), timeout=120)
    assert sorted(Certificate.objects.values_list("completion_id", flat=True)) == sorted(
        c.pk for c in completions
    )
    assert all(c.pdf.size > 1000 for c in Certificate.objects.all())
