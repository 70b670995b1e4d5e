"""The seed quizzes take the draw of their JSON: new ones when made, and ones seeded before the draw by lesson
while an editor has not changed their settings; an editor's settings are never overwritten."""

import json

import pytest

from assessments.models import Question, Quiz
from assessments.quizzes.seed import seed_quizzes_install
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


def _question(name):
    return {
        "name": name,
        "type": "single",
        "text": f"Question {name}?",
        "tags": ["lesson-a"],
        "options": [{"text": "Right", "fraction": 100}, {"text": "Wrong", "fraction": 0}],
    }


@pytest.fixture
def module():
    return ModulePageFactory(parent=site_structure_ensure(), slug="seeded")


@pytest.fixture
def seed_dir(tmp_path, module):
    spec = {
        "title": "Seeded quiz",
        "pass_mark": 80,
        "questions_per_attempt": 10,
        "draw": "by_lesson",
        "questions": [_question("a"), _question("b")],
    }
    (tmp_path / "seeded.json").write_text(json.dumps({"slug": "seeded", "quiz": spec}), encoding="utf-8")
    return tmp_path


def _settings(quiz):
    quiz.refresh_from_db()
    return quiz.draw, quiz.questions_per_attempt


def test_a_new_seed_quiz_takes_the_draw_of_its_json(seed_dir, module):
    assert seed_quizzes_install(seed_dir=seed_dir) == 2
    assert _settings(Quiz.objects.get(module=module)) == ("by_lesson", 10)


def test_a_quiz_seeded_before_takes_the_new_draw_once_and_keeps_its_questions(seed_dir, module):
    quiz = Quiz.objects.create(
        title="Seeded quiz", module=module, pass_mark=80, questions_per_attempt=5, draw="random"
    )
    assert seed_quizzes_install(seed_dir=seed_dir) == 2
    assert _settings(quiz) == ("by_lesson", 10)
    assert seed_quizzes_install(seed_dir=seed_dir) == 0
    assert _settings(quiz) == ("by_lesson", 10)
    assert Question.objects.filter(quiz=quiz).count() == 2


@pytest.mark.parametrize("draw,count", [("random", 7), ("by_lesson", 5)])
def test_settings_an_editor_changed_are_left_alone(seed_dir, module, draw, count):
    quiz = Quiz.objects.create(
        title="Seeded quiz", module=module, pass_mark=80, questions_per_attempt=count, draw=draw
    )
    seed_quizzes_install(seed_dir=seed_dir)
    assert _settings(quiz) == (draw, count)
