"""What state a requirement is in, as SQL conditions: the one definition that counts,
lists and reminders share.

A requirement is completed when the person holds a valid completion of the module (active and not past its
expiry); in progress when they have done a lesson in the current cycle; otherwise not started. Overdue is
unfinished past the due date; expiring is completed with every valid completion ending within 60 days.
Recertification follows from this: when a certificate expires its completion stops counting, and the person
is overdue again (the requirement's due date has passed) until they complete the new cycle.

Every subquery can be restricted to `people` (the user ids of one organisation's memberships). Without it,
PostgreSQL hashes each subquery over the whole platform's completions (a hashed SubPlan) and the cost of one
organisation's count follows the platform's size; with it, each hash is built from that organisation's rows
only, through the (user, ...) indexes, and the cost follows the organisation's size.
"""

from datetime import datetime, time, timedelta

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from learning.progress.models import LessonCompletion, ModuleCompletion

EXPIRING_WITHIN_DAYS = 60
STATUSES = ("completed", "in_progress", "not_started", "overdue", "expiring")


def valid_completions(*, now, user_ref="membership__user", people=None):
    """The completions of the outer row's person that count now: active and not past their expiry."""
    completions = ModuleCompletion.objects.filter(
        user=OuterRef(user_ref), status=ModuleCompletion.Status.ACTIVE
    ).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
    return completions if people is None else completions.filter(user_id__in=people)


def status_conditions(now=None, *, people=None) -> dict[str, Q]:
    """{status: Q} over a Requirement queryset (people reached through `membership__user`); `people`, when
    given, is a queryset of the user ids the requirements can belong to (see the module's docstring)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    valid = valid_completions(now=now, people=people).filter(module=OuterRef("module"))
    # Renewal is due when the certificate expires: someone whose completion lapsed today is not overdue yet.
    lapsed = ModuleCompletion.objects.filter(
        user=OuterRef("membership__user"),
        module=OuterRef("module"),
        expires_at__gte=timezone.make_aware(datetime.combine(today, time.min)),
    )
    lessons = LessonCompletion.objects.filter(
        enrolment__user=OuterRef("membership__user"),
        enrolment__module=OuterRef("module"),
        cycle=F("enrolment__cycle"),
    )
    if people is not None:
        lapsed, lessons = lapsed.filter(user_id__in=people), lessons.filter(enrolment__user_id__in=people)
    lapsed_today = Q(Exists(lapsed))
    done = Q(Exists(valid))
    lasting = Q(
        Exists(
            valid.filter(
                Q(expires_at__isnull=True) | Q(expires_at__gt=now + timedelta(days=EXPIRING_WITHIN_DAYS))
            )
        )
    )
    started = Q(Exists(lessons))
    return {
        "completed": done,
        "in_progress": ~done & started,
        "not_started": ~done & ~started,
        "overdue": ~done & Q(due_on__lt=today) & ~lapsed_today,
        "expiring": done & ~lasting,
    }
