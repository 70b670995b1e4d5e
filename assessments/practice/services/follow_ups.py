"""Follow-up on practice: scheduling a follow-up when it falls due, inviting the learner, their answer to the
supervisor they choose, and the supervisor's observation and sign-off.

The row is the fact (one per completion, by its unique key); the invitation is owed while `invited_at` is
empty and is re-queued by the owed-work sweep (assessments/practice/owed.py). Every write after that locks the
row and asks assessments/rules.py first, so a signed-off follow-up cannot be changed.
"""

from datetime import date, timedelta

import rules
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import FollowUp, Notification
from assessments.practice.identifiers import identifiers_find
from assessments.practice.selectors.follow_ups import follow_up_supervisors
from assessments.practice.services.notifications import notification_send
from assessments.practice.services.reflections import IdentifiersFound
from assessments.practice.services.reviews import _stamp_role as stamp_role
from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.core.links import absolute_url
from learning.core.mail import email_send
from learning.core.tasks_queue import queue_after_commit
from learning.progress.models import ModuleCompletion
from modules.models import ModulePage

# A follow-up that fell due longer ago than this is not made: the daily run catches up after a pause of up to
# four weeks, but giving a module follow-up weeks does not invite everyone who completed it years ago.
CATCH_UP_DAYS = 28
TEXT_MAX_CHARS = 20000
OBSERVATION_MAX_CHARS = 5000
SIGN_OFF_ACTION = "assessments.follow_up_sign_off"  # registered in assessments/wagtail_hooks.py


def _queue_invitation(follow_up_id):
    # tasks.py imports this module: imported on call, which breaks the cycle
    from assessments.tasks import follow_up_invite as invite_task

    queue_after_commit(invite_task, follow_up_id)


@transaction.atomic
def follow_ups_schedule(*, today: date) -> int:
    """Make the follow-up of every completion whose module asks for one and whose completion date plus the
    module's weeks is `today` or earlier (within CATCH_UP_DAYS), and queue each invitation after commit.

    Idempotent: a completion that has a follow-up is skipped, and the unique key on the completion makes a
    concurrent run's duplicate a no-op. Returns how many follow-ups were made."""
    weeks_of = dict(
        ModulePage.objects.filter(follow_up_after_weeks__isnull=False).values_list(
            "pk", "follow_up_after_weeks"
        )
    )
    if not weeks_of:
        return 0
    windows = Q()
    for module_id, weeks in weeks_of.items():
        latest = today - timedelta(weeks=weeks)  # completed on or before this day: due
        windows |= Q(
            module_id=module_id, completed_at__date__range=(latest - timedelta(days=CATCH_UP_DAYS), latest)
        )
    completions = ModuleCompletion.objects.filter(windows, follow_up__isnull=True, user__is_active=True)
    new = [
        FollowUp(
            user_id=user_id,
            module_id=module_id,
            completion_id=pk,
            due_on=timezone.localdate(completed_at) + timedelta(weeks=weeks_of[module_id]),
        )
        for pk, user_id, module_id, completed_at in completions.values_list(
            "pk", "user_id", "module_id", "completed_at"
        )
    ]
    FollowUp.objects.bulk_create(new, ignore_conflicts=True)
    invite = FollowUp.objects.filter(
        completion_id__in=[f.completion_id for f in new], invited_at__isnull=True, status=FollowUp.Status.DUE
    )
    for follow_up_id in invite.values_list("pk", flat=True):
        _queue_invitation(follow_up_id)
    return len(new)


@transaction.atomic
def follow_up_invite(*, follow_up_id: int) -> bool:
    """Email the learner that their follow-up is due, with an in-app update, and stamp `invited_at`.

    A second run (a retried, duplicated or re-queued task) sends nothing; so does a follow-up already
    answered, or a person who is no longer active or has no address (My learning still shows it)."""
    follow_up = (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("user", "module", "completion")
        .filter(pk=follow_up_id)
        .first()
    )
    if follow_up is None or follow_up.invited_at is not None or follow_up.status != FollowUp.Status.DUE:
        return False
    user = follow_up.user
    if not user.is_active or not user.email:
        return False
    url = reverse("follow_up_detail", args=[follow_up.pk])
    module = follow_up.module.title
    email_send(
        to=user.email,
        subject=_("%(module)s: what have you done differently since?") % {"module": module},
        template="assessments/follow_ups/email/invitation",
        context={"follow_up": follow_up, "user": user, "url": absolute_url(url)},
    )
    now = timezone.now()
    # The update in the app (the count beside Reflections); this invitation is its email, so it is marked
    # emailed and the notification email task never sends it again.
    Notification.objects.create(
        user=user,
        url=url,
        emailed_at=now,
        message=_("Your follow-up on %(module)s is due: what have you done differently since?")
        % {"module": module},
    )
    follow_up.invited_at = now
    follow_up.save(update_fields=["invited_at"])
    return True


