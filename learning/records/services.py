"""Writes for learning done elsewhere: recording it, verifying or declining it, the organisation's
equivalences, and a lead's recorded completion. Each is atomic, validated, and raises ServiceError."""

import datetime

import rules
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.practice.services.notifications import notification_send
from learning.completion.services import completion_record
from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.progress.models import ModuleCompletion

from .evidence import evidence_check
from .models import Equivalence, ExternalRecord, RecordedCompletion

VERIFIED_ACTION = "learning.external_record.verified"
DECLINED_ACTION = "learning.external_record.declined"
RECORDED_ACTION = "learning.completion.recorded"
# What a person writes on a record (RecordForm shows the same fields).
FIELDS = (
    "title",
    "provider",
    "completed_on",
    "hours",
    "participatory_hours",
    "level",
    "module",
    "equivalence",
)


def _midday(day: datetime.date) -> datetime.datetime:
    """A date as a moment: midday local time, so no time zone moves it to another day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _not_future(day, field):
    if day and day > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."), code=f"{field}_future")


def _save(record, data, evidence):
    for field in FIELDS:
        if field in data:
            setattr(record, field, data[field])
    _not_future(record.completed_on, "completed_on")
    if record.equivalence_id and record.equivalence.organisation_id != record.membership.organisation_id:
        raise ServiceError(_("Choose a course your organisation recognises."), code="equivalence")
    if evidence is not None:
        extension = evidence_check(evidence)
        record.evidence_name = evidence.name[:200]
        evidence.name = f"evidence{extension}"  # stored by what its bytes are, not what its name claims
        if record.evidence:
            record.evidence.delete(save=False)
        record.evidence = evidence
    try:
        record.full_clean()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages), code="invalid") from exc
    record.save()
    return record


@transaction.atomic
def record_submit(*, user, membership, data: dict, evidence=None) -> ExternalRecord:
    """Record learning `user` did elsewhere, for verification in `membership`'s organisation (their own)."""
    if membership.user_id != user.pk or not membership.is_active:
        raise ServiceError(_("Choose one of your own organisations."), code="membership")
    return _save(ExternalRecord(user=user, membership=membership), data, evidence)


@transaction.atomic
def record_update(*, record, user, data: dict, evidence=None) -> ExternalRecord:
    """Change a record before it is verified; a declined record goes back for verification."""
    record = ExternalRecord.objects.select_for_update().get(pk=record.pk)
    if not rules.test_rule("records.change_record", user, record):
        raise ServiceError(_("A verified record can no longer be changed."), code="locked")
    record.status, record.decline_reason, record.decided_by, record.decided_at = (
        ExternalRecord.Status.SUBMITTED,
        "",
        None,
        None,
    )
    return _save(record, data, evidence)


def equivalence_for(record) -> Equivalence | None:
    """The equivalence the person chose, else the one their organisation declared for this title and
    provider (compared without regard to case or surrounding spaces)."""
    if record.equivalence_id:
        return record.equivalence
    return Equivalence.objects.filter(
        organisation_id=record.membership.organisation_id,
        title__iexact=record.title.strip(),
        provider__iexact=record.provider.strip(),
    ).first()


def _decided(record, user, status, *, reason=""):
    record.status, record.decided_by, record.decided_at, record.decline_reason = (
        status,
        user,
        timezone.now(),
        reason,
    )


def _locked_for_decision(record, user):
    record = ExternalRecord.objects.select_for_update().select_related("membership").get(pk=record.pk)
    if not rules.test_rule("records.decide_record", user, record):
        raise ServiceError(_("This record is not waiting for your verification."), code="forbidden")
    return record


@transaction.atomic
def record_verify(*, record, user) -> ExternalRecord:
    """Verify a record; when it matches an equivalence of the organisation, the module it stands for is
    completed (source: external, recorded by the verifier, on the record's date). The person is told."""
    record = _locked_for_decision(record, user)
    _decided(record, user, ExternalRecord.Status.VERIFIED)
    equivalence = equivalence_for(record)
    if equivalence is not None:
        record.equivalence = equivalence
        record.completion = completion_record(
            user=record.user,
            module=equivalence.module,
            completed_at=_midday(record.completed_on),
            source=ModuleCompletion.Source.EXTERNAL,
            recorded_by=user,
            cpd_minutes=int(record.hours * 60),
        )
    record.save()
    audit_log(record, VERIFIED_ACTION, user=user, organisation_id=record.membership.organisation_id)
    notification_send(
        user=record.user,
        url=reverse("records_detail", args=[record.pk]),
        message=_("%(name)s verified your record of “%(title)s”.") % {"name": user, "title": record.title},
    )
    return record


@transaction.atomic
def record_decline(*, record, user, reason: str) -> ExternalRecord:
    """Decline a record with a reason the person reads; they may change it and submit it again."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why the record is declined."), code="reason")
    record = _locked_for_decision(record, user)
    _decided(record, user, ExternalRecord.Status.DECLINED, reason=reason)
    record.save()
    audit_log(record, DECLINED_ACTION, user=user, organisation_id=record.membership.organisation_id)
    notification_send(
        user=record.user,
        url=reverse("records_detail", args=[record.pk]),
        message=_("%(name)s declined your record of “%(title)s”: see why.")
        % {"name": user, "title": record.title},
    )
    return record


@transaction.atomic
def equivalence_create(*, organisation, module, title, provider, user) -> Equivalence:
    """Declare that the outside course `title` by `provider` counts for `module` in `organisation`."""
    title, provider = title.strip(), provider.strip()
    if Equivalence.objects.filter(
        organisation=organisation, title__iexact=title, provider__iexact=provider
    ).exists():
        raise ServiceError(_("That course already counts for a module here."), code="duplicate")
    return Equivalence.objects.create(
        organisation=organisation, module=module, title=title, provider=provider, created_by=user
    )


@transaction.atomic
def completion_record_for(*, membership, module, completed_on, reason, user) -> ModuleCompletion:
    """A lead records that `membership`'s person completed `module` on a past date, with a reason; audited.
    Refused when the person already has a completion of the module in their current cycle."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_("Say why you are recording this completion."), code="reason")
    _not_future(completed_on, "completed_on")
    if not rules.test_rule("records.record_completion", user, membership):
        raise ServiceError(
            _("You can only record completions for people in your organisation."), code="forbidden"
        )
    completion = completion_record(
        user=membership.user,
        module=module,
        completed_at=_midday(completed_on),
        source=ModuleCompletion.Source.RECORDED,
        recorded_by=user,
    )
    if hasattr(completion, "recorded_reason") or completion.source != ModuleCompletion.Source.RECORDED:
        raise ServiceError(_("This person has already completed the module."), code="already_completed")
    recorded = RecordedCompletion.objects.create(
        membership=membership, completion=completion, reason=reason, recorded_by=user
    )
    audit_log(
        recorded,
        RECORDED_ACTION,
        user=user,
        organisation_id=membership.organisation_id,
        completion=completion.pk,
        module=module.pk,
    )
    return completion
