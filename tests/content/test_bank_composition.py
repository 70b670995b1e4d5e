"""The seed quiz banks are worth a certificate (issue #16): they draw by lesson, at least half their questions
apply knowledge to a case, every lesson has questions of its own, and every attempt asks about every lesson.

Read from modules/seed_content/*.json as the loaders read them; the draw test seeds them and draws as an
attempt does."""

import json
import random
from collections import Counter

import pytest

from assessments.models import Quiz
from assessments.quizzes.seed import seed_quizzes_install
from assessments.quizzes.services.attempts import _draw
from modules.seed import SEED_DIR, seed_modules_install

DOCUMENTS = {
    path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(SEED_DIR.glob("*.json"))
}
APPLIED = "applied"


def _lesson_slugs(document):
    return [lesson["slug"] for lesson in document["lessons"]]


def _lesson_of(question, slugs):
    return [tag for tag in question.get("tags", []) if tag in slugs]


@pytest.fixture(params=sorted(DOCUMENTS), ids=str)
def document(request):
    return DOCUMENTS[request.param]


def test_each_seed_quiz_draws_by_lesson_with_room_for_every_lesson(document):
    quiz = document["quiz"]
    assert quiz.get("draw") == "by_lesson"
    assert quiz["questions_per_attempt"] >= len(document["lessons"])


def test_at_least_half_of_each_bank_applies_knowledge_to_a_case(document):
    questions = document["quiz"]["questions"]
    applied = [q["name"] for q in questions if APPLIED in q.get("tags", [])]
    assert 2 * len(applied) >= len(questions), f"{len(applied)} of {len(questions)} applied"


def test_each_question_tests_exactly_one_lesson_of_its_module(document):
    slugs = _lesson_slugs(document)
    wrong = {
        q["name"]: q.get("tags", []) for q in document["quiz"]["questions"] if len(_lesson_of(q, slugs)) != 1
    }
    assert wrong == {}


def test_every_lesson_has_two_questions_and_one_applied(document):
    slugs = _lesson_slugs(document)
    questions, applied = Counter(), Counter()
    for question in document["quiz"]["questions"]:
        for slug in _lesson_of(question, slugs):
            questions[slug] += 1
            applied[slug] += APPLIED in question["tags"]
    short = {
        slug: (questions[slug], applied[slug]) for slug in slugs if questions[slug] < 2 or not applied[slug]
    }
    assert short == {}, "lesson: (questions, applied)"


@pytest.mark.django_db
def test_every_seeded_attempt_asks_about_every_lesson():
    seed_modules_install()
    seed_quizzes_install()
    rng = random.Random(16)
    for document in DOCUMENTS.values():
        quiz = Quiz.objects.get(module__slug=document["slug"])
        assert quiz.draw == Quiz.Draw.BY_LESSON
        slugs = _lesson_slugs(document)
        lesson_of = {q["name"]: _lesson_of(q, slugs) for q in document["quiz"]["questions"]}
        for _ in range(200):
            drawn = _draw(quiz, rng)
            assert len(drawn) == quiz.questions_per_attempt
            covered = {slug for question in drawn for slug in lesson_of[question.name]}
            assert covered == set(slugs), (quiz.title, sorted(set(slugs) - covered))
