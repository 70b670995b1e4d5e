"""A person's learning record as a lead or supervisor sees it: what is required of them in the organisation,
their progress, completions and certificates. Reflections are not part of it: their text is private."""

from dataclasses import dataclass

from certificates.selectors import certificates_for_user
from learning.progress.models import Enrolment, ModuleCompletion
from learning.progress.selectors import progress_for_modules

from .people import record_requirements


@dataclass
class LearningRecord:
    membership: object
    requirements: list
    enrolments: list  # each with .progress
    completions: list
    certificates: list


def learning_record(*, membership, now=None) -> LearningRecord:
    user = membership.user
    enrolments = list(
        Enrolment.objects.filter(user=user, module__live=True)
        .select_related("module")
        .order_by("module__title")
    )
    progress = progress_for_modules(user=user, modules=[e.module for e in enrolments])
    for enrolment in enrolments:
        enrolment.progress = progress[enrolment.module_id]
    return LearningRecord(
        membership=membership,
        requirements=record_requirements(membership=membership, now=now),
        enrolments=enrolments,
        completions=list(
            ModuleCompletion.objects.filter(user=user).select_related("module").order_by("-completed_at")
        ),
        certificates=list(certificates_for_user(user=user)),
    )
