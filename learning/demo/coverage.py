"""Required training for the demo organisations, called at the end of learning.demo.install. Idempotent.

It leaves alone the modules the demo learner's browser journeys start afresh at NHS Riverside (GIRFEC, trauma-
informed care, Safe and Together): there they are required of other teams and job titles, and GIRFEC of
everyone at Harbour Family Recovery.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.coverage.models import Assignment
from learning.coverage.services import assignment_create, coverage_refresh, snapshot_take
from learning.organisations.models import Organisation, Team
from learning.progress.services import lesson_complete
from modules.models import LessonPage, ModulePage

Scope = Assignment.Scope


def coverage_demo_install():
    nhs, harbour = (
        Organisation.objects.get(name="NHS Riverside"),
        Organisation.objects.get(name="Harbour Family Recovery"),
    )
    lead = get_user_model().objects.get(email="lead@example.org")
    modules = {m.slug: m for m in ModulePage.objects.live()}
    today = timezone.localdate()
    families = Team.objects.get(organisation=nhs, name="Family Support Team")
    for organisation, slug, fields in [
        (nhs, "family-inclusive-practice", {"scope": Scope.ORGANISATION, "due_within_days": 60}),
        (
            nhs,
            "trauma-informed-care",
            {"scope": Scope.JOB_TITLE, "job_title": "Social worker", "due_on": today - timedelta(days=14)},
        ),
        (
            nhs,
            "safe-and-together",
            {"scope": Scope.TEAM, "team": families, "due_on": today + timedelta(days=21)},
        ),
        (harbour, "girfec", {"scope": Scope.ORGANISATION, "due_within_days": 30}),
    ]:
        target = {"team": fields.get("team"), "job_title": fields.get("job_title", "")}
        if not Assignment.objects.filter(
            organisation=organisation, module=modules[slug], scope=fields["scope"], **target
        ).exists():
            assignment_create(organisation=organisation, module=modules[slug], created_by=lead, **fields)
    # Some progress to show: lessons done, no module finished (finishing one issues a certificate).
    fip = list(LessonPage.objects.child_of(modules["family-inclusive-practice"]).live())
    User = get_user_model()
    for email, lessons in [("tom.baird@example.org", 2), ("priya.shah@example.org", 1)]:
        for lesson in fip[:lessons]:
            lesson_complete(user=User.objects.get(email=email), lesson=lesson)
    for organisation in (nhs, harbour):  # now, rather than after the worker starts, so the dashboard is ready
        coverage_refresh(organisation_id=organisation.pk)
        snapshot_take(organisation_id=organisation.pk)
