"""Scoring: partial credit, negative marks, bounds, and independence from option order."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from assessments.quizzes.scoring import attempt_score, question_mark

MULTI = {
    "qtype": "multi",
    "options": [
        {"key": "a", "fraction": "50"},
        {"key": "b", "fraction": "50"},
        {"key": "c", "fraction": "-100"},
    ],
}
SINGLE = {
    "qtype": "single",
    "options": [
        {"key": "a", "fraction": "100"},
        {"key": "b", "fraction": "33.33333"},
        {"key": "c", "fraction": "0"},
    ],
}


def test_partial_credit_and_negative_marks():
    assert question_mark(MULTI, ["a"]) == Decimal("0.5")
    assert question_mark(MULTI, ["a", "b"]) == Decimal(1)
    assert question_mark(MULTI, ["a", "c"]) == 0  # 50 - 100 is clipped at zero for the question
    assert question_mark(MULTI, ["a", "b", "c"]) == 0
    assert question_mark(SINGLE, ["b"]) == Decimal("0.3333333")


def test_single_choice_refuses_forged_multiple_answers():
    assert question_mark(SINGLE, ["a", "c"]) == 0


def test_attempt_score_is_mean_percentage():
    assert attempt_score([Decimal(1), Decimal("0.5"), Decimal(0)]) == Decimal("50.00")
    assert attempt_score([]) == 0


fractions = st.decimals(min_value=-100, max_value=100, places=2)


@st.composite
def question_and_answer(draw):
    count = draw(st.integers(min_value=2, max_value=6))
    options = [{"key": f"o{i}", "fraction": str(draw(fractions))} for i in range(count)]
    qtype = draw(st.sampled_from(["single", "multi", "truefalse"]))
    chosen = draw(st.lists(st.sampled_from([o["key"] for o in options]), unique=True))
    return {"qtype": qtype, "options": options}, chosen


@given(st.lists(question_and_answer(), min_size=1, max_size=10), st.randoms())
def test_score_is_within_bounds_and_ignores_option_order(items, rnd):
    marks = [question_mark(snapshot, chosen) for snapshot, chosen in items]
    score = attempt_score(marks)
    assert 0 <= score <= 100
    shuffled = []
    for snapshot, chosen in items:
        options = list(snapshot["options"])
        rnd.shuffle(options)
        shuffled.append(question_mark({**snapshot, "options": options}, list(reversed(chosen))))
    assert attempt_score(shuffled) == score
