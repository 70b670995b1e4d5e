"""Reads for quizzes and attempts."""

from decimal import Decimal

from assessments.models import Attempt, Quiz


def quiz_for_module(*, module):
    return Quiz.objects.filter(module=module).first()


def attempts_of(*, user, quiz):
    return list(Attempt.objects.filter(user=user, quiz=quiz).order_by("number"))


def quiz_grade(*, attempts, quiz) -> Decimal | None:
    """The grade that counts, by the quiz's grading method (highest or last graded attempt)."""
    graded = [a for a in attempts if a.status == Attempt.Status.GRADED]
    if not graded:
        return None
    if quiz.grading == Quiz.Grading.LAST:
        return max(graded, key=lambda a: a.number).score
    return max(a.score for a in graded)


def quiz_grade_since(*, user, quiz, since) -> Decimal | None:
    """The counting grade over attempts started since `since` (the start of a recertification cycle)."""
    return quiz_grade(
        attempts=list(Attempt.objects.filter(user=user, quiz=quiz, started_at__gte=since)), quiz=quiz
    )


def quiz_passed(*, user, quiz, since=None) -> bool:
    """Whether the counting grade reaches the pass mark: over every attempt, or over those started since
    `since` (the start of the person's current recertification cycle)."""
    if since is None:
        grade = quiz_grade(attempts=attempts_of(user=user, quiz=quiz), quiz=quiz)
    else:
        grade = quiz_grade_since(user=user, quiz=quiz, since=since)
    return grade is not None and grade >= quiz.pass_mark


def attempt_with_items(*, attempt_id, user):
    """The attempt and its questions in two queries, whatever the number of questions; None if not theirs."""
    attempt = Attempt.objects.select_related("quiz__module").filter(pk=attempt_id, user=user).first()
    if attempt is None:
        return None, []
    return attempt, list(attempt.items.all())
