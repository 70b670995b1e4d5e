"""Reads about reflections, shaped so query counts stay flat as lists grow.

The list selectors mirror the rules in assessments/rules.py (asking the rule row by row would cost a query
each); readable_by_supervisor is the mirror of the supervisor half of assessments.view_entry, and every list
of entries a supervisor sees (queue, overview counts, sessions) is built from it or from submitted_to_user.
"""

from dataclasses import dataclass
from datetime import timedelta

import rules
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Func, IntegerField, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from assessments.models import Notification, ReflectiveEntry
from assessments.practice.selectors.follow_ups import follow_ups_waiting
from learning.organisations.models import Membership, Team, acting_supervisor

Status = ReflectiveEntry.Status
SHARED = [Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.SIGNED_OFF]


def submitted_to_user(user, prefix="") -> Q:
    """Entries (reached through `prefix`) submitted to `user`: mirrors rules.is_submitted_to."""
    return acting_supervisor(f"{prefix}submitted_to__", user=user)


def readable_by_supervisor(user, prefix="") -> Q:
    """Entries (reached through `prefix`) that `user` reads as a supervisor: submitted to them, or shared with
    them by the author, and not a draft. Mirrors the supervisor half of assessments.view_entry."""
    shares = ReflectiveEntry.shared_with.through.objects.filter(acting_supervisor("membership__", user=user))
    shared = Q(**{f"{prefix}pk__in": shares.values("reflectiveentry_id")})
    return (submitted_to_user(user, prefix) | shared) & Q(**{f"{prefix}status__in": SHARED})


def reflections_of(*, user):
    """The person's own reflections, most recently changed first."""
    return (
        ReflectiveEntry.objects.filter(author=user)
        .select_related("module", "membership__organisation")
        .order_by("-updated_at", "-pk")
    )


def reflections_visible_to(*, user):
    """Every entry the user may read: their own, and what their supervisees have shared with them."""
    return ReflectiveEntry.objects.filter(Q(author=user) | readable_by_supervisor(user))


def reflection_for(*, entry_id, user, rule="assessments.view_entry"):
    """The entry, if the user passes `rule` for it; otherwise None (and the view answers 404)."""
    entry = (
        ReflectiveEntry.objects.select_related(
            "author",
            "module",
            "membership__organisation",
            "membership__supervisor__user",
            "submitted_to__user",
        )
        .prefetch_related("shared_with__user")
        .filter(pk=entry_id)
        .first()
    )
    if entry is None or not rules.test_rule(rule, user, entry):
        return None
    return entry


def reflection_reviewer(*, entry):
    """Who `entry` would be submitted to now: the author's current supervisor in its organisation, while both
    memberships are active and the supervisor holds the role; None when there is nobody to submit to. Who may
    read it is another question (entry.submitted_to, assessments/rules.py)."""
    supervisor = entry.membership.supervisor
    if supervisor is None or not (supervisor.is_acting_supervisor and entry.membership.is_active):
        return None
    return supervisor


def reflection_thread(*, entry):
    return list(entry.comments.select_related("author"))


def review_cutoff():
    return timezone.now() - timedelta(days=settings.REFLECTION_REVIEW_DAYS)


def review_queue(*, user):
    """Entries waiting for this supervisor, oldest submission first, each marked overdue or not."""
    overdue = ExpressionWrapper(Q(submitted_at__lt=review_cutoff()), output_field=BooleanField())
    return (
        ReflectiveEntry.objects.filter(submitted_to_user(user), status=Status.SUBMITTED)
        .select_related("author", "module", "membership__organisation", "membership__team")
        .annotate(is_overdue=overdue)
        .order_by("submitted_at", "pk")
    )


def _count(queryset):
    """A correlated COUNT(*) subquery, so several counts come back in one query."""
    return Coalesce(
        Subquery(
            queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def nav_counts(*, user) -> dict:
    """The review queue's length (reflections and follow-ups on practice waiting for this supervisor) and the
    unread notifications, in one query (the header shows both)."""
    queue = ReflectiveEntry.objects.filter(submitted_to_user(user), status=Status.SUBMITTED)
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(review=_count(queue) + _count(follow_ups_waiting(user=user)), unread=_count(unread))
        .values("review", "unread")
        .first()
    )
    return row or {"review": 0, "unread": 0}


def supervisee_overview(*, user):
    """The user's active supervisees with how many of their reflections wait for this user's review and how
    many signed-off ones this user may read (entries sent to an earlier supervisor and not shared are not
    counted)."""
    return (
        Membership.objects.active()
        .supervised_by(user)
        .select_related("user", "organisation", "team")
        .annotate(
            waiting=Count(
                "reflections",
                filter=submitted_to_user(user, "reflections__") & Q(reflections__status=Status.SUBMITTED),
            ),
            signed_off=Count(
                "reflections",
                filter=readable_by_supervisor(user, "reflections__")
                & Q(reflections__status=Status.SIGNED_OFF),
            ),
        )
        .order_by("organisation__name", "user__last_name", "user__first_name")
    )


def notifications_for(*, user):
    return Notification.objects.filter(user=user)


def reflection_signed_off(*, user, module, since=None) -> bool:
    """True if `user` wrote an entry on `module` that was signed off (at or after `since`, if given)."""
    entries = ReflectiveEntry.objects.filter(author=user, module=module, status=Status.SIGNED_OFF)
    if since is not None:
        entries = entries.filter(signed_off_at__gte=since)
    return entries.exists()


@dataclass
class TeamReflectionCounts:
    team_id: int | None
    team_name: str
    submitted: int  # shared with a supervisor and not yet signed off
    signed_off: int


def reflection_counts_by_team(*, organisation) -> list[TeamReflectionCounts]:
    """Per team, how many reflections were shared for review and signed off: numbers only, never text, for the
    coverage dashboard. Drafts are private and not counted. People without a team come last (team_id None)."""
    rows = (
        ReflectiveEntry.objects.filter(membership__organisation=organisation, status__in=SHARED)
        .values("membership__team_id")
        .annotate(
            signed_off=Count("pk", filter=Q(status=Status.SIGNED_OFF)),
            submitted=Count("pk", filter=~Q(status=Status.SIGNED_OFF)),
        )
        .order_by()
    )
    counts = {row["membership__team_id"]: row for row in rows}
    result = [
        TeamReflectionCounts(
            team.pk,
            team.name,
            counts.get(team.pk, {}).get("submitted", 0),
            counts.get(team.pk, {}).get("signed_off", 0),
        )
        for team in Team.objects.filter(organisation=organisation).order_by("name")
    ]
    if None in counts:
        result.append(
            TeamReflectionCounts(
                None, gettext("No team"), counts[None]["submitted"], counts[None]["signed_off"]
            )
        )
    return result
