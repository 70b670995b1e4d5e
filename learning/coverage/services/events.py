"""The events that move coverage figures, each turned into a recompute queued once the change is committed,
once per transaction (an import that saves 500 memberships queues one refresh). Robust: if the broker is down,
the learner's or lead's request still succeeds (the error is logged) and the nightly repair brings the figures
up to date."""

from django.db.models import Exists, OuterRef

from learning.core.tasks_queue import queue_after_commit
from learning.organisations.models import Membership

from ..models import Requirement


def coverage_changed(*, user_id, module_id) -> None:
    """A person's progress on a module moved (a lesson or the module completed): in each organisation they
    work in, recount the framework levels, and the module's rollups where it is required of them."""
    from .. import tasks  # tasks.py imports the services package: imported on call, which breaks the cycle

    memberships = (
        Membership.objects.active()
        .filter(user_id=user_id)
        .annotate(required=Exists(Requirement.objects.filter(membership=OuterRef("pk"), module_id=module_id)))
        .values_list("organisation_id", "required")
    )
    for organisation_id, required in sorted(memberships):
        queue_after_commit(
            tasks.progress_recount, organisation_id, module_id if required else None, once=True
        )


def assignments_changed(*, organisation_id, module_id) -> None:
    """An assignment was created, changed or removed: re-derive who must do the module, enrol them,
    recount."""
    from .. import tasks  # tasks.py imports the services package: imported on call, which breaks the cycle

    queue_after_commit(tasks.coverage_refresh, organisation_id, module_id, once=True)


def organisation_changed(*, organisation_id) -> None:
    """People joined, left or moved team or job title: re-derive every requirement in the organisation."""
    from .. import tasks  # tasks.py imports the services package: imported on call, which breaks the cycle

    queue_after_commit(tasks.coverage_refresh, organisation_id, None, once=True)
