"""The dashboard costs the same number of queries for 10 staff as for 1,000: it reads rollups, and the lists
it shows are fetched with their people in one query each."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.coverage import services
from learning.coverage.models import Assignment
from learning.organisations.factories import TeamFactory
from learning.organisations.models import Membership
from learning.progress.models import ModuleCompletion

pytestmark = pytest.mark.django_db
MAX_QUERIES = 30


def _add_staff(organisation, teams, supervisor, modules, start, count):
    """Bulk-create `count` people, a third of them having completed the first module (some expiring soon)."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"staff{n}@example.org", first_name="Staff", last_name=f"{n:05d}")
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(
            user=user,
            organisation=organisation,
            team=teams[i % len(teams)],
            supervisor=supervisor if i % 4 == 0 else None,
            job_title=["Nurse", "Social worker", "Recovery worker"][i % 3],
        )
        for i, user in enumerate(users)
    )
    now = timezone.now()
    ModuleCompletion.objects.bulk_create(
        ModuleCompletion(
            user=user,
            module=modules[0],
            completed_at=now,
            expires_at=now + timedelta(days=30 if i % 2 else 900),
        )
        for i, user in enumerate(users)
        if i % 3 == 0
    )
    for module in modules:
        services.requirements_sync(organisation_id=organisation.pk)
        services.rollups_recompute(organisation_id=organisation.pk, module_id=module.pk)
    services.framework_recompute(organisation_id=organisation.pk)
    services.snapshot_take(organisation_id=organisation.pk)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response.content


def test_dashboard_query_count_is_flat_from_10_to_1000_staff(
    client, org, make_module, django_assert_max_num_queries
):
    modules = [make_module(levels=["informed"]), make_module(levels=["skilled"])]
    teams = [org.red, org.blue, *(TeamFactory(organisation=org.organisation) for _ in range(3))]
    for module in modules:
        Assignment.objects.create(
            organisation=org.organisation, module=module, due_on=date.today() - timedelta(days=1)
        )
    urls = {
        "lead": reverse("coverage_dashboard", args=[org.organisation.pk]),
        "lead, job title": reverse("coverage_dashboard", args=[org.organisation.pk]) + "?job_title=Nurse",
        "lead, team": reverse("coverage_dashboard", args=[org.organisation.pk]) + f"?team={org.red.pk}",
        "export": reverse("coverage_export_xlsx", args=[org.organisation.pk]),
    }
    counts = {}
    for size, start in ((10, 0), (990, 10)):
        _add_staff(org.organisation, teams, org.supervisor, modules, start, size)
        for who, user in (("lead", org.lead.user), ("supervisor", org.supervisor.user)):
            client.force_login(user)
            for name, url in urls.items():
                if who == "supervisor" and name != "lead":
                    continue
                with django_assert_max_num_queries(MAX_QUERIES):
                    counts[who, name, start + size], _content = _queries(client, url)
    for (who, name, size), count in counts.items():
        if size == 1000:
            assert count == counts[who, name, 10], (who, name, counts)
    client.force_login(org.lead.user)
    page = client.get(urls["lead"]).content.decode()
    assert "334 of 1004 people complete" in page  # 1,000 bulk-created staff and the four of the `org` fixture
    assert "67 of 202" in page  # the Red team's cell of the heatmap
