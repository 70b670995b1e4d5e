"""Reads about organisations and people, shaped so that query counts stay flat as lists grow."""
from django.db.models import Q
from django.utils import timezone

from .models import Invitation, Membership, Organisation


def invitation_get_open(*, token):
    return (
        Invitation.objects.select_related("organisation")
        .filter(token=token, accepted_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def memberships_for_user(*, user):
    """The organisations a person belongs to, with their role in each."""
    return Membership.objects.filter(user=user, is_active=True).select_related("organisation", "team")


def user_is_privileged(user):
    """Platform admins and workforce leads anywhere: the people who must use two-factor authentication."""
    return user.is_superuser or Membership.objects.filter(user=user, is_lead=True, is_active=True).exists()


def memberships_visible_to(*, user, organisation=None):
    """Every Membership the user may see the record of: their own, their supervisees', their organisation's
    as a lead. Mirrors organisations.view_record in rules.py for lists, where asking per row would cost a
    query each."""
    qs = Membership.objects.select_related("user", "organisation", "team", "supervisor__user")
    if organisation is not None:
        qs = qs.filter(organisation=organisation)
    if user.is_superuser:
        return qs
    led = Membership.objects.filter(user=user, is_lead=True, is_active=True).values("organisation_id")
    return qs.filter(
        Q(user=user)
        | Q(supervisor__user=user, supervisor__is_supervisor=True, supervisor__is_active=True)
        | Q(organisation_id__in=led)
    )


def organisations_led_by(*, user):
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(memberships__user=user, memberships__is_lead=True, memberships__is_active=True)
