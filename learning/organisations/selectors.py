"""Reads about organisations and people, shaped so that query counts stay flat as lists grow."""

from django.contrib.auth import get_user_model

from .models import Invitation, Membership, Organisation, acting_lead


def invitation_get_open(*, token):
    return (
        Invitation.objects.open()
        .select_related("organisation", "team", "supervisor__user", "invited_by")
        .filter(token=token)
        .first()
    )


def invitations_waiting(*, organisation):
    """Invitations nobody has answered yet (expired ones too, so the lead can resend them): "invited"."""
    return (
        Invitation.objects.unclosed()
        .filter(organisation=organisation)
        .select_related("team")
        .order_by("email")
    )


def invitation_waiting_for(*, organisation, email):
    """The invitation to `email` still waiting for an answer (open or expired), if any: at most one (the
    invitation_one_open_per_email_org constraint)."""
    return invitations_waiting(organisation=organisation).filter(email__iexact=email).first()


def invitation_is_open_for(*, organisation, email) -> bool:
    return Invitation.objects.open().filter(organisation=organisation, email=email).exists()


def account_exists(*, email) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


def memberships_for_user(*, user):
    """The organisations a person belongs to, with their role in each."""
    return Membership.objects.active().filter(user=user).select_related("organisation", "team")


def user_is_privileged(user):
    """Platform admins and workforce leads anywhere: the people who must use two-factor authentication."""
    return user.is_superuser or Membership.objects.active().leads().filter(user=user).exists()


def memberships_visible_to(*, user, organisation=None):
    """Every Membership the user may see the record of: their own, their supervisees', their organisation's
    as a lead. Mirrors organisations.view_record in rules.py for lists, where asking per row would cost a
    query each."""
    qs = Membership.objects.select_related("user", "organisation", "team", "supervisor__user")
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if user.is_superuser:
        return qs
    return qs.filter(user=user) | qs.supervised_by(user) | qs.led_by(user)


def organisations_led_by(*, user):
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(acting_lead("memberships__", user=user))
