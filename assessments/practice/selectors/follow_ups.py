"""Reads about follow-ups on practice, shaped so query counts stay flat as lists grow.

The list selectors mirror the follow-up rules in assessments/rules.py: `to_review` is the supervisor half of
assessments.view_follow_up (submitted to them, while they hold the role); leads get numbers only
(`follow_up_counts_by_module`), never a follow-up's text.
"""

from dataclasses import dataclass

import rules
from django.db.models import Count, F, Q

from assessments.models import FollowUp
from learning.organisations.models import Membership, acting_supervisor

Status = FollowUp.Status


def submitted_to_user(user, prefix="") -> Q:
    """Follow-ups (reached through `prefix`) submitted to `user`: mirrors rules.follow_up_is_submitted_to."""
    return acting_supervisor(f"{prefix}submitted_to__", user=user)


def _with_context(queryset):
    return queryset.select_related("module", "completion", "user", "membership__organisation")


def follow_ups_of(*, user):
    """The person's own follow-ups, the most recently due first."""
    return _with_context(FollowUp.objects.filter(user=user)).order_by("-due_on", "-pk")


def follow_ups_open_for(*, user):
    """What My learning's panel shows: follow-ups to write, and those waiting for the supervisor, oldest due
    first, each with its completion and `module_title` (not the whole module page and organisation: the
    query is planned on every visit, and usually finds nothing)."""
    return (
        FollowUp.objects.filter(user=user, status__in=[Status.DUE, Status.SUBMITTED])
        .select_related("completion")
        .annotate(module_title=F("module__title"))
        .order_by("due_on", "pk")
    )


def follow_up_for(*, follow_up_id, user, rule="assessments.view_follow_up"):
    """The follow-up, if the user passes `rule` for it; otherwise None (and the view answers 404)."""
    follow_up = (
        _with_context(FollowUp.objects.filter(pk=follow_up_id))
        .select_related("submitted_to__user", "submitted_to__organisation")
        .first()
    )
    if follow_up is None or not rules.test_rule(rule, user, follow_up):
        return None
    return follow_up


def follow_ups_waiting(*, user):
    """Submitted to this supervisor and not yet signed off: what their review queue and its count hold."""
    return FollowUp.objects.filter(submitted_to_user(user), status=Status.SUBMITTED)


def follow_ups_to_review(*, user):
    """The supervisor's follow-ups to read and sign off, oldest submission first, with the learner's team."""
    return (
        _with_context(follow_ups_waiting(user=user))
        .select_related("membership__team")
        .order_by("submitted_at", "pk")
    )


def follow_up_supervisors(*, user):
    """The memberships through which `user` may submit a follow-up: active, with a supervisor who holds the
    role now; each with its supervisor and organisation. Learners choose among their supervisors."""
    return (
        Membership.objects.active()
        .filter(user=user)
        .filter(acting_supervisor("supervisor__"))
        .select_related("organisation", "supervisor__user")
        .order_by("organisation__name")
    )


@dataclass
class ModuleFollowUpCounts:
    module_id: int
    due: int  # follow-ups that have fallen due (a completion + the module's weeks), whatever happened next
    submitted: int  # written and sent to a supervisor (signed off or not)
    signed_off: int

    def _percent(self, n):
        return round(100 * n / self.due) if self.due else 0

    @property
    def submitted_percent(self):
        return self._percent(self.submitted)

    @property
    def signed_off_percent(self):
        return self._percent(self.signed_off)


def follow_up_counts_by_module(*, people) -> dict[int, ModuleFollowUpCounts]:
    """{module id: counts} of the follow-ups of `people` (a Membership queryset: whose follow-ups count), in
    one query. Numbers only, for the coverage pages: never what anyone wrote."""
    rows = (
        FollowUp.objects.filter(user__in=people.values("user_id"))
        .values("module_id")
        .annotate(
            due=Count("pk"),
            submitted=Count("pk", filter=~Q(status=Status.DUE)),
            signed_off=Count("pk", filter=Q(status=Status.SIGNED_OFF)),
        )
        .order_by()
    )
    return {row["module_id"]: ModuleFollowUpCounts(**row) for row in rows}


def follow_up_invitations_owed():
    """Due follow-ups whose invitation email has not been sent, to people who can receive one."""
    return FollowUp.objects.filter(invited_at__isnull=True, status=Status.DUE, user__is_active=True).exclude(
        user__email=""
    )
