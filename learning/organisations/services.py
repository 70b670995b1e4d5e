"""Writes about organisations and people: invitations and memberships.

Nobody's existing account joins an organisation without them: a lead who names an existing account (on the
invitation form or in a staff import) creates an invitation, and the person accepts or declines it. Every
change of a membership's roles or supervisor, whoever makes it, goes through `membership_changes_record`: it
is written to Wagtail's audit log and the person is told.
"""

from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core import audit
from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.core.links import absolute_reverse
from learning.core.mail import email_send
from learning.core.tasks_queue import queue_after_commit

from .models import Invitation, Membership, _invitation_token, role_keys, role_labels
from .selectors import invitation_is_open_for

ROLES_CHANGED = "organisations.membership.roles"
SUPERVISOR_CHANGED = "organisations.membership.supervisor"


def _email_owed(invitation):
    # tasks.py imports this module: imported on call, which breaks the cycle
    from .tasks import invitation_send

    queue_after_commit(invitation_send, invitation.pk)  # owed until sent_at: the owed-work sweep re-queues it


@transaction.atomic
def invitation_email_send(*, invitation_id: int) -> bool:
    """Email the invitation's current link, once: a second run (a retried or duplicated task) sends nothing,
    nor does a run for an invitation closed or expired in the meantime."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "invited_by", "team")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or invitation.sent_at is not None or not invitation.is_open:
        return False
    email_send(
        to=invitation.email,
        subject=_("You are invited to join %(org)s") % {"org": invitation.organisation},
        template="organisations/email/invitation",
        context={"invitation": invitation, "url": absolute_reverse("invitation_accept", invitation.token)},
    )
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])
    return True


@transaction.atomic
def invitation_create(
    *,
    organisation,
    email,
    invited_by,
    first_name="",
    last_name="",
    team=None,
    job_title="",
    is_learner=True,
    is_supervisor=False,
    is_lead=False,
    supervisor=None,
) -> Invitation:
    """Invite a person into an organisation, whether or not they have an account yet; the email goes out once
    the invitation is saved. An expired invitation to the same address is closed and replaced."""
    email = email.strip().lower()
    if Membership.objects.active().in_organisation(organisation).filter(user__email__iexact=email).exists():
        raise ServiceError(
            _("%(email)s is already a member of %(org)s.") % {"email": email, "org": organisation}
        )
    already = _("%(email)s already has an open invitation; resend it instead.") % {"email": email}
    if invitation_is_open_for(organisation=organisation, email=email):
        raise ServiceError(already)
    Invitation.objects.unclosed().filter(organisation=organisation, email=email).update(
        cancelled_at=timezone.now()
    )
    invitation = Invitation(
        organisation=organisation,
        email=email,
        first_name=first_name,
        last_name=last_name,
        team=team,
        job_title=job_title,
        is_learner=is_learner,
        is_supervisor=is_supervisor,
        is_lead=is_lead,
        supervisor=supervisor,
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    try:
        invitation.full_clean(
            validate_constraints=False
        )  # the open-invitation rule is checked above, clearly
        with transaction.atomic():
            invitation.save()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    except IntegrityError as exc:  # invited a moment ago by someone else
        raise ServiceError(already) from exc
    audit_log(invitation, audit.INVITATION_CREATED, user=invited_by, organisation_id=organisation.pk)
    _email_owed(invitation)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation) -> Invitation:
    """Send the invitation again with a new link, valid for the full period; the old link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_closed:
        raise ServiceError(_("This invitation was already accepted, declined or cancelled."))
    invitation.token = _invitation_token()
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitation.issued_at, invitation.sent_at = (
        timezone.now(),
        None,
    )  # the new link is owed until its email goes out
    invitation.save(update_fields=["token", "expires_at", "issued_at", "sent_at"])
    audit_log(invitation, audit.INVITATION_RESENT, organisation_id=invitation.organisation_id)
    _email_owed(invitation)
    return invitation


