import pytest

from assessments.models import Quiz
from assessments.quizzes.formats import bank
from assessments.quizzes.services.imports import questions_write
from learning.organisations.factories import UserFactory


def make_bank_question(n, qtype="single"):
    if qtype == "truefalse":
        options = bank.truefalse_options(True)
    elif qtype == "multi":
        options = [
            bank.Option("Right A", 50),
            bank.Option("Right B", 50),
            bank.Option("Wrong", -100, "Not this one."),
        ]
    else:
        options = [
            bank.Option("Right", 100, "Yes."),
            bank.Option("Wrong", 0, "No."),
            bank.Option("Also wrong", 0),
        ]
    return bank.Question(
        name=f"q{n:03d}",
        qtype=qtype,
        text=f"Question {n}?",
        options=options,
        explanation="Because.",
        tags=["lesson-1" if n % 2 else "lesson-2"],
    )


@pytest.fixture
def quiz(db):
    return Quiz.objects.create(title="Test quiz", pass_mark=60, questions_per_attempt=4)


@pytest.fixture
def fill_bank():
    def fill(quiz, count=8, qtypes=("single", "multi", "truefalse")):
        questions_write(
            quiz=quiz, questions=[make_bank_question(i, qtypes[i % len(qtypes)]) for i in range(count)]
        )

    return fill


@pytest.fixture
def learner(db):
    return UserFactory()
