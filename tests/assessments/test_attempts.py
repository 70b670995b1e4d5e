import random
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from assessments.models import Attempt, AttemptQuestion, Question
from assessments.quizzes import scoring
from assessments.quizzes.selectors import quiz_grade, quiz_passed
from assessments.quizzes.services.attempts import attempt_save_answers, attempt_start, attempt_submit
from learning.core.errors import ServiceError

pytestmark = pytest.mark.django_db


def _right_answers(attempt):
    return {item.position: scoring.correct_keys(item.snapshot) for item in attempt.items.all()}


def test_attempt_draws_n_questions_and_resumes(quiz, fill_bank, learner):
    fill_bank(quiz, count=8)
    attempt = attempt_start(user=learner, quiz=quiz, rng=random.Random(1))
    assert attempt.items.count() == 4
    assert (
        attempt_start(user=learner, quiz=quiz).pk == attempt.pk
    )  # a closed browser resumes the same attempt


def test_draws_only_from_the_chosen_tag(quiz, fill_bank, learner):
    fill_bank(quiz, count=8)
    quiz.draw_from_tag = "lesson-1"
    quiz.save()
    attempt = attempt_start(user=learner, quiz=quiz)
    names = {item.snapshot["name"] for item in attempt.items.all()}
    assert names <= {"q001", "q003", "q005", "q007"}


def test_answers_autosave_and_are_marked(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    attempt = attempt_start(user=learner, quiz=quiz)
    attempt_save_answers(attempt=attempt, answers=_right_answers(attempt))
    assert all(item.selected for item in attempt.items.all())
    graded = attempt_submit(attempt=attempt)
    assert graded.score == 100 and graded.passed


def test_editing_the_bank_never_changes_a_past_attempt(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    attempt = attempt_submit(attempt=(a := attempt_start(user=learner, quiz=quiz)), answers=_right_answers(a))
    before = list(AttemptQuestion.objects.filter(attempt=attempt).values_list("snapshot", "mark"))
    for question in Question.objects.filter(quiz=quiz):
        question.text = "<p>Rewritten</p>"
        question.options.update(fraction=0)
        question.save()
    Question.objects.filter(quiz=quiz).first().delete()
    attempt.refresh_from_db()
    assert attempt.score == 100
    assert list(AttemptQuestion.objects.filter(attempt=attempt).values_list("snapshot", "mark")) == before


def test_double_submit_gives_one_graded_attempt(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    attempt = attempt_start(user=learner, quiz=quiz)
    first = attempt_submit(attempt=attempt, answers=_right_answers(attempt))
    replay = attempt_submit(attempt=attempt, answers={1: []})
    assert first.pk == replay.pk and replay.score == 100
    assert Attempt.objects.filter(user=learner, status="graded").count() == 1
    with pytest.raises(ServiceError, match="already been submitted"):
        attempt_save_answers(attempt=attempt, answers={1: []})


def test_attempt_limit_is_enforced_with_a_clear_message(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    quiz.attempts_allowed = 2
    quiz.save()
    for _ in range(2):
        attempt_submit(attempt=attempt_start(user=learner, quiz=quiz))
    with pytest.raises(ServiceError, match="used all 2 attempts"):
        attempt_start(user=learner, quiz=quiz)


def test_time_limit_marks_only_answers_saved_in_time(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    quiz.time_limit_minutes = 10
    quiz.save()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        attempt = attempt_start(user=learner, quiz=quiz)
        right = _right_answers(attempt)
        attempt_save_answers(attempt=attempt, answers={1: right[1]})
        clock.shift(timedelta(minutes=11))
        with pytest.raises(ServiceError, match="time limit"):
            attempt_save_answers(attempt=attempt, answers=right)
        graded = attempt_submit(attempt=attempt, answers=right)
    assert graded.timed_out and graded.score == 25


def test_grading_method_highest_or_last(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    good = attempt_start(user=learner, quiz=quiz)
    attempt_submit(attempt=good, answers=_right_answers(good))
    attempt_submit(attempt=attempt_start(user=learner, quiz=quiz), answers={})
    attempts = list(Attempt.objects.filter(user=learner))
    assert quiz_grade(attempts=attempts, quiz=quiz) == 100 and quiz_passed(user=learner, quiz=quiz)
    quiz.grading = "last"
    assert quiz_grade(attempts=attempts, quiz=quiz) == 0


def test_one_attempt_in_progress_at_a_time(quiz, fill_bank, learner):
    fill_bank(quiz, count=4)
    from django.db import IntegrityError, transaction

    attempt_start(user=learner, quiz=quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(user=learner, quiz=quiz, number=9, pass_mark=60)
