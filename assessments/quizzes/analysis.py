"""Item analysis: per question, how many answered it, facility (mean mark, %) and discrimination (how well
the question separates stronger from weaker attempts: the correlation between its mark and the rest of the
attempt's score); per quiz, pass rate and the distribution of scores. Two queries whatever the data size."""

from dataclasses import dataclass
from decimal import Decimal
from statistics import StatisticsError, correlation, fmean

from assessments.models import Attempt, AttemptQuestion

BUCKETS = [(0, 10), (10, 20), (20, 30), (30, 40), (40, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, 101)]


@dataclass
class ItemStats:
    name: str
    attempts: int
    facility: float | None
    discrimination: float | None


@dataclass
class QuizStats:
    attempts: int
    passed: int
    distribution: list  # [(label, count)]
    items: list

    @property
    def pass_rate(self):
        return round(100 * self.passed / self.attempts, 1) if self.attempts else None

    @property
    def max_bucket(self):
        return max((count for _, count in self.distribution), default=0) or 1


def _discrimination(marks, rest_scores):
    try:
        return round(correlation(marks, rest_scores), 2)
    except StatisticsError:  # fewer than two attempts, or no variation: undefined
        return None


def quiz_item_analysis(*, quiz, users=None) -> QuizStats:
    """Statistics over graded attempts; `users` (a queryset of user ids) limits them, e.g. to one
    organisation."""
    attempts = Attempt.objects.filter(quiz=quiz, status=Attempt.Status.GRADED)
    if users is not None:
        attempts = attempts.filter(user__in=users)
    graded = list(attempts.values_list("pk", "score", "passed"))
    scores = {pk: score for pk, score, _ in graded}
    rows = AttemptQuestion.objects.filter(attempt_id__in=list(scores)).values_list(
        "attempt_id", "question_id", "snapshot__name", "mark"
    )
    per_attempt_count = {}
    by_question = {}
    for attempt_id, question_id, name, mark in rows:
        per_attempt_count[attempt_id] = per_attempt_count.get(attempt_id, 0) + 1
        by_question.setdefault((question_id, name), []).append((attempt_id, float(mark or 0)))
    items = []
    for (_, name), answers in sorted(by_question.items(), key=lambda kv: kv[0][1]):
        marks = [m for _, m in answers]
        # The attempt's total marks without this question, so a question does not correlate with itself.
        rest = [float(scores[a]) / 100 * per_attempt_count[a] - m for a, m in answers]
        items.append(ItemStats(name, len(marks), round(100 * fmean(marks), 1), _discrimination(marks, rest)))
    values = [Decimal(s) for s in scores.values()]
    distribution = [
        (f"{low}–{min(high, 100)}%", sum(1 for s in values if low <= s < high)) for low, high in BUCKETS
    ]
    return QuizStats(
        attempts=len(scores), passed=sum(1 for *_, ok in graded if ok), distribution=distribution, items=items
    )


def item_analysis_csv_rows(stats: QuizStats):
    yield ["question", "attempts", "facility_percent", "discrimination"]
    for item in stats.items:
        yield [
            item.name,
            item.attempts,
            item.facility,
            "" if item.discrimination is None else item.discrimination,
        ]
    yield []
    yield ["attempts", stats.attempts, "pass_rate_percent", stats.pass_rate]
    for label, count in stats.distribution:
        yield ["score " + label, count]