def _locked(follow_up) -> FollowUp:
    return (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("user", "module", "submitted_to__user", "submitted_to__organisation")
        .get(pk=follow_up.pk)
    )


def _require(rule, user, follow_up):
    if rules.test_rule(rule, user, follow_up):
        return
    if follow_up.is_locked and rules.test_rule("assessments.view_follow_up", user, follow_up):
        raise ServiceError(
            _("This follow-up has been signed off, so it can no longer be changed."), code="locked"
        )
    raise ServiceError(_("You cannot do that with this follow-up now."), code="forbidden")


def _text(value, *, limit, empty, too_long) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if not value:
        raise ServiceError(empty, code="empty")
    if len(value) > limit:
        raise ServiceError(too_long % {"n": limit}, code="too_long")
    return value


@transaction.atomic
def follow_up_submit(*, follow_up, user, text: str, supervisor, anonymised_confirmed=False) -> FollowUp:
    """Send the learner's answer to `supervisor` (the supervisor membership of one of their organisations),
    who alone then reads it and signs it off.

    If the text looks as if it names or identifies someone, IdentifiersFound is raised unless the learner has
    confirmed they checked it: a warning, never a block (as for reflections)."""
    follow_up = _locked(follow_up)
    _require("assessments.submit_follow_up", user, follow_up)
    text = _text(
        text,
        limit=TEXT_MAX_CHARS,
        empty=_("Write what you have done differently before you send it."),
        too_long=_("Your follow-up can be up to %(n)s characters."),
    )
    membership = next(
        (
            m
            for m in follow_up_supervisors(user=user)
            if supervisor is not None and m.supervisor_id == supervisor.pk
        ),
        None,
    )
    if membership is None:
        raise ServiceError(
            _("Choose one of your supervisors. If you have none, your workforce lead can add one."),
            code="no_supervisor",
        )
    findings = identifiers_find(text)
    if findings and not anonymised_confirmed:
        raise IdentifiersFound(findings)
    follow_up.status, follow_up.text, follow_up.submitted_at = FollowUp.Status.SUBMITTED, text, timezone.now()
    follow_up.membership, follow_up.submitted_to = membership, membership.supervisor
    follow_up.save(update_fields=["status", "text", "submitted_at", "membership", "submitted_to"])
    notification_send(
        user=membership.supervisor.user,
        url=reverse("follow_up_detail", args=[follow_up.pk]),
        message=_("%(name)s sent you their follow-up on %(module)s.")
        % {"name": user, "module": follow_up.module.title},
    )
    return follow_up


@transaction.atomic
def follow_up_observe(*, follow_up, supervisor_user, observation: str, sign_off: bool) -> FollowUp:
    """Record the supervisor's observation of the change in practice and, with `sign_off`, stamp their name,
    role and the date and lock the follow-up for good. Until then the observation may be rewritten.

    Signing off twice changes nothing."""
    follow_up = _locked(follow_up)
    if follow_up.is_locked and sign_off and follow_up.signed_off_by_id == supervisor_user.pk:
        return follow_up
    _require("assessments.observe_follow_up", supervisor_user, follow_up)
    follow_up.observation = _text(
        observation,
        limit=OBSERVATION_MAX_CHARS,
        empty=_("Write your observation: what you have seen change in their practice."),
        too_long=_("Your observation can be up to %(n)s characters."),
    )
    follow_up.observed_at = timezone.now()
    fields = ["observation", "observed_at"]
    if sign_off:
        supervisor = follow_up.submitted_to  # the signer's own membership: the rule allows nobody else
        follow_up.status, follow_up.signed_off_at = FollowUp.Status.SIGNED_OFF, follow_up.observed_at
        follow_up.signed_off_by = supervisor_user
        follow_up.signed_off_name = supervisor_user.get_full_name() or supervisor_user.email
        follow_up.signed_off_role = stamp_role(supervisor)
        fields += ["status", "signed_off_at", "signed_off_by", "signed_off_name", "signed_off_role"]
    follow_up.save(update_fields=fields)
    if sign_off:
        audit_log(
            follow_up,
            SIGN_OFF_ACTION,
            user=supervisor_user,
            organisation_id=follow_up.submitted_to.organisation_id,
        )
        notification_send(
            user=follow_up.user,
            url=reverse("follow_up_detail", args=[follow_up.pk]),
            message=_("%(name)s signed off your follow-up on %(module)s.")
            % {"name": supervisor_user, "module": follow_up.module.title},
        )
    return follow_up
