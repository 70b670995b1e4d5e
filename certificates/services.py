"""Certificate writes: issue, re-issue, revoke, expire and remind. Each is atomic and safe to repeat."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
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

logger = logging.getLogger(__name__)


# Certificates issued per task when many completions arrive at once (an import, an event's attendance, the
# owed-work sweep): the Celery round trip and the shared reads are paid once per batch, and the row locks held
# while a batch renders stay under a second.
ISSUE_BATCH = 20


def _memberships(user_ids) -> dict[int, list[tuple[int, str]]]:
    """{user id: [(organisation id, name)]} of their active memberships, the earliest joined first, in one
    query for every person of a batch."""
    found = {}
    rows = (
        Membership.objects.active()
        .filter(user_id__in=user_ids)
        .order_by("joined_on", "pk")
        .values_list("user_id", "organisation_id", "organisation__name")
    )
    for user_id, organisation_id, name in rows:
        found.setdefault(user_id, []).append((organisation_id, name))
    return found


def framework_line(module):
    """The framework levels the module's mappings claim, per framework, e.g. "NES Transforming Psychological
    Trauma: Trauma-informed" ("; " between frameworks), cut to the snapshot field's length."""
    levels = {}
    for mapping in module.framework_claims:
        levels.setdefault(mapping.level.framework, []).append(mapping.level.name)
    line = "; ".join(f"{framework}: {', '.join(names)}" for framework, names in levels.items())
    field = Certificate._meta.get_field("framework_levels")
    return line if len(line) <= field.max_length else line[: field.max_length - 1] + "…"


def _certificate_for(completion, *, version, organisations=None, framework_levels=None):
    """An unsaved certificate for `completion`; `organisations` are the person's (id, name) memberships now,
    the first named on the certificate (both read here unless a batch read them for all its people)."""
    user = completion.user
    if organisations is None:
        organisations = _memberships([user.pk]).get(user.pk, [])
    if framework_levels is None:
        framework_levels = framework_line(completion.module)
    return Certificate(
        completion=completion,
        version=version,
        user=user,
        learner_name=user.get_full_name() or user.email,
        module_title=completion.module.title,
        organisation_name=organisations[0][1] if organisations else "",
        framework_levels=framework_levels,
        cpd_minutes=completion.cpd_minutes,  # none unless completing asked for a signed-off reflection
        completed_at=completion.completed_at,
        expires_at=completion.expires_at,
    )


def _store_file(certificate):
    """Render the PDF and store its file (the row is saved by the caller, who deletes the file if that
    fails; a worker killed between the two leaves a file the orphan sweep deletes: learning.core.orphans)."""
    pdf = render_certificate_pdf(certificate)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)


def _store(certificate):
    """Render first, then save the file and the row: a failure in either leaves no certificate, and a row that
    fails to save takes its file with it."""
    _store_file(certificate)
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


def _supersede_earlier(certificate):
    """The person's certificate from an earlier cycle of the same module is superseded by `certificate` (a
    first cycle has none, so nothing is asked)."""
    completion = certificate.completion
    if completion.cycle <= 1:
        return
    Certificate.objects.filter(
        user=completion.user_id,
        completion__module=completion.module_id,
        completion__cycle__lt=completion.cycle,
        status__in=[Certificate.Status.VALID, Certificate.Status.EXPIRED],
    ).update(status=Certificate.Status.SUPERSEDED, superseded_by=certificate)


def _issue_locked(completion_ids) -> tuple[dict, list]:
    """Inside a transaction: ({completion id: its certificate}, [errors]) for the completions among
    `completion_ids` that exist. The completions are locked first (in id order, so two batches never wait on
    each other in a circle); those with a certificate keep it, the others get one each. A certificate that
    fails to render or store is left out and its error returned: the rest of the batch is still issued."""
    locked = list(
        ModuleCompletion.objects.select_for_update(of=("self",))
        .select_related("user", "module")
        .filter(pk__in=completion_ids)
        .order_by("pk")
    )
    # Read after the lock, in a statement of its own: a batch that waited on the lock sees what the one before
    # it issued, and renders nothing twice.
    result = {}
    for existing in Certificate.objects.filter(completion__in=locked).order_by("version"):
        result[existing.completion_id] = existing
    owed = [completion for completion in locked if completion.pk not in result]
    if not owed:
        return result, []
    memberships = _memberships({completion.user_id for completion in owed})
    lines = {}
    for completion in owed:
        if completion.module_id not in lines:
            lines[completion.module_id] = framework_line(completion.module)
    stored, errors = [], []
    for completion in owed:
        certificate = _certificate_for(
            completion,
            version=1,
            organisations=memberships.get(completion.user_id, []),
            framework_levels=lines[completion.module_id],
        )
        try:
            _store_file(certificate)
        except Exception as error:  # raised by the caller once the others are committed
            errors.append(error)
            continue
        stored.append(certificate)
    try:
        _save_issued(stored, memberships)
    except Exception:
        for certificate in stored:
            certificate.pdf.delete(save=False)
        raise
    result.update((certificate.completion_id, certificate) for certificate in stored)
    return result, errors


def _save_issued(certificates, memberships):
    """The rows of newly rendered certificates, with where they were earned (whose leads may revoke or
    re-issue them) and their "issued" events, in one insert each; their emails are owed from now."""
    if not certificates:
        return
    Certificate.objects.bulk_create(certificates)
    Through = Certificate.earned_in.through
    Through.objects.bulk_create(
        Through(certificate_id=certificate.pk, organisation_id=organisation_id)
        for certificate in certificates
        for organisation_id in dict.fromkeys(o for o, _name in memberships.get(certificate.user_id, []))
    )
    for certificate in certificates:
        _supersede_earlier(certificate)
    CertificateEvent.objects.bulk_create(
        CertificateEvent(certificate=certificate, action=CertificateEvent.Action.ISSUED)
        for certificate in certificates
    )
    _emails_owed([certificate.pk for certificate in certificates])


def certificates_issue_batch(*, completion_ids) -> dict[int, Certificate]:
    """Issue the first certificate of each completion in `completion_ids` that has none: {completion id: its
    certificate} (issued now or before; ids of completions that no longer exist are left out). Each new one
    supersedes the person's certificate from an earlier cycle of the same module.

    Safe to repeat: two runs at once (a redelivered task, the owed-work sweep) take turns on the completions'
    row locks, so the second finds the first's certificates and renders nothing; the unique (completion,
    version) constraint holds in any case. If some certificates fail to render or store, the others are
    committed and the first error is raised after, so a retry issues only what is still owed."""
    with transaction.atomic():
        result, errors = _issue_locked(list(completion_ids))
    if errors:
        for error in errors[1:]:
            logger.error("Certificate not issued: %r", error)
        raise errors[0]
    return result


def certificate_issue(*, completion: ModuleCompletion) -> Certificate:
    """Issue the first certificate for a completion; a second call returns it (certificates_issue_batch, for
    one)."""
    certificate = certificates_issue_batch(completion_ids=[completion.pk]).get(completion.pk)
    if certificate is None:
        raise ModuleCompletion.DoesNotExist(f"No completion {completion.pk}")
    return certificate


def _emails_owed(certificate_ids):
    """Queue the learners' emails once the certificates commit; owed until emailed_at (the owed-work
    sweep)."""
    # tasks.py imports this module: imported on call, which breaks the cycle
    from .tasks import certificate_email, certificates_email

    if len(certificate_ids) == 1:
        queue_after_commit(certificate_email, certificate_ids[0])
    elif certificate_ids:
        queue_after_commit(certificates_email, list(certificate_ids))


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
    _emails_owed([replacement.pk])
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
