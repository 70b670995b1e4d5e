"""A generated workforce with its history: the living demo (`make run`) and the scale benchmark (`make
bench-scale`) build their data with this one generator, at two sizes. Bulk inserts throughout, and no signals:
the organisation's figures are recomputed once at the end, as the nightly repair would.

Idempotent: an organisation that already has generated people (addresses at its generated domain) is left
alone, so `make run` can call it on every start."""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from certificates.backfill import certificates_backfill
from learning.coverage.models import Assignment, Requirement
from learning.coverage.services import coverage_refresh, snapshot_take
from learning.coverage.services.requirements import requirements_sync
from learning.organisations.models import Membership
from modules.models import LessonPage, ModulePage

from .assignments import assignments_ensure
from .history import ModuleFacts, Writer
from .people import email_domain, people_create, teams_ensure
from .practice import reflections_write, sessions_write
from .snapshots import snapshots_backfill


@dataclass
class Generated:
    organisations: int = 0
    people: int = 0
    completions: int = 0
    certificates: int = 0
    reflections: int = 0
    sessions: int = 0
    snapshots: int = 0


def _module_facts():
    modules = {m.slug: m for m in ModulePage.objects.live().specific()}
    facts = {}
    for module in modules.values():
        lessons = tuple(LessonPage.objects.child_of(module).live().values_list("pk", flat=True))
        if len(lessons) >= 2:
            facts[module.pk] = ModuleFacts(
                pk=module.pk,
                lessons=lessons,
                revision_id=module.live_revision_id,
                cpd_minutes=module.cpd_claim_minutes,
                validity_months=module.validity_months,
            )
    return modules, facts


def _organisation_generate(organisation, *, staff, rng, today, history_start, modules, facts, report):
    history_days = (today - history_start).days
    teams = teams_ensure(organisation, count=max(2, min(8, staff // 35)))
    people = people_create(
        organisation, teams=teams, staff=staff, rng=rng, today=today, history_days=history_days
    )
    assignments_ensure(organisation, modules=modules, teams=teams, today=today, history_days=history_days)
    requirements_sync(organisation_id=organisation.pk)
    required = {}
    for membership_id, module_id, due_on in Requirement.objects.filter(
        membership__in=[m.pk for m in people]
    ).values_list("membership_id", "module_id", "due_on"):
        required.setdefault(membership_id, {})[module_id] = due_on
    required_from = dict(
        Assignment.objects.filter(organisation=organisation)
        .values("module_id")
        .annotate(first=Min("created_at"))
        .values_list("module_id", "first")
    )
    required_from = {module_id: timezone.localdate(first) for module_id, first in required_from.items()}
    writer = Writer(rng=rng, today=today, history_start=history_start)
    for membership in people:
        mine = required.get(membership.pk, {})
        for module_id, due_on in mine.items():
            if module_id in facts:
                writer.record(
                    membership, facts[module_id], due_on=due_on, required_from=required_from[module_id]
                )
        chosen = [pk for pk in facts if pk not in mine]
        if chosen and rng.random() < 0.08:  # learning they chose for themselves
            writer.record(membership, facts[rng.choice(chosen)])
    completions = writer.write()
    users = {m.user_id: m.user for m in people}
    supervisors = {
        m.pk: m
        for m in Membership.objects.filter(organisation=organisation, is_supervisor=True).select_related(
            "user", "organisation"
        )
    }
    report.people += len(people)
    report.completions += len(completions)
    report.certificates += certificates_backfill(
        completions=completions, organisation=organisation, users=users
    )
    report.reflections += reflections_write(
        people, completions, supervisors=supervisors, rng=rng, today=today
    )
    report.sessions += sessions_write(
        people, supervisors=supervisors, rng=rng, today=today, history_start=history_start
    )
    report.snapshots += snapshots_backfill(
        organisation,
        completions=completions,
        required_from=required_from,
        history_start=history_start,
        today=today,
    )


def population_generate(*, organisations, staff, history_days=365, seed=2026, today=None) -> Generated:
    """Give each organisation `staff` generated people and `history_days` of history."""
    today = today or timezone.localdate()
    history_start = today - timedelta(days=history_days)
    modules, facts = _module_facts()
    report = Generated()
    for organisation in organisations:
        if Membership.objects.filter(
            organisation=organisation, user__email__endswith=email_domain(organisation)
        ).exists():
            continue
        rng = random.Random(f"{seed}-{organisation.name}")  # noqa: S311 (made-up data, repeatable by seed)
        with transaction.atomic():
            _organisation_generate(
                organisation,
                staff=staff,
                rng=rng,
                today=today,
                history_start=history_start,
                modules=modules,
                facts=facts,
                report=report,
            )
        now = timezone.now() + (today - timezone.localdate())  # the figures as they stand at `today`
        coverage_refresh(organisation_id=organisation.pk, now=now)
        snapshot_take(organisation_id=organisation.pk, day=today)
        report.organisations += 1
    return report
