"""What the LTI tool owes until it is done, for the owed-work sweep (learning.core.owed): a completion's score
to each LMS line item the person launched the module from."""

from django.db.models import Exists, OuterRef

from learning.core.owed import owed_register
from learning.progress.models import ModuleCompletion

from . import tasks
from .models import GradeLink, ScoreSent


def completions_owing_scores():
    """Active completions with a grade link (same person and module) that has no ScoreSent for them."""
    sent = ScoreSent.objects.filter(grade_link=OuterRef("pk"), completion=OuterRef(OuterRef("pk")))
    unsent = GradeLink.objects.filter(user=OuterRef("user"), module=OuterRef("module")).filter(~Exists(sent))
    return ModuleCompletion.objects.filter(status=ModuleCompletion.Status.ACTIVE).filter(Exists(unsent))


def register():
    owed_register(
        "LTI score", queryset=completions_owing_scores, since="completed_at", task=tasks.lti_scores_send
    )
