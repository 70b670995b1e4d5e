"""Boundaries a planted bug once slipped past: each test pins the exact edge, from both sides where it has
two.

- A score exactly at the pass mark passes: in the graded attempt, the quiz-passed read, the quiz page and the
  completion rule.
- An inactive supervisor sees none of their former supervisees, and may not open the staff page at all.
(The third, a lead's "no emails" choice stopping the monthly report, is in
tests/coverage/test_monthly_report_opt_out.py, beside the coverage fixtures it uses.)
"""

import pytest
from django.urls import reverse

from assessments.models import Quiz
from assessments.quizzes import scoring
from assessments.quizzes.selectors import quiz_passed
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.selectors import memberships_visible_to
from learning.progress import services as progress
from learning.progress.models import ModuleCompletion
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage
from modules.seed import site_structure_ensure
from tests.assessments.conftest import make_bank_question

pytestmark = pytest.mark.django_db


# --- 1. A score exactly at the pass mark passes -----------------------------------------------------------


def _quiz(*, pass_mark, questions, module=None):
    quiz = Quiz.objects.create(
        title="Boundary quiz", module=module, pass_mark=pass_mark, questions_per_attempt=questions
    )
    questions_write(quiz=quiz, questions=[make_bank_question(i, "single") for i in range(questions)])
    return quiz


def _submit_with_right(user, quiz, right):
    """Answer `right` questions correctly and leave the rest blank: each question is worth the same share."""
    attempt = attempt_start(user=user, quiz=quiz)
    items = list(attempt.items.order_by("position"))
    answers = {item.position: scoring.correct_keys(item.snapshot) for item in items[:right]}
    return attempt_submit(attempt=attempt, answers=answers)


@pytest.mark.parametrize("pass_mark,passes", [(75, True), (76, False)])
def test_attempt_scoring_exactly_the_pass_mark_passes(client, pass_mark, passes):
    learner = UserFactory()
    quiz = _quiz(pass_mark=pass_mark, questions=4)
    attempt = _submit_with_right(learner, quiz, right=3)
    assert attempt.score == 75
    assert attempt.passed is passes
    assert quiz_passed(user=learner, quiz=quiz) is passes
    client.force_login(learner)  # the quiz page says the same
    html = client.get(reverse("quiz_detail", args=[quiz.pk])).content.decode()
    assert ("(passed)" in html, "(not yet passed)" in html) == (passes, not passes)


@pytest.fixture
def module_with_lessons(db):
    module = ModulePageFactory(parent=site_structure_ensure(), title="Boundary module")
    for _ in range(2):
        LessonPageFactory(parent=module)
    return module


@pytest.mark.parametrize("pass_mark,completes", [(50, True), (51, False)])
def test_completion_rule_counts_a_grade_exactly_at_the_pass_mark(
    module_with_lessons, pass_mark, completes, django_capture_on_commit_callbacks
):
    learner = UserFactory()
    quiz = _quiz(pass_mark=pass_mark, questions=2, module=module_with_lessons)
    with django_capture_on_commit_callbacks(execute=True):  # the completion check is queued on commit
        for lesson in LessonPage.objects.child_of(module_with_lessons).live():
            progress.lesson_complete(user=learner, lesson=lesson)
    with django_capture_on_commit_callbacks(execute=True):
        assert _submit_with_right(learner, quiz, right=1).score == 50
    completion = ModuleCompletion.objects.filter(user=learner, module=module_with_lessons).first()
    assert (completion is not None) is completes
    if completes:
        assert completion.quiz_score == 50


# --- 2. An inactive supervisor's staff list is empty --------------------------------------------------------


@pytest.fixture
def supervision():
    organisation = OrganisationFactory()
    supervisor = MembershipFactory(organisation=organisation, is_supervisor=True)
    supervisee = MembershipFactory(organisation=organisation, supervisor=supervisor)
    return organisation, supervisor, supervisee


def test_active_supervisor_sees_their_supervisee(client, supervision):
    organisation, supervisor, supervisee = supervision
    visible = memberships_visible_to(user=supervisor.user, organisation=organisation)
    assert set(visible) == {supervisor, supervisee}
    client.force_login(supervisor.user)
    page = client.get(reverse("organisation_staff", args=[organisation.pk]))
    assert page.status_code == 200 and supervisee.user.email in page.content.decode()


def test_inactive_supervisor_sees_no_supervisees_and_is_refused_the_staff_page(client, supervision):
    organisation, supervisor, supervisee = supervision
    supervisor.is_active = False
    supervisor.save()
    # Only their own record is left: no supervisee, here or anywhere (the admin's people list).
    assert set(memberships_visible_to(user=supervisor.user, organisation=organisation)) == {supervisor}
    assert set(memberships_visible_to(user=supervisor.user)) == {supervisor}
    assert not supervisor.user.has_perm("organisations.view_record", supervisee)
    assert not supervisor.user.has_perm("organisations.view_staff", organisation)
    client.force_login(supervisor.user)
    assert client.get(reverse("organisation_staff", args=[organisation.pk])).status_code == 403
