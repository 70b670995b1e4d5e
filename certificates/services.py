"""Certificate writes: issue, re-issue, revoke, expire and remind. Each is atomic and safe to repeat."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.core import audit
from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.core.links import absolute_reverse
from learning.core.mail import email_send
from learning.core.tasks_queue import queue_after_commit
from learning.organisations.models import Membership
from learning.progress.models import Enrolment, ModuleCompletion

from .models import Certificate, CertificateEvent, ExpiryReminder
from .pdf import render_certificate_pdf


def _organisation_name(user):
    membership = (
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation")
        .order_by("joined_on", "pk")
        .first()
    )
    return membership.organisation.name if membership else ""


def _organisations_now(user):
    return list(Membership.objects.active().filter(user=user).values_list("organisation_id", flat=True))


def _framework_line(module):
    """The framework levels the module's mappings claim, per framework, e.g. "NES Transforming Psychological
    Trauma: Trauma-informed" ("; " between frameworks), cut to the snapshot field's length."""
    levels = {}
    for mapping in module.framework_claims:
        levels.setdefault(mapping.level.framework, []).append(mapping.level.name)
    line = "; ".join(f"{framework}: {', '.join(names)}" for framework, names in levels.items())
    field = Certificate._meta.get_field("framework_levels")
    return line if len(line) <= field.max_length else line[: field.max_length - 1] + "…"


def _certificate_for(completion, *, version):
    module = completion.module
    return Certificate(
        completion=completion,
        version=version,
        user=completion.user,
        learner_name=completion.user.get_full_name() or completion.user.email,
        module_title=module.title,
        organisation_name=_organisation_name(completion.user),
        framework_levels=_framework_line(module),
        cpd_minutes=completion.cpd_minutes,  # none unless completing asked for a signed-off reflection
        completed_at=completion.completed_at,
        expires_at=completion.expires_at,
    )


def _store(certificate):
    """Render first, then save the file and the row: a failure in either leaves no certificate, and a row that
    fails to save takes its file with it. (A worker killed between the two leaves a file the orphan sweep
    deletes: learning.core.orphans.)"""
    pdf = render_certificate_pdf(certificate)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
    try:
        certificate.save()
    except Exception:
        certificate.pdf.delete(save=False)
        raise


def _email_learner(certificate_id, template):
    certificate = Certificate.objects.select_related("user").get(pk=certificate_id)
    subject = _("Your certificate: %(m)s") % {"m": certificate.module_title}
    email_send(
        to=certificate.user.email,
        subject=subject,
        template=template,
        context={"certificate": certificate, "url": absolute_reverse("my_certificates")},
    )


@transaction.atomic
def certificate_issue(*, completion: ModuleCompletion) -> Certificate:
    """Issue the first certificate for a completion; a second call returns it. It supersedes the person's
    certificate from an earlier cycle of the same module. Two runs at once (a redelivered task, the owed-work
    sweep) take turns on the completion's row lock, so the second finds the first's certificate and renders
    nothing; the unique (completion, version) constraint holds in any case."""
    ModuleCompletion.objects.select_for_update().filter(pk=completion.pk).first()
    existing = Certificate.objects.filter(completion=completion).order_by("-version").first()
    if existing:
        return existing
    certificate = _certificate_for(completion, version=1)
    try:
        with transaction.atomic():
            _store(certificate)
    except IntegrityError:  # another worker issued it a moment ago
        return Certificate.objects.get(completion=completion, version=1)
    certificate.earned_in.set(_organisations_now(completion.user))  # whose leads may revoke or re-issue it
    earlier = Certificate.objects.filter(
        user=completion.user,
        completion__module=completion.module,
        completion__cycle__lt=completion.cycle,
        status__in=[Certificate.Status.VALID, Certificate.Status.EXPIRED],
    )
    earlier.update(status=Certificate.Status.SUPERSEDED, superseded_by=certificate)
    CertificateEvent.objects.create(certificate=certificate, action=CertificateEvent.Action.ISSUED)
    _email_owed(certificate)
    return certificate


def _email_owed(certificate):
    # tasks.py imports this module: imported on call, which breaks the cycle
    from .tasks import certificate_email

    queue_after_commit(certificate_email, certificate.pk)  # owed until emailed_at: the owed-work sweep


@transaction.atomic
def certificate_email_send(*, certificate_id: int) -> bool:
    """Email the learner a link to their new certificate, once: a second run (a retried or duplicated task)
    sends nothing. Not for a certificate revoked or superseded in the meantime."""
    certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
    if certificate is None or certificate.emailed_at or certificate.status != Certificate.Status.VALID:
        return False
    if certificate.version > 1:  # a re-issue: the learner is told why, and by whom
        _email_change(certificate.events.filter(action=CertificateEvent.Action.REISSUED).latest("at").pk)
    else:
        _email_learner(certificate.pk, "certificates/email/issued")
    certificate.emailed_at = timezone.now()
    certificate.save(update_fields=["emailed_at"])
    return True


