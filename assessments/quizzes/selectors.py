"""Reads for quizzes and attempts."""

from dataclasses import dataclass, field
from decimal import Decimal

from assessments.models import Attempt, Question, Quiz
from learning.progress.selectors import lessons_by_module


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


@dataclass
class LessonCoverage:
    """A quiz's pool (its questions, or those with its draw_from_tag) sorted by the lessons of its module: a
    question belongs to the first lesson, in the module's order, whose slug is one of its tags."""

    lessons: list  # the live lessons of the quiz's module, in order
    pool: list[int] = field(default_factory=list)  # question ids, in the bank's order
    by_lesson: dict[str, list[int]] = field(default_factory=dict)  # lesson slug -> question ids
    unassigned: list[int] = field(default_factory=list)  # in the pool, tagged with no lesson

    @property
    def lessons_with_questions(self):
        return [lesson for lesson in self.lessons if self.by_lesson.get(lesson.slug)]

    @property
    def lessons_without_questions(self):
        return [lesson for lesson in self.lessons if not self.by_lesson.get(lesson.slug)]


def quiz_lesson_coverage(*, quizzes) -> dict[int, LessonCoverage]:
    """{quiz id: LessonCoverage} for saved quizzes, in two queries whatever their number."""
    quizzes = [quiz for quiz in quizzes if quiz.pk]
    if not quizzes:
        return {}
    lessons = lessons_by_module([quiz.module for quiz in quizzes if quiz.module_id])
    tags, pools = {}, {quiz.pk: {} for quiz in quizzes}
    # One row per question and tag (one with no tag for an untagged question), in the bank's order.
    for question_id, quiz_id, name in Question.objects.filter(quiz__in=quizzes).values_list(
        "id", "quiz_id", "tagged_items__tag__name"
    ):
        pools[quiz_id][question_id] = None
        if name is not None:
            tags.setdefault(question_id, set()).add(name.lower())
    result = {}
    for quiz in quizzes:
        coverage = LessonCoverage(lessons=lessons.get(quiz.module_id, []))
        coverage.by_lesson = {lesson.slug: [] for lesson in coverage.lessons}
        for question_id in pools[quiz.pk]:
            question_tags = tags.get(question_id, set())
            if quiz.draw_from_tag and quiz.draw_from_tag.lower() not in question_tags:
                continue
            coverage.pool.append(question_id)
            slug = next((slug for slug in coverage.by_lesson if slug in question_tags), None)
            (coverage.by_lesson[slug] if slug else coverage.unassigned).append(question_id)
        result[quiz.pk] = coverage
    return result


def quiz_lessons_without_questions(*, quiz) -> list:
    """The lessons of the quiz's module that no question of its pool belongs to: a draw by lesson cannot cover
    them."""
    coverage = quiz_lesson_coverage(quizzes=[quiz]).get(quiz.pk)
    return coverage.lessons_without_questions if coverage else []
