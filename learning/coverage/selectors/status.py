"""What state a requirement is in, as SQL conditions: the one definition that counts,
lists and reminders share.

A requirement is completed when the person holds a valid completion of the module (active and not past its
expiry); in progress when they have done a lesson in the current cycle; otherwise not started. Overdue is
unfinished past the due date; expiring is completed with every valid completion ending within 60 days.
Recertification follows from this: when a certificate expires its completion stops counting, and the person
is overdue again (the requirement's due date has passed) until they complete the new cycle.
"""

from datetime import datetime, time, timedelta

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from learning.progress.models import LessonCompletion, ModuleCompletion

EXPIRING_WITHIN_DAYS = 60
STATUSES = ("completed", "in_progress", "not_started", "overdue", "expiring")


def valid_completions(*, now, user_ref="membership__user"):
    """The completions of the outer row's person that count now: active and not past their expiry."""
    return ModuleCompletion.objects.filter(
        user=OuterRef(user_ref), status=ModuleCompletion.Status.ACTIVE
    ).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))


def status_conditions(now=None) -> dict[str, Q]:
    """{status: Q} over a Requirement queryset (people reached through `membership__user`)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    valid = valid_completions(now=now).filter(module=OuterRef("module"))
    # Renewal is due when the certificate expires: someone whose completion lapsed today is not overdue yet.
    lapsed_today = Q(
        Exists(
            ModuleCompletion.objects.filter(
                user=OuterRef("membership__user"),
                module=OuterRef("module"),
                expires_at__gte=timezone.make_aware(datetime.combine(today, time.min)),
            )
        )
    )
    done = Q(Exists(valid))
    lasting = Q(
        Exists(
            valid.filter(
                Q(expires_at__isnull=True) | Q(expires_at__gt=now + timedelta(days=EXPIRING_WITHIN_DAYS))
            )
        )
    )
    started = Q(
        Exists(
            LessonCompletion.objects.filter(
                enrolment__user=OuterRef("membership__user"),
                enrolment__module=OuterRef("module"),
                cycle=F("enrolment__cycle"),
            )
        )
    )
    return {
        "completed": done,
        "in_progress": ~done & started,
        "not_started": ~done & ~started,
        "overdue": ~done & Q(due_on__lt=today) & ~lapsed_today,
        "expiring": done & ~lasting,
    }
