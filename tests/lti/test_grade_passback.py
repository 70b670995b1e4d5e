"""Assignment and Grade Services against the independent platform: a learner launched from a gradebook column
completes the module, and the platform's gradebook holds their score (Completed, FullyGraded, the quiz score
out of 100), sent once; with the broker down, the completion owes the score and the owed sweep sends it."""

from datetime import timedelta

import pytest
from lti_tool.models import LtiUser

from learning.completion.services import completion_evaluate
from learning.core.owed import owed_requeue
from learning.lti.models import ScoreSent
from learning.lti.owed import completions_owing_scores
from learning.progress.models import ModuleCompletion
from tests.reliability.actions import broker_unreachable

from .test_launch import place
from .world import complete_with_half_marks, module_with_quiz

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _launched_learner(browser, platform, module):
    place(browser, platform, module)
    learner = browser.another()
    assert learner.launch(platform, user="learner-7", link="link-1").status_code == 302
    return LtiUser.objects.get(sub="learner-7").auth_user


def test_completion_sends_the_quiz_score_to_the_launch_line_item(tool, lti_platform, browser):
    module = module_with_quiz()
    user = _launched_learner(browser, lti_platform, module)
    complete_with_half_marks(user, module)  # the real chain: completion check, completion, score task (eager)

    completion = ModuleCompletion.objects.get(user=user, module=module)
    (score,) = lti_platform.state()["scores"]
    assert score["lineitem"] == "li-1" and score["userId"] == "learner-7"
    assert score["scoreGiven"] == 50 and score["scoreMaximum"] == 100
    assert score["activityProgress"] == "Completed" and score["gradingProgress"] == "FullyGraded"
    assert ScoreSent.objects.get(completion=completion).score_given == 50
    assert not completions_owing_scores().exists()

    owed_requeue(older_than=timedelta(0))  # nothing owed: nothing sent twice
    assert len(lti_platform.state()["scores"]) == 1


def test_with_the_broker_down_the_score_is_owed_and_the_sweep_sends_it(tool, lti_platform, browser, caplog):
    module = module_with_quiz()
    user = _launched_learner(browser, lti_platform, module)
    with broker_unreachable():
        complete_with_half_marks(user, module)  # the completion check's publish is refused
        completion_evaluate(
            user=user, module=module
        )  # the completion is recorded; the score's publish refused
    assert "lti_scores_send" in caplog.text  # the refused publish was logged
    completion = ModuleCompletion.objects.get(user=user, module=module)
    assert lti_platform.state()["scores"] == []
    assert list(completions_owing_scores()) == [completion]

    owed_requeue(older_than=timedelta(0))  # the beat sweep, run now (eager tasks)
    (score,) = lti_platform.state()["scores"]
    assert score["scoreGiven"] == 50 and score["userId"] == "learner-7"
    assert not completions_owing_scores().exists()


def test_a_module_completed_before_its_first_launch_sends_its_score_at_launch(tool, lti_platform, browser):
    module = module_with_quiz()
    user = _launched_learner(browser, lti_platform, module)
    ScoreSent.objects.all().delete()
    with broker_unreachable():
        complete_with_half_marks(user, module)
        completion_evaluate(user=user, module=module)
    assert lti_platform.state()["scores"] == []
    learner = browser.another()
    assert learner.launch(lti_platform, user="learner-7", link="link-1").status_code == 302
    assert [s["scoreGiven"] for s in lti_platform.state()["scores"]] == [50]
