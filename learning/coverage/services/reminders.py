"""Reminder emails: learners' due-soon and overdue training (as it falls due, or weekly), and supervisors'
weekly digest of their staff's overdue training and reflections waiting for review. Each person's frequency
holds."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.practice.selectors.reflections import review_queue
from learning.core.links import absolute_reverse
from learning.organisations.models import acting_supervisor

from ..models import NotificationSent, Requirement
from ..selectors.people import effective_due, with_status
from .mail import Frequency, frequency_of, send_once

Kind = NotificationSent.Kind


def _week(today):
    year, week, _day = today.isocalendar()
    return f"{year}-W{week:02d}"


def _outstanding_by_person(*, now):
    """[(user, [requirement])]: unfinished training due within COVERAGE_DUE_SOON_DAYS or overdue, one per
    module (the earliest due), each with `due`; the person's email preference comes in the same query."""
    horizon = timezone.localdate(now) + timedelta(days=settings.COVERAGE_DUE_SOON_DAYS)
    rows = (
        with_status(
            Requirement.objects.filter(
                due_on__lte=horizon,
                membership__is_active=True,
                membership__user__is_active=True,
                module__live=True,
            ),
            now=now,
        )
        .filter(is_completed=False)
        .select_related("membership__user__email_preference", "module", "organisation")
        .order_by("membership__user_id", "due_on", "pk")
    )
    people, users = defaultdict(dict), {}
    for row in rows:
        row.due = effective_due(row)
        users[row.membership.user_id] = row.membership.user
        people[row.membership.user_id].setdefault(row.module_id, row)
    return [(users[pk], list(modules.values())) for pk, modules in people.items()]


def reminders_send(*, now=None) -> int:
    """Daily, to people who want emails as things fall due: one email naming each module that came within
    COVERAGE_DUE_SOON_DAYS of its due date, or passed it, since they were last told. Returns emails sent."""
    now = now or timezone.now()
    sent = 0
    for user, rows in _outstanding_by_person(now=now):
        if frequency_of(user) != Frequency.IMMEDIATE:
            continue
        occasions = {
            (Kind.OVERDUE if row.is_overdue else Kind.DUE_SOON, f"{row.module_id}:{row.due}"): row
            for row in rows
        }
        sent += bool(
            send_once(
                user=user,
                occasions=occasions,
                subject=_("Your required training"),
                template="coverage/email/reminder",
                context={"url": absolute_reverse("my_learning")},
            )
        )
    return sent


def weekly_summaries_send(*, now=None) -> int:
    """Weekly, to people who chose a weekly summary: everything due soon or overdue, in one email."""
    now = now or timezone.now()
    week, sent = _week(timezone.localdate(now)), 0
    for user, rows in _outstanding_by_person(now=now):
        if frequency_of(user) == Frequency.WEEKLY:
            sent += bool(
                send_once(
                    user=user,
                    occasions={(Kind.WEEKLY, week): None},
                    subject=_("Your required training this week"),
                    template="coverage/email/weekly",
                    context={"rows": rows, "url": absolute_reverse("my_learning")},
                )
            )
    return sent


def supervisor_digests_send(*, now=None) -> int:
    """Weekly, to each supervisor (unless they turned emails off): their staff's overdue training and the
    reflections waiting for their review. Nothing is sent when there is nothing to report."""
    now = now or timezone.now()
    week, sent = _week(timezone.localdate(now)), 0
    overdue = defaultdict(list)
    rows = (
        with_status(
            Requirement.objects.filter(
                acting_supervisor("membership__supervisor__"),
                membership__is_active=True,
                due_on__lt=timezone.localdate(now),
                module__live=True,
            ),
            now=now,
        )
        .filter(is_overdue=True)
        .select_related("membership__user", "membership__supervisor", "module", "organisation")
        .order_by("due_on", "pk")
    )
    for row in rows:
        row.due = effective_due(row)
        overdue[row.membership.supervisor.user_id].append(row)
    supervisors = (
        get_user_model()
        .objects.filter(acting_supervisor("memberships__"), is_active=True)
        .select_related("email_preference")
        .distinct()
        .order_by("pk")
    )
    for user in supervisors:
        if frequency_of(user) == Frequency.OFF:
            continue
        reviews = review_queue(user=user).count()
        if overdue[user.pk] or reviews:
            sent += bool(
                send_once(
                    user=user,
                    occasions={(Kind.DIGEST, week): None},
                    subject=_("Your team's training and reflections"),
                    template="coverage/email/digest",
                    context={
                        "rows": overdue[user.pk],
                        "reviews": reviews,
                        "url": absolute_reverse("supervision"),
                    },
                )
            )
    return sent
