"""Writes about organisations and people: invitations and memberships."""
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

from .models import Invitation, Membership


def _send_invitation_email(invitation_id):
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(pk=invitation_id)
    context = {
        "invitation": invitation,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("invitation_accept", args=[invitation.token]),
    }
    send_mail(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("You are invited to join %(org)s") % {"org": invitation.organisation},
        message=render_to_string("organisations/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invitation_create(*, organisation, email, invited_by, first_name="", last_name="", team=None,
                      job_title="", is_supervisor=False, is_lead=False, supervisor=None) -> Invitation:
    """Invite a person into an organisation; the email goes out once the invitation is saved."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ServiceError(_("%(email)s is already a member of %(org)s.") % {"email": email, "org": organisation})
    invitation = Invitation(
        organisation=organisation, email=email, first_name=first_name, last_name=last_name, team=team,
        job_title=job_title, is_supervisor=is_supervisor, is_lead=is_lead, supervisor=supervisor,
        invited_by=invited_by, expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    try:
        invitation.full_clean()
        with transaction.atomic():
            invitation.save()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    except IntegrityError as exc:
        raise ServiceError(_("%(email)s already has an open invitation.") % {"email": email}) from exc
    transaction.on_commit(lambda: _send_invitation_email(invitation.pk))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation, user) -> Membership:
    """Turn an open invitation into a membership for the person who signed up with it."""
    if not invitation.is_open:
        raise ServiceError(_("This invitation has expired or was already used."))
    if user.email.lower() != invitation.email.lower():
        raise ServiceError(_("This invitation was sent to a different email address."))
    if invitation.first_name and not user.first_name:
        user.first_name, user.last_name = invitation.first_name, invitation.last_name
        user.save(update_fields=["first_name", "last_name"])
    membership = membership_upsert(
        user=user, organisation=invitation.organisation, team=invitation.team, job_title=invitation.job_title,
        is_supervisor=invitation.is_supervisor, is_lead=invitation.is_lead, supervisor=invitation.supervisor,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def membership_upsert(*, user, organisation, team=None, job_title="", is_learner=True, is_supervisor=False,
                      is_lead=False, supervisor=None) -> Membership:
    """Create or update a person's membership of an organisation (idempotent on user and organisation)."""
    membership = Membership.objects.filter(user=user, organisation=organisation).first() or Membership(
        user=user, organisation=organisation
    )
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
    return membership
