"""What the completion rule owes until it is done, for the owed-work sweep (learning.core.owed): the
evaluation asked for by a lesson, a graded quiz or a signed-off reflection
(Enrolment.completion_check_due_at), so a lost message costs minutes, not a night (`completions_repair`)."""

from learning.core.owed import owed_register
from learning.progress.models import Enrolment

from . import tasks


def completion_checks_owed():
    return Enrolment.objects.filter(completion_check_due_at__isnull=False)


def register():
    owed_register(
        "completion check",
        queryset=completion_checks_owed,
        since="completion_check_due_at",
        task=tasks.completion_evaluate,
        args=("user_id", "module_id"),
    )
