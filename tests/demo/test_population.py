"""The generated workforce behind the living demo and the scale benchmark (issue #15 item 6, issue #17)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from assessments.models import ReflectiveEntry, SupervisionSession
from certificates.models import Certificate
from learning.coverage.models import CoverageRollup, CoverageSnapshot, Requirement
from learning.demo.population import population_generate
from learning.organisations.models import Membership, Organisation
from learning.progress.models import ModuleCompletion
from modules.seed import seed_modules_install

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 30)
HISTORY = 120


@pytest.fixture
def generated():
    seed_modules_install()
    organisation = Organisation.objects.create(name="Test Health Board", kind=Organisation.Kind.NHS_BOARD)
    report = population_generate(organisations=[organisation], staff=60, history_days=HISTORY, today=TODAY)
    return organisation, report


def test_staff_in_teams_each_with_a_supervisor_and_no_way_to_sign_in(generated):
    organisation, report = generated
    people = Membership.objects.filter(organisation=organisation).select_related("user")
    assert report.people == people.count() == 60
    supervisors = people.filter(is_supervisor=True)
    assert supervisors.count() == people.values("team").distinct().count() >= 2
    for membership in people.filter(is_supervisor=False):
        assert membership.supervisor.team_id == membership.team_id
        assert not membership.user.has_usable_password()


def test_a_year_of_history_shows_every_state_a_lead_and_a_supervisor_meet(generated):
    organisation, report = generated
    totals = CoverageRollup.objects.filter(organisation=organisation, team_key=0)
    for field in ("completed", "in_progress", "not_started", "overdue"):
        assert sum(getattr(row, field) for row in totals) > 0, field
    statuses = set(ReflectiveEntry.objects.values_list("status", flat=True))
    assert statuses == set(ReflectiveEntry.Status.values)
    assert (
        SupervisionSession.objects.filter(supervisor__organisation=organisation).count()
        == report.sessions
        > 0
    )
    completions = ModuleCompletion.objects.filter(user__memberships__organisation=organisation)
    assert completions.count() == report.completions == report.certificates
    assert not Certificate.objects.exclude(pdf="").exists()  # rendered when first asked for


def _naive_snapshot(organisation, module_id, day, required_from):
    """The day's figures counted person by person, the slow way the running sums must agree with."""
    assigned = completed = overdue = 0
    for requirement in Requirement.objects.filter(
        organisation=organisation, module_id=module_id
    ).select_related("membership"):
        if max(requirement.membership.joined_on, required_from) > day:
            continue
        assigned += 1
        done = ModuleCompletion.objects.filter(
            user_id=requirement.membership.user_id, module_id=module_id, completed_at__date__lte=day
        ).exists()
        completed += done
        overdue += not done and requirement.due_on < day
    return assigned, completed, overdue


def test_daily_snapshots_agree_with_a_count_person_by_person(generated):
    organisation, report = generated
    snapshots = CoverageSnapshot.objects.filter(organisation=organisation)
    assert snapshots.count() == report.snapshots + snapshots.filter(day=TODAY).count()
    checked = 0
    for snapshot in snapshots.exclude(day=TODAY).order_by("module_id", "day")[::37]:
        first = snapshots.filter(module_id=snapshot.module_id).order_by("day").first().day
        required_from = first if first > TODAY - timedelta(days=HISTORY) else date.min
        expected = _naive_snapshot(organisation, snapshot.module_id, snapshot.day, required_from)
        assert (snapshot.assigned, snapshot.completed, snapshot.overdue) == expected, snapshot.day
        checked += 1
    assert checked >= 5


def test_generating_again_adds_nothing(generated):
    organisation, _ = generated
    counts = (Membership.objects.count(), ModuleCompletion.objects.count(), CoverageSnapshot.objects.count())
    again = population_generate(organisations=[organisation], staff=60, history_days=HISTORY, today=TODAY)
    assert again.organisations == again.people == 0
    assert counts == (
        Membership.objects.count(),
        ModuleCompletion.objects.count(),
        CoverageSnapshot.objects.count(),
    )


def test_a_generated_certificate_is_rendered_on_first_download(generated, client):
    certificate = Certificate.objects.select_related("user").first()
    client.force_login(certificate.user)
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf.name == f"certificates/{certificate.code}.pdf"
