"""Certificate reads."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from learning.organisations.models import Membership
from learning.progress.models import Enrolment, ModuleCompletion

from .models import Certificate


def certificates_for_user(*, user):
    # The module, to link "take it again" from an expired certificate.
    return (
        Certificate.objects.filter(user=user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .select_related("completion__module")
        .order_by("-issued_at")
    )


def certificate_links(certificate) -> dict[str, str]:
    """Where the holder finds the certificate: its web page, the PDF and the Open Badge."""
    return {
        "page": reverse("certificate_page", args=[certificate.code]),
        "pdf": reverse("certificate_pdf", args=[certificate.code]),
        "badge": reverse("certificate_badge", args=[certificate.code]),
    }


def certificate_progress(*, user, module_id) -> dict | None:
    """How far the person's current cycle of a module is on the way to its certificate, None if they are not
    enrolled. `state`: "recording" (the completion rule is owed a check, which a task runs after the change
    commits), "incomplete" (checked: the rule is not met yet, e.g. lessons or a signed-off reflection are
    missing), "preparing" (completed; the certificate is owed) or "ready" (with `links` and `certificate`)."""
    enrolment = Enrolment.objects.filter(user=user, module_id=module_id).first()
    if enrolment is None:
        return None
    completion = ModuleCompletion.objects.filter(
        user=user, module_id=module_id, cycle=enrolment.cycle
    ).first()
    certificate = (
        completion.certificates.exclude(status=Certificate.Status.SUPERSEDED).order_by("-version").first()
        if completion
        else None
    )
    if certificate is not None:
        state = "ready"
    elif completion is not None:
        state = "preparing"
    else:
        state = "recording" if enrolment.completion_check_due_at else "incomplete"
    return {
        "state": state,
        "completion": completion,
        "certificate": certificate,
        "links": certificate_links(certificate) if certificate else None,
    }


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
