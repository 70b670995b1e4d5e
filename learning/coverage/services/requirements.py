"""Keep Requirement rows equal to what the organisation's assignments ask of its people, and enrol them."""

from django.db import transaction
from django.db.models import Exists, OuterRef

from learning.organisations.models import Organisation
from learning.progress.models import Enrolment
from learning.progress.services import enrolment_create
from modules.models import ModulePage

from ..models import Assignment, Requirement
from ..selectors.scope import workforce


def lock_organisation(organisation_id):
    """Serialise coverage writes per organisation: a recompute reads and writes under this row lock, so a
    slower run that read earlier cannot overwrite a newer result (PostgreSQL; SQLite serialises writers
    anyway)."""
    list(Organisation.objects.select_for_update().filter(pk=organisation_id).values_list("pk"))


def due_dates(*, assignments, people):
    """{(membership id, module id): due date} for every person an assignment applies to; the earliest wins."""
    due = {}
    for membership_id, team_id, job_title, joined_on in people:
        for assignment in assignments:
            if assignment.applies_to(team_id=team_id, job_title=job_title):
                key, date = (membership_id, assignment.module_id), assignment.due_for(joined_on=joined_on)
                if key not in due or date < due[key]:
                    due[key] = date
    return due


@transaction.atomic
def requirements_sync(*, organisation_id, module_id=None) -> set[int]:
    """Create, re-date and remove Requirement rows for the organisation (for one module, or all). Safe to run
    any number of times. Returns the ids of the modules that have, or had, requirements here."""
    lock_organisation(organisation_id)
    assignments = Assignment.objects.filter(organisation_id=organisation_id, module__live=True)
    existing_rows = Requirement.objects.filter(organisation_id=organisation_id)
    if module_id is not None:
        assignments, existing_rows = (
            assignments.filter(module_id=module_id),
            existing_rows.filter(module_id=module_id),
        )
    people = workforce(organisation_id=organisation_id).values_list("pk", "team_id", "job_title", "joined_on")
    wanted = due_dates(assignments=list(assignments), people=list(people))
    existing = {
        (r.membership_id, r.module_id): r
        for r in existing_rows.only("pk", "membership_id", "module_id", "due_on")
    }

    Requirement.objects.bulk_create(
        [
            Requirement(membership_id=m, module_id=module, organisation_id=organisation_id, due_on=due)
            for (m, module), due in wanted.items()
            if (m, module) not in existing
        ],
        batch_size=1000,
    )
    changed = [row for key, row in existing.items() if key in wanted and row.due_on != wanted[key]]
    for row in changed:
        row.due_on = wanted[row.membership_id, row.module_id]
    Requirement.objects.bulk_update(changed, ["due_on"], batch_size=1000)
    stale = [row.pk for key, row in existing.items() if key not in wanted]
    for start in range(0, len(stale), 1000):
        Requirement.objects.filter(pk__in=stale[start : start + 1000]).delete()
    return {module for _m, module in wanted} | {module for _m, module in existing}


def assigned_enrol(*, organisation_id, module_id) -> int:
    """Enrol everyone required to take the module who is not enrolled yet (source: assigned). Idempotent:
    enrolment_create returns an existing enrolment, and people already enrolled are not asked again."""
    module = ModulePage.objects.live().filter(pk=module_id).first()
    if module is None:
        return 0
    enrolled = Enrolment.objects.filter(user=OuterRef("membership__user"), module=module)
    missing = (
        Requirement.objects.filter(organisation_id=organisation_id, module=module)
        .exclude(Exists(enrolled))
        .select_related("membership__user")
    )
    count = 0
    for requirement in missing:
        enrolment_create(user=requirement.membership.user, module=module, source=Enrolment.Source.ASSIGNED)
        count += 1
    return count
