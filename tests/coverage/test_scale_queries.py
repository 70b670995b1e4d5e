"""Coverage work costs the same number of queries whatever the size of the organisation or of the platform
(issue #17): the recount after a lesson, the nightly repair of one organisation, the dashboard and its XLSX
export. And the reports database router: exports may read from a replica, nothing else does."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.core.db_router import ReportsReplicaRouter, report_reads
from learning.coverage import services
from learning.coverage.models import Assignment, Requirement
from learning.organisations.factories import OrganisationFactory
from learning.organisations.models import Membership
from learning.progress.models import ModuleCompletion

pytestmark = pytest.mark.django_db
ROUTER = "learning.core.db_router.ReportsReplicaRouter"


def _add_people(organisation, teams, module, start, count):
    """`count` people in `organisation`, spread over `teams`, a third with a completion of `module`."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"scale{n}@example.org", first_name="Person", last_name=f"{n:05d}")
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation, team=teams[i % len(teams)] if teams else None)
        for i, user in enumerate(users)
    )
    now = timezone.now()
    ModuleCompletion.objects.bulk_create(
        ModuleCompletion(user=user, module=module, completed_at=now, expires_at=now + timedelta(days=30))
        for i, user in enumerate(users)
        if i % 3 == 0
    )


def _settled(organisation, module):
    """Requirements derived and everyone enrolled, as after the first nightly repair."""
    services.coverage_repair(organisation_id=organisation.pk)
    assert Requirement.objects.filter(organisation=organisation, module=module).exists()


def _count(action):
    with CaptureQueriesContext(connection) as context:
        action()
    return len(context)


@pytest.fixture
def grown(org, make_module):
    """A function that grows the `org` organisation (people) or the platform (another organisation of the
    same size), then returns the query counts of each piece of coverage work for `org`."""
    module = make_module(levels=["informed"])
    Assignment.objects.create(
        organisation=org.organisation, module=module, due_on=date.today() - timedelta(days=1)
    )
    teams, added = [org.red, org.blue], [0]

    def grow(*, people=0, organisations=0):
        _add_people(org.organisation, teams, module, added[0], people)
        added[0] += people
        for _ in range(organisations):
            other = OrganisationFactory()
            Assignment.objects.create(organisation=other, module=module, due_on=date.today())
            _add_people(other, [], module, added[0], 20)
            added[0] += 20
            _settled(other, module)
        _settled(org.organisation, module)
        return {
            "recount": _count(
                lambda: services.progress_recount(organisation_id=org.organisation.pk, module_id=module.pk)
            ),
            "repair": _count(lambda: services.coverage_repair(organisation_id=org.organisation.pk)),
        }

    return grow


def test_recount_and_repair_cost_the_same_queries_at_any_size(grown):
    small = grown(people=5)
    more_people = grown(people=60)
    more_organisations = grown(organisations=3)
    assert small == more_people == more_organisations, (small, more_people, more_organisations)
    # One of each is the read of the requirements' stored facts (services/states.py) before counting them.
    assert small["recount"] <= 14 and small["repair"] <= 27, small


def test_dashboard_and_export_cost_the_same_queries_at_any_size(client, org, make_module):
    module = make_module(levels=["informed"])
    Assignment.objects.create(
        organisation=org.organisation, module=module, due_on=date.today() - timedelta(days=1)
    )
    client.force_login(org.lead.user)
    urls = [
        reverse("coverage_dashboard", args=[org.organisation.pk]),
        reverse("coverage_export_xlsx", args=[org.organisation.pk]),
    ]

    def counts():
        _settled(org.organisation, module)
        client.get(urls[0])  # warm the per-process caches (site root, content types)
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            result.append(len(context))
        return result

    small = counts()
    _add_people(org.organisation, [org.red, org.blue], module, 0, 60)
    other = OrganisationFactory()
    _add_people(other, [], module, 100, 40)
    assert counts() == small
    assert small[0] <= 30 and small[1] <= 30, small


def test_router_reads_the_primary_without_a_replica():
    router = ReportsReplicaRouter()
    with report_reads():
        assert router.db_for_read(Requirement) == "default"
    assert router.db_for_write(Requirement) == "default"


@override_settings(REPORTS_DATABASE="replica")
def test_router_sends_only_report_reads_to_the_replica():
    router = ReportsReplicaRouter()
    assert router.db_for_read(Requirement) == "default"
    with report_reads():
        assert router.db_for_read(Requirement) == "replica"
        assert router.db_for_write(Requirement) == "default"
    assert router.db_for_read(Requirement) == "default"
    assert router.allow_migrate("replica", "coverage") is False


class RecordingRouter(ReportsReplicaRouter):
    """The real router's choices, recorded; the query then runs on the primary (there is no second server
    in tests)."""

    chosen = []

    def db_for_read(self, model, **hints):
        self.chosen.append((model._meta.label, super().db_for_read(model, **hints)))
        return "default"


@override_settings(REPORTS_DATABASE="replica", DATABASE_ROUTERS=[f"{__name__}.RecordingRouter"])
def test_the_xlsx_export_reads_its_figures_from_the_replica(client, org, make_module):
    module = make_module()
    Assignment.objects.create(organisation=org.organisation, module=module, due_on=date.today())
    _settled(org.organisation, module)
    client.force_login(org.lead.user)
    RecordingRouter.chosen.clear()
    response = client.get(reverse("coverage_export_xlsx", args=[org.organisation.pk]))
    assert response.status_code == 200
    on_replica = {label for label, alias in RecordingRouter.chosen if alias == "replica"}
    assert {"coverage.CoverageRollup", "coverage.Requirement", "coverage.FrameworkRollup"} <= on_replica
    assert any(alias == "default" for _label, alias in RecordingRouter.chosen)  # the permission check
    RecordingRouter.chosen.clear()
    assert client.get(reverse("coverage_dashboard", args=[org.organisation.pk])).status_code == 200
    assert {alias for _label, alias in RecordingRouter.chosen} == {"default"}


def test_settings_install_the_router(settings):
    assert settings.DATABASE_ROUTERS == [ROUTER] and settings.REPORTS_DATABASE == "default"
