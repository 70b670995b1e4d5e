"""Completion rule combinations: lessons always; quiz pass when the module has a quiz and asks; a signed
reflection when asked. Evaluated on each event, idempotently."""

import pytest

from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from learning.completion.services import completion_evaluate
from learning.progress.models import ModuleCompletion
from tests.assessments.conftest import make_bank_question

pytestmark = pytest.mark.django_db


def _fill(quiz):
    from assessments.quizzes.services.imports import questions_write

    questions_write(quiz=quiz, questions=[make_bank_question(i) for i in range(3)])


def _take(user, quiz, right):
    attempt = attempt_start(user=user, quiz=quiz)
    answers = {i.position: scoring.correct_keys(i.snapshot) for i in attempt.items.all()} if right else {}
    return attempt_submit(attempt=attempt, answers=answers)


def test_lessons_alone_complete_a_module_without_quiz(
    member, module, complete_lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_lessons(member.user, module)
    completion = ModuleCompletion.objects.get(user=member.user, module=module)
    assert completion.cpd_minutes == 0  # no signed-off reflection asked: no CPD time (issue #16)
    assert completion.quiz_score is None
    assert completion.expires_at.year == completion.completed_at.year + 3
    assert completion.module_revision_id == module.live_revision_id


def test_quiz_must_be_passed_when_the_module_has_one(
    member, module, complete_lessons, quiz_for, django_capture_on_commit_callbacks
):
    quiz = quiz_for(module)
    _fill(quiz)
    complete_lessons(member.user, module)
    assert not ModuleCompletion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # each graded attempt queues the check on commit
        _take(member.user, quiz, right=False)
    assert not ModuleCompletion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        _take(member.user, quiz, right=True)
    assert ModuleCompletion.objects.get().quiz_score == 100


def test_quiz_passed_before_lessons_counts_when_lessons_finish(member, module, complete_lessons, quiz_for):
    quiz = quiz_for(module)
    _fill(quiz)
    from learning.progress.services import enrolment_create

    enrolment_create(user=member.user, module=module)
    _take(member.user, quiz, right=True)
    assert not ModuleCompletion.objects.exists()
    complete_lessons(member.user, module)
    assert ModuleCompletion.objects.count() == 1


def test_quiz_not_required_when_rule_says_so(member, module, complete_lessons, quiz_for):
    module.require_quiz_pass = False
    module.save_revision().publish()
    quiz_for(module)
    complete_lessons(member.user, module)
    assert ModuleCompletion.objects.count() == 1


def test_signed_reflection_required(member, module, complete_lessons, monkeypatch):
    module.require_signed_reflection = True
    module.save_revision().publish()
    signed = {"value": False}
    monkeypatch.setattr(
        "learning.completion.services.reflection_signed_off",
        lambda *, user, module, since=None: signed["value"],
    )
    complete_lessons(member.user, module)
    assert not ModuleCompletion.objects.exists()
    signed["value"] = True
    completion_evaluate(user=member.user, module=module)
    assert ModuleCompletion.objects.get().cpd_minutes == 45  # the estimated minutes, with a reflection


def test_evaluating_again_records_nothing_new(member, module, complete_lessons):
    complete_lessons(member.user, module)
    first = completion_evaluate(user=member.user, module=module)
    assert completion_evaluate(user=member.user, module=module).pk == first.pk
    assert ModuleCompletion.objects.count() == 1