def _close(invitation, field, action, user=None):
    """Close an unclosed invitation once: `field` is accepted_at, declined_at or cancelled_at (audited as
    `action`, by `user` or else the request's user)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_closed:
        raise ServiceError(_("This invitation was already accepted, declined or cancelled."))
    setattr(invitation, field, timezone.now())
    invitation.save(update_fields=[field])
    audit_log(invitation, action, user=user, organisation_id=invitation.organisation_id)
    return invitation


@transaction.atomic
def invitation_cancel(*, invitation) -> Invitation:
    """The lead withdraws an invitation; its link stops working."""
    return _close(invitation, "cancelled_at", audit.INVITATION_CANCELLED)


def _check_invitee(invitation, user):
    if not invitation.is_open:
        raise ServiceError(_("This invitation has expired or was already used."))
    if user.email.lower() != invitation.email.lower():
        raise ServiceError(_("This invitation was sent to a different email address."))


@transaction.atomic
def invitation_decline(*, invitation, user) -> Invitation:
    """The invited person says no: nothing about them changes, and the invitation is closed."""
    _check_invitee(invitation, user)
    return _close(invitation, "declined_at", audit.INVITATION_DECLINED, user)


@transaction.atomic
def invitation_accept(*, invitation, user) -> Membership:
    """Turn an open invitation into a membership, for the person it was sent to and only at their request."""
    _check_invitee(invitation, user)
    invitation = _close(invitation, "accepted_at", audit.INVITATION_ACCEPTED, user)
    if invitation.first_name and not user.first_name:
        user.first_name, user.last_name = invitation.first_name, invitation.last_name
        user.save(update_fields=["first_name", "last_name"])
    return membership_upsert(
        user=user,
        organisation=invitation.organisation,
        team=invitation.team,
        job_title=invitation.job_title,
        is_learner=invitation.is_learner,
        is_supervisor=invitation.is_supervisor,
        is_lead=invitation.is_lead,
        supervisor=invitation.supervisor,
        actor=user,
    )


class MembershipState(NamedTuple):
    """What `membership_changes_record` compares: the roles and the supervisor, before and after."""

    roles: tuple
    supervisor_id: int | None


def membership_state(membership) -> MembershipState:
    return MembershipState(tuple(role_keys(membership)), membership.supervisor_id)


@transaction.atomic
def membership_upsert(
    *,
    user,
    organisation,
    team=None,
    job_title="",
    is_learner=True,
    is_supervisor=False,
    is_lead=False,
    supervisor=None,
    actor=None,
) -> Membership:
    """Create or update a person's membership of an organisation (idempotent on user and organisation).
    `actor` is who made the change (None for the system): role and supervisor changes are audited under it."""
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    before = membership_state(membership) if membership else None
    membership = membership or Membership(user=user, organisation=organisation)
    membership.team = team
    membership.job_title = job_title
    membership.is_learner, membership.is_supervisor, membership.is_lead = is_learner, is_supervisor, is_lead
    membership.supervisor = supervisor
    membership.is_active = True
    try:
        membership.full_clean(validate_unique=False)
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    membership.save()
    membership_changes_record(membership=membership, before=before, actor=actor)
    return membership


def _name(membership):
    return str(membership.user) if membership else _("nobody")


def membership_changes_record(*, membership, before: MembershipState | None, actor) -> None:
    """Audit a change of `membership`'s roles or supervisor (`before` is None for a new membership) and tell
    the person about a change to a membership they already had, unless they made it themselves. The email
    says what changed and who changed it, and nothing about anyone else."""
    after = membership_state(membership)
    old_roles, old_supervisor = before if before else ((), None)
    changes = {}
    if old_roles != after.roles:
        audit_log(
            membership,
            ROLES_CHANGED,
            user=actor,
            organisation_id=membership.organisation_id,
            old=list(old_roles),
            new=list(after.roles),
        )
        changes["roles"] = tuple(
            ", ".join(role_labels(roles)) or _("none") for roles in (old_roles, after.roles)
        )
    if old_supervisor != after.supervisor_id:
        audit_log(
            membership,
            SUPERVISOR_CHANGED,
            user=actor,
            organisation_id=membership.organisation_id,
            old=old_supervisor,
            new=after.supervisor_id,
        )
        old = (
            Membership.objects.select_related("user").filter(pk=old_supervisor).first()
            if old_supervisor
            else None
        )
        changes["supervisor"] = (_name(old), _name(membership.supervisor))
    if changes and before is not None and actor is not None and actor.pk != membership.user_id:
        context = {
            "organisation": str(membership.organisation),
            "actor": str(actor),
            "name": str(membership.user),
            "changes": changes,
            "url": absolute_reverse("my_learning"),
        }
        subject = _("Your roles or supervisor at %(org)s changed") % {"org": membership.organisation}
        transaction.on_commit(
            lambda: email_send(
                to=membership.user.email,
                subject=subject,
                context=context,
                template="organisations/email/membership_changed",
            ),
            robust=True,
        )
