"""Assign required training to an organisation, a team or a job title; change or withdraw it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from learning.core import audit
from learning.core.audit import audit_log
from learning.core.errors import ServiceError

from ..models import Assignment
from .events import assignments_changed

FIELDS = ("module", "scope", "team", "job_title", "due_on", "due_within_days")


def _save(assignment):
    if assignment.scope != Assignment.Scope.TEAM:
        assignment.team = None
    if assignment.scope != Assignment.Scope.JOB_TITLE:
        assignment.job_title = ""
    assignment.job_title = " ".join(assignment.job_title.split())
    try:
        assignment.full_clean(validate_constraints=False)
        with transaction.atomic():
            assignment.save()
    except ValidationError as exc:
        raise ServiceError(" ".join(exc.messages)) from exc
    except IntegrityError as exc:
        raise ServiceError(
            _("%(module)s is already assigned to %(target)s.")
            % {"module": assignment.module, "target": assignment.target_label}
        ) from exc
    return assignment


@transaction.atomic
def assignment_create(
    *,
    organisation,
    module,
    created_by,
    scope=Assignment.Scope.ORGANISATION,
    team=None,
    job_title="",
    due_on=None,
    due_within_days=None,
) -> Assignment:
    """Require a module of the people in scope. Once committed, their requirements are derived, they are
    enrolled (source: assigned) and the organisation's figures are recounted."""
    if not module.live:
        raise ServiceError(_("Only a published module can be assigned."))
    assignment = _save(
        Assignment(
            organisation=organisation,
            module=module,
            scope=scope,
            team=team,
            job_title=job_title,
            due_on=due_on,
            due_within_days=due_within_days,
            created_by=created_by,
        )
    )
    audit_log(assignment, audit.ASSIGNMENT_CREATED, user=created_by, organisation_id=organisation.pk)
    assignments_changed(organisation_id=organisation.pk, module_id=module.pk)
    return assignment


@transaction.atomic
def assignment_update(*, assignment, **changes) -> Assignment:
    """Change who an assignment covers or when it is due; both the old and the new module are recounted."""
    before = assignment.module_id
    for name, value in changes.items():
        if name not in FIELDS:
            raise TypeError(name)
        setattr(assignment, name, value)
    _save(assignment)
    audit_log(
        assignment,
        audit.ASSIGNMENT_CHANGED,
        organisation_id=assignment.organisation_id,
        changed=sorted(changes),
    )
    for module_id in {before, assignment.module_id}:
        assignments_changed(organisation_id=assignment.organisation_id, module_id=module_id)
    return assignment


@transaction.atomic
def assignment_delete(*, assignment) -> None:
    """Withdraw an assignment. People keep their enrolments and progress; it no longer counts as required."""
    organisation_id, module_id = assignment.organisation_id, assignment.module_id
    audit_log(assignment, audit.ASSIGNMENT_REMOVED, organisation_id=organisation_id, module=module_id)
    assignment.delete()
    assignments_changed(organisation_id=organisation_id, module_id=module_id)
