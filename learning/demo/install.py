"""Demo organisations, people and content for `make run`. Idempotent: safe to run on every start."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from assessments.quizzes.seed import seed_quizzes_install
from learning.organisations.models import Organisation, Team
from learning.organisations.services import membership_upsert
from modules.seed import seed_modules_install

from .coverage import coverage_demo_install
from .population import population_generate

# The living demo: how many generated staff each demo organisation gets, with a year of history.
DEMO_POPULATION = {"NHS Riverside": 240, "Harbour Family Recovery": 60}

DEMO_PASSWORD = "whole-family-demo-2026"  # noqa: S105 (demo accounts only, published in the README)
DEMO_ACCOUNTS = [
    ("learner@example.org", "Learner (frontline staff)"),
    ("supervisor@example.org", "Supervisor"),
    ("lead@example.org", "Workforce lead"),
    ("editor@example.org", "Wagtail editor and moderator"),
]


def _person(email, first, last):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def demo_data_install():
    seed_modules_install()
    seed_quizzes_install()
    adp, _ = Organisation.objects.get_or_create(
        name="Riverside Alcohol and Drug Partnership", defaults={"kind": "adp"}
    )
    nhs, _ = Organisation.objects.get_or_create(
        name="NHS Riverside", defaults={"kind": "nhs", "partnership": adp, "shares_with_partnership": True}
    )
    harbour, _ = Organisation.objects.get_or_create(
        name="Harbour Family Recovery",
        defaults={"kind": "third", "partnership": adp, "shares_with_partnership": True},
    )
    addictions, _ = Team.objects.get_or_create(organisation=nhs, name="Community Addictions Team")
    families, _ = Team.objects.get_or_create(organisation=nhs, name="Family Support Team")
    outreach, _ = Team.objects.get_or_create(organisation=harbour, name="Outreach")

    supervisor = _person("supervisor@example.org", "Sam", "Reid")
    sup = membership_upsert(
        user=supervisor, organisation=nhs, team=addictions, job_title="Team leader", is_supervisor=True
    )
    learner = _person("learner@example.org", "Alex", "Morgan")
    membership_upsert(
        user=learner, organisation=nhs, team=addictions, job_title="Recovery worker", supervisor=sup
    )
    lead = _person("lead@example.org", "Jordan", "Fraser")
    membership_upsert(
        user=lead, organisation=nhs, job_title="Workforce development lead", is_learner=False, is_lead=True
    )
    membership_upsert(
        user=lead, organisation=adp, job_title="ADP coordinator", is_learner=False, is_lead=True
    )
    for email, first, last, team, title in [
        ("priya.shah@example.org", "Priya", "Shah", families, "Family support worker"),
        ("tom.baird@example.org", "Tom", "Baird", addictions, "Community psychiatric nurse"),
        ("morag.wilson@example.org", "Morag", "Wilson", families, "Social worker"),
    ]:
        membership_upsert(
            user=_person(email, first, last), organisation=nhs, team=team, job_title=title, supervisor=sup
        )
    harbour_sup = membership_upsert(
        user=_person("fiona.grant@example.org", "Fiona", "Grant"),
        organisation=harbour,
        team=outreach,
        job_title="Service manager",
        is_supervisor=True,
        is_lead=True,
    )
    membership_upsert(
        user=_person("kai.murray@example.org", "Kai", "Murray"),
        organisation=harbour,
        team=outreach,
        job_title="Peer recovery worker",
        supervisor=harbour_sup,
    )

    editor = _person("editor@example.org", "Eilidh", "Campbell")
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    coverage_demo_install()


def demo_population_install():
    """Staff and a year of history for the demo organisations, so the dashboards show what a lead would see.
    Skipped for an organisation that already has them."""
    for name, staff in DEMO_POPULATION.items():
        population_generate(organisations=[Organisation.objects.get(name=name)], staff=staff)
