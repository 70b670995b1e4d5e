"""The ceiling the coverage dashboard is measured against: the same figures counted the simplest way, person
by person, a few queries for each requirement. Deliberately naive; it lives in the bench only."""

from collections import Counter, defaultdict
from datetime import timedelta

from django.db.models import F, Q
from django.utils import timezone

from learning.coverage.models import Requirement
from learning.coverage.selectors.status import EXPIRING_WITHIN_DAYS
from learning.organisations.models import Membership
from learning.progress.models import LessonCompletion, ModuleCompletion

LIST_LENGTH = 10


def naive_dashboard(organisation, *, now=None) -> dict:
    """Per (team, module): assigned, completed, in progress, overdue, expiring; per framework level: people
    trained; the first overdue and expiring people; as the dashboard shows them."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cells, levels = defaultdict(Counter), Counter()
    overdue, expiring = [], []
    people = Membership.objects.filter(organisation=organisation, is_active=True, is_learner=True)
    for membership in people.select_related("user"):
        for requirement in Requirement.objects.filter(membership=membership):
            valid = [
                c
                for c in ModuleCompletion.objects.filter(
                    user_id=membership.user_id, module_id=requirement.module_id, status="active"
                )
                if c.expires_at is None or c.expires_at > now
            ]
            started = LessonCompletion.objects.filter(
                enrolment__user_id=membership.user_id,
                enrolment__module_id=requirement.module_id,
                cycle=F("enrolment__cycle"),
            ).exists()
            cell = cells[membership.team_id, requirement.module_id]
            cell["assigned"] += 1
            if valid:
                cell["completed"] += 1
                soon = now + timedelta(days=EXPIRING_WITHIN_DAYS)
                if all(c.expires_at is not None and c.expires_at <= soon for c in valid):
                    cell["expiring"] += 1
                    expiring.append(requirement)
            elif started:
                cell["in_progress"] += 1
            if not valid and requirement.due_on < today:
                cell["overdue"] += 1
                overdue.append(requirement)
        trained = ModuleCompletion.objects.filter(user_id=membership.user_id, status="active").filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )
        levels.update(
            set(
                trained.exclude(module__framework_levels=None).values_list(
                    "module__framework_levels", flat=True
                )
            )
        )
    overdue.sort(key=lambda r: r.due_on)
    return {
        "cells": cells,
        "levels": levels,
        "overdue": (overdue[:LIST_LENGTH], len(overdue)),
        "expiring": (expiring[:LIST_LENGTH], len(expiring)),
    }
