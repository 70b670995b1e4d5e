"""Certificate reads."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from learning.organisations.models import Membership

from .models import Certificate


def certificates_for_user(*, user):
    return (
        Certificate.objects.filter(user=user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .order_by("-issued_at")
    )


def certificate_by_code(*, code):
    return Certificate.objects.filter(code=code.strip().upper()).select_related("superseded_by").first()


def certificates_in_organisation(*, organisation, team=None):
    """Current certificates of the organisation's (or a team's) members; `earned_here` says whether it was
    earned at this organisation (so its leads may manage it: certificates.manage_certificate)."""
    members = Membership.objects.active().in_organisation(organisation)
    if team is not None:
        members = members.filter(team=team)
    earned_here = Certificate.earned_in.through.objects.filter(
        certificate_id=OuterRef("pk"), organisation=organisation
    )
    return (
        Certificate.objects.filter(user__in=members.values("user_id"))
        .annotate(earned_here=Exists(earned_here))
        .exclude(status=Certificate.Status.SUPERSEDED)
        .order_by("learner_name", "module_title")
    )


def certificates_expiring_within(*, days, now=None):
    """Valid certificates that expire in the next `days` days."""
    now = now or timezone.now()
    return Certificate.objects.filter(
        status=Certificate.Status.VALID, expires_at__gt=now, expires_at__lte=now + timedelta(days=days)
    )


def certificates_due_expiry(*, now=None):
    return Certificate.objects.filter(status=Certificate.Status.VALID, expires_at__lte=now or timezone.now())
