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

The same states can be read from the facts each recount stores on the requirement (`stored_state`:
`done_until`, `started`, `last_expires_at`), which do not change with the clock: `stored_status_conditions`
compares them with now, so the dashboard's lists and the stored rollups agree and cost a plain filter.
"""

from datetime import UTC, datetime, time, timedelta

from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from learning.progress.models import LessonCompletion, ModuleCompletion

EXPIRING_WITHIN_DAYS = 60
# `done_until` of a completion that never expires: later than any date compared with it.
DONE_FOREVER = datetime(9999, 12, 31, tzinfo=UTC)
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
        expires_at__gte=_today_starts(today),
    )
    lessons = _lessons_in_cycle()
    if people is not None:
        lapsed, lessons = lapsed.filter(user_id__in=people), lessons.filter(enrolment__user_id__in=people)
    return _states(
        done=Q(Exists(valid)),
        lasting=Q(
            Exists(
                valid.filter(
                    Q(expires_at__isnull=True) | Q(expires_at__gt=now + timedelta(days=EXPIRING_WITHIN_DAYS))
                )
            )
        ),
        started=Q(Exists(lessons)),
        lapsed_today=Q(Exists(lapsed)),
        past_due=Q(due_on__lt=today),
    )


def _states(*, done, lasting, started, lapsed_today, past_due):
    """The one definition of the states, from five facts about a requirement: as SQL conditions (each fact a
    Q) or for one requirement in Python (each fact a Fact)."""
    return {
        "completed": done,
        "in_progress": ~done & started,
        "not_started": ~done & ~started,
        "overdue": ~done & past_due & ~lapsed_today,
        "expiring": done & ~lasting,
    }


class Fact:
    """A truth value with the operators of Q, so that `_states` also reads one requirement's facts in Python
    (`~` on a bool would give -2, not False)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = bool(value)

    def __and__(self, other):
        return Fact(self.value and other.value)

    def __invert__(self):
        return Fact(not self.value)


def _today_starts(today):
    return timezone.make_aware(datetime.combine(today, time.min))


def stored_state():
    """Annotations computing a Requirement's stored facts from the records (what a recount writes):
    `state_done_until`, `state_started`, `state_last_expires_at`. None of them depends on the time."""
    active = ModuleCompletion.objects.filter(
        user=OuterRef("membership__user"), module=OuterRef("module"), status=ModuleCompletion.Status.ACTIVE
    )
    return {
        "state_done_until": Subquery(
            active.annotate(until=Coalesce("expires_at", Value(DONE_FOREVER)))
            .order_by("-until")
            .values("until")[:1]
        ),
        "state_started": Exists(_lessons_in_cycle()),
        "state_last_expires_at": latest_expiry(),
    }


def _lessons_in_cycle():
    """The lessons the outer requirement's person has done in their current cycle of its module."""
    return LessonCompletion.objects.filter(
        enrolment__user=OuterRef("membership__user"),
        enrolment__module=OuterRef("module"),
        cycle=F("enrolment__cycle"),
    )


def latest_expiry():
    """When the outer requirement's person's latest completion of its module ends (or ended)."""
    return Subquery(
        ModuleCompletion.objects.filter(
            user=OuterRef("membership__user"), module=OuterRef("module"), expires_at__isnull=False
        )
        .order_by("-expires_at")
        .values("expires_at")[:1]
    )


def stored_status_conditions(now=None) -> dict[str, Q]:
    """{status: Q} over Requirements from their stored facts, as of `now`: the same states as
    `status_conditions` once the requirement's last recount has seen its person's records."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    return _states(
        done=Q(done_until__gt=now),
        lasting=Q(done_until__gt=now + timedelta(days=EXPIRING_WITHIN_DAYS)),
        started=Q(started=True),
        lapsed_today=Q(last_expires_at__gte=_today_starts(today)),
        past_due=Q(due_on__lt=today),
    )


def state_flags(*, due_on, done_until, started, last_expires_at, now=None) -> dict[str, bool]:
    """{is_<status>: bool} of one requirement from its facts (what `stored_state` computes), as of `now`: the
    states `stored_status_conditions` selects, without building SQL for them (a person's own few rows)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    states = _states(
        done=Fact(done_until is not None and done_until > now),
        lasting=Fact(done_until is not None and done_until > now + timedelta(days=EXPIRING_WITHIN_DAYS)),
        started=Fact(started),
        lapsed_today=Fact(last_expires_at is not None and last_expires_at >= _today_starts(today)),
        past_due=Fact(due_on < today),
    )
    return {f"is_{name}": fact.value for name, fact in states.items()}