def _email_change(event_id):
    """Tell the learner their certificate was revoked or re-issued: by whom and why (text and HTML)."""
    event = CertificateEvent.objects.select_related("certificate__user", "actor").get(pk=event_id)
    certificate = event.certificate
    revoked = event.action == CertificateEvent.Action.REVOKED
    subject = (
        _("Your certificate was revoked: %(m)s") if revoked else _("Your certificate was re-issued: %(m)s")
    )
    email_send(
        to=certificate.user.email,
        subject=subject % {"m": certificate.module_title},
        template="certificates/email/revoked" if revoked else "certificates/email/reissued",
        context={
            "certificate": certificate,
            "reason": event.reason,
            "actor": event.actor,
            "url": absolute_reverse("my_certificates"),
        },
    )


def _earned_in(certificate):
    """The organisation an audit entry about `certificate` belongs to (where it was earned; the first if
    several)."""
    return certificate.earned_in.order_by("pk").values_list("pk", flat=True).first()


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """A new version with today's details (e.g. after a name change), earned where the old one was; the old
    one is superseded. The learner's email about the new version gives the reason."""
    if certificate.status != Certificate.Status.VALID:
        raise ServiceError(_("Only a valid certificate can be re-issued."))
    if not reason.strip():
        raise ServiceError(_("Give a reason for re-issuing."))
    latest = Certificate.objects.filter(completion=certificate.completion).order_by("-version").first()
    replacement = _certificate_for(certificate.completion, version=latest.version + 1)
    _store(replacement)
    replacement.earned_in.set(certificate.earned_in.all())
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.SUPERSEDED, superseded_by=replacement
    )
    CertificateEvent.objects.create(
        certificate=replacement, action=CertificateEvent.Action.REISSUED, actor=actor, reason=reason
    )
    audit_log(
        replacement,
        audit.CERTIFICATE_REISSUED,
        user=actor,
        organisation_id=_earned_in(replacement),
        replaces=certificate.pk,
    )
    _email_owed(replacement)
    return replacement


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    """Revoke a certificate (the verify page then says so) and email the learner the reason."""
    if certificate.status == Certificate.Status.REVOKED:
        return certificate
    if not reason.strip():
        raise ServiceError(_("Give a reason for revoking."))
    certificate.status, certificate.revoked_reason = Certificate.Status.REVOKED, reason.strip()
    certificate.save(update_fields=["status", "revoked_reason"])
    event = CertificateEvent.objects.create(
        certificate=certificate, action=CertificateEvent.Action.REVOKED, actor=actor, reason=reason
    )
    audit_log(certificate, audit.CERTIFICATE_REVOKED, user=actor, organisation_id=_earned_in(certificate))
    transaction.on_commit(lambda: _email_change(event.pk), robust=True)
    return certificate


@transaction.atomic
def certificate_remind_if_due(*, certificate: Certificate, thresholds, now=None) -> bool:
    """Send at most one reminder for the tightest threshold reached (e.g. 60, 30 or 7 days before expiry).
    Thresholds already passed are recorded too, so a late first sweep does not send three emails at once.
    Returns True if this call sent a reminder; a repeat call sends nothing."""
    now = now or timezone.now()
    days_left = (certificate.expires_at - now).days
    reached = sorted(d for d in thresholds if d >= days_left)
    if not reached or ExpiryReminder.objects.filter(certificate=certificate, days_before=reached[0]).exists():
        return False
    for days in reached:
        ExpiryReminder.objects.get_or_create(certificate=certificate, days_before=days)
    CertificateEvent.objects.create(
        certificate=certificate,
        action=CertificateEvent.Action.REMINDED,
        reason=f"{days_left} days before expiry",
    )
    transaction.on_commit(lambda: _email_learner(certificate.pk, "certificates/email/expiring"))
    return True


@transaction.atomic
def certificate_expire(*, certificate: Certificate) -> None:
    """Mark an expired certificate and reopen its module for recertification (a new cycle)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != Certificate.Status.VALID:
        return
    certificate.status = Certificate.Status.EXPIRED
    certificate.save(update_fields=["status"])
    ModuleCompletion.objects.filter(pk=certificate.completion_id).update(
        status=ModuleCompletion.Status.EXPIRED
    )
    completion = certificate.completion
    enrolment = (
        Enrolment.objects.select_for_update().filter(user=completion.user, module=completion.module).first()
    )
    if enrolment and enrolment.cycle == completion.cycle:
        enrolment.cycle += 1
        enrolment.cycle_started_at = timezone.now()
        enrolment.lessons_completed_at = None
        enrolment.module_revision_id = None
        enrolment.save(
            update_fields=["cycle", "cycle_started_at", "lessons_completed_at", "module_revision_id"]
        )
    CertificateEvent.objects.create(certificate=certificate, action=CertificateEvent.Action.EXPIRED)
