"""Quiz attempts: start (or resume), save answers as the learner goes, submit once, graded on the server."""

import random
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Attempt, AttemptQuestion, Question, Quiz
from assessments.quizzes import scoring
from assessments.quizzes.bank_mapping import snapshot_of
from assessments.quizzes.selectors import quiz_lesson_coverage
from learning.core.bulk import rows_update
from learning.core.errors import ServiceError
from learning.progress.services import completion_check_request


def _spread_by_lesson(*, groups: list[list[int]], others: list[int], count: int, rng: random.Random):
    """`count` ids: one from every group first (each lesson's questions), then one more from each in turn, in
    a random order every round, so that the lessons' shares differ by one at most. Questions of no lesson
    join from the second round, as one more group, so they never take a lesson's place."""
    queues = [rng.sample(group, len(group)) for group in groups if group]
    rest = rng.sample(others, len(others))
    drawn, first_round = [], True
    while len(drawn) < count and (any(queues) or rest):
        this_round = [queue for queue in queues if queue]
        rng.shuffle(this_round)
        if rest and (not first_round or not this_round):
            this_round.insert(rng.randrange(len(this_round) + 1), rest)
        for queue in this_round[: count - len(drawn)]:
            drawn.append(queue.pop())
        first_round = False
    rng.shuffle(drawn)
    return drawn


def _draw(quiz: Quiz, rng: random.Random) -> list[Question]:
    """The questions of a new attempt: by lesson (every lesson of the module with questions, at least once)
    or at random from the whole pool; either way only questions with the quiz's draw_from_tag, if it has
    one."""
    coverage = quiz_lesson_coverage(quizzes=[quiz])[quiz.pk]
    if not coverage.pool:
        raise ServiceError(_("This quiz has no questions yet."), code="empty")
    count = min(quiz.questions_per_attempt, len(coverage.pool))
    if quiz.draw == Quiz.Draw.BY_LESSON:
        groups = [coverage.by_lesson[lesson.slug] for lesson in coverage.lessons]
        ids = _spread_by_lesson(groups=groups, others=coverage.unassigned, count=count, rng=rng)
    else:
        ids = rng.sample(coverage.pool, count)
    questions = Question.objects.prefetch_related("options").in_bulk(ids)
    return [questions[pk] for pk in ids]


def attempt_start(*, user, quiz: Quiz, rng: random.Random | None = None) -> Attempt:
    """Resume the person's open attempt, or start a new one if the attempt limit allows."""
    try:
        with transaction.atomic():
            return _attempt_start(user=user, quiz=quiz, rng=rng)
    except IntegrityError:  # a second tab started one at the same moment: use that one
        return Attempt.objects.get(user=user, quiz=quiz, status=Attempt.Status.IN_PROGRESS)


def _attempt_start(*, user, quiz, rng):
    attempts = list(Attempt.objects.filter(user=user, quiz=quiz))  # the open one, and how many were used
    open_attempt = next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None)
    if open_attempt:
        return open_attempt
    used = len(attempts)
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise ServiceError(
            _("You have used all %(n)s attempts allowed for this quiz.") % {"n": quiz.attempts_allowed},
            code="limit",
        )
    rng = rng or random.SystemRandom()
    drawn = _draw(quiz, rng)
    now = timezone.now()
    attempt = Attempt.objects.create(
        user=user,
        quiz=quiz,
        number=used + 1,
        pass_mark=quiz.pass_mark,
        deadline=now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None,
    )
    items = []
    for position, question in enumerate(drawn, start=1):
        snapshot = snapshot_of(question)
        order = [o["key"] for o in snapshot["options"]]
        if question.shuffle:
            rng.shuffle(order)
        items.append(
            AttemptQuestion(
                attempt=attempt, position=position, question=question, snapshot=snapshot, option_order=order
            )
        )
    AttemptQuestion.objects.bulk_create(items)
    return attempt


def _clean_selection(item: AttemptQuestion, keys) -> list[str]:
    valid = {o["key"] for o in item.snapshot["options"]}
    chosen = [key for key in dict.fromkeys(keys) if key in valid]
    if item.snapshot["qtype"] != "multi":
        chosen = chosen[:1]
    return chosen


def _select(items, answers: dict) -> list[AttemptQuestion]:
    """Put `answers` ({position: [option keys]}) on `items`; returns the items changed."""
    by_position = {item.position: item for item in items}
    changed = []
    for position, keys in answers.items():
        item = by_position.get(int(position))
        if item is not None:
            item.selected = _clean_selection(item, keys)
            changed.append(item)
    return changed


@transaction.atomic
def attempt_save_answers(*, attempt: Attempt, answers: dict) -> Attempt:
    """Save answers given so far ({position: [option keys]}); closing the browser loses nothing."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ServiceError(_("This attempt has already been submitted."), code="submitted")
    if attempt.deadline and timezone.now() > attempt.deadline:
        raise ServiceError(_("The time limit has passed; your saved answers will be marked."), code="timeout")
    rows_update(_select(attempt.items.all(), answers), ["selected"])
    return attempt


def _locked_with_items(attempt_id) -> tuple[Attempt, list[AttemptQuestion]]:
    """The attempt (with its quiz), locked, and its questions, in one read."""
    items = list(
        AttemptQuestion.objects.select_for_update(of=("attempt",))
        .select_related("attempt__quiz")
        .filter(attempt_id=attempt_id)
    )
    if not items:  # an attempt with no questions (none is drawn so): the attempt alone
        attempt = Attempt.objects.select_for_update(of=("self",)).select_related("quiz")
        return attempt.get(pk=attempt_id), []
    attempt = items[0].attempt
    for item in items:
        item.attempt = attempt
    return attempt, items


@transaction.atomic
def attempt_submit(*, attempt: Attempt, answers: dict | None = None) -> Attempt:
    """Grade the attempt once. A double or replayed submit returns the graded attempt unchanged; after
    the time limit, only the answers saved in time are marked.

    One locked read of the attempt with its questions (and its quiz), graded in memory,
    then one write of the questions' answers and marks and one of the attempt: four statements with the
    completion check, whatever the number of questions. The lock on the attempt's row makes two submits of
    one attempt take turns (the second finds it graded); submits of different attempts never wait on each
    other."""
    attempt, items = _locked_with_items(attempt.pk)
    if attempt.status == Attempt.Status.GRADED:
        return attempt
    now = timezone.now()
    timed_out = bool(attempt.deadline and now > attempt.deadline)
    if answers and not timed_out:
        _select(items, answers)
    for item in items:
        item.mark = scoring.question_mark(item.snapshot, item.selected)
    rows_update(items, ["selected", "mark"])
    attempt.score = scoring.attempt_score(item.mark for item in items)
    attempt.passed = attempt.score >= attempt.pass_mark
    attempt.status, attempt.submitted_at, attempt.timed_out = Attempt.Status.GRADED, now, timed_out
    attempt.save(update_fields=["score", "passed", "status", "submitted_at", "timed_out"])
    if attempt.quiz.module_id:
        completion_check_request(user_id=attempt.user_id, module_id=attempt.quiz.module_id)
    return attempt
