"""Drawing by lesson (random by category, as Moodle does): every attempt asks about every lesson of the module
that has questions, the rest spread evenly; drawing at random guarantees nothing of the kind (issue #16)."""

import random
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import Quiz
from assessments.quizzes.formats import bank
from assessments.quizzes.selectors import quiz_lessons_without_questions
from assessments.quizzes.services.attempts import _draw, attempt_start
from assessments.quizzes.services.imports import questions_write
from learning.organisations.factories import UserFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db
LESSONS = ("one", "two", "three")


@pytest.fixture
def module():
    module = ModulePageFactory(parent=site_structure_ensure())
    for slug in LESSONS:
        LessonPageFactory(parent=module, slug=slug, title=f"Lesson {slug}")
    return module


def _quiz(module, *, per_lesson, untagged=0, count=3, draw=Quiz.Draw.BY_LESSON, extra_tags=()):
    """A quiz whose questions are named after their lesson ("two-0"), or "none-0" when of no lesson."""
    quiz = Quiz.objects.create(
        title="Drawn quiz", module=module, pass_mark=50, questions_per_attempt=count, draw=draw
    )
    groups = {**per_lesson, "none": untagged}
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question(
                name=f"{slug}-{n}",
                qtype="single",
                text=f"Question {n} of {slug}?",
                options=[bank.Option("Right", 100), bank.Option("Wrong", 0)],
                tags=([] if slug == "none" else [slug]) + list(extra_tags if n % 2 else []),
            )
            for slug, size in groups.items()
            for n in range(size)
        ],
    )
    return quiz


def _lessons(questions):
    return Counter(question.name.split("-")[0] for question in questions)


def test_by_lesson_covers_every_lesson_in_every_attempt(module):
    quiz = _quiz(module, per_lesson={"one": 6, "two": 1, "three": 3}, count=4)
    rng = random.Random(16)
    for _ in range(200):
        drawn = _draw(quiz, rng)
        assert len({q.pk for q in drawn}) == 4
        assert set(_lessons(drawn)) == set(LESSONS)


def test_by_lesson_spreads_the_rest_evenly_and_shuffles_the_order(module):
    quiz = _quiz(module, per_lesson={"one": 5, "two": 5, "three": 5}, count=6)
    rng, orders = random.Random(3), set()
    for _ in range(50):
        drawn = _draw(quiz, rng)
        assert _lessons(drawn) == {"one": 2, "two": 2, "three": 2}
        orders.add(tuple(q.name.split("-")[0] for q in drawn))
    assert len(orders) > 1  # not lesson by lesson in the same order every time


def test_a_lesson_that_runs_out_leaves_its_share_to_the_others(module):
    quiz = _quiz(module, per_lesson={"one": 4, "two": 1, "three": 4}, count=7)
    rng = random.Random(5)
    for _ in range(50):
        counts = _lessons(_draw(quiz, rng))
        assert counts["two"] == 1 and sorted([counts["one"], counts["three"]]) == [3, 3]


def test_questions_of_no_lesson_never_take_a_lessons_place(module):
    quiz = _quiz(module, per_lesson={"one": 1, "two": 1, "three": 1}, untagged=6, count=3)
    rng = random.Random(8)
    for _ in range(50):
        assert _lessons(_draw(quiz, rng)) == {"one": 1, "two": 1, "three": 1}
    quiz.questions_per_attempt = 5
    assert _lessons(_draw(quiz, rng))["none"] == 2


def test_random_draw_can_leave_a_lesson_out(module):
    """The reason for drawing by lesson: at random, some attempts never ask about a lesson."""
    quiz = _quiz(module, per_lesson={"one": 6, "two": 1, "three": 3}, count=4, draw=Quiz.Draw.RANDOM)
    rng = random.Random(16)
    missed = [d for d in (_draw(quiz, rng) for _ in range(200)) if set(_lessons(d)) != set(LESSONS)]
    assert missed
    assert all(len(d) == 4 for d in missed)


def test_both_draws_keep_to_the_tag_to_draw_from(module):
    quiz = _quiz(module, per_lesson={"one": 4, "two": 4, "three": 4}, count=3, extra_tags=["applied"])
    quiz.draw_from_tag = "applied"
    rng = random.Random(2)
    for draw in Quiz.Draw.values:
        quiz.draw = draw
        for _ in range(20):
            drawn = _draw(quiz, rng)
            assert all(int(q.name.split("-")[1]) % 2 for q in drawn)  # the odd ones carry "applied"
    quiz.draw = Quiz.Draw.BY_LESSON
    assert set(_lessons(_draw(quiz, rng))) == set(LESSONS)


def test_a_quiz_without_a_module_draws_from_the_whole_bank():
    quiz = _quiz(None, per_lesson={}, untagged=5, count=3)
    assert quiz.draw == Quiz.Draw.BY_LESSON  # made without clean(): still draws, as at random
    assert len(_draw(quiz, random.Random(1))) == 3
    quiz.full_clean()
    assert quiz.draw == Quiz.Draw.RANDOM  # what clean() makes of it, as the help text says


def test_an_attempt_draws_by_lesson(module, learner):
    quiz = _quiz(module, per_lesson={"one": 3, "two": 3, "three": 3}, count=3)
    attempt = attempt_start(user=learner, quiz=quiz, rng=random.Random(4))
    names = [item.snapshot["name"] for item in attempt.items.order_by("position")]
    assert sorted(name.split("-")[0] for name in names) == sorted(LESSONS)


def test_too_few_questions_per_attempt_for_the_lessons_is_refused_with_a_clear_message(module):
    quiz = _quiz(module, per_lesson={"one": 2, "two": 2, "three": 2}, count=2)
    with pytest.raises(ValidationError) as refused:
        quiz.full_clean()
    assert refused.value.message_dict["questions_per_attempt"] == [
        "Drawing by lesson asks at least one question from each of the 3 lessons with questions: set at "
        "least 3 questions per attempt, or draw at random."
    ]
    quiz.questions_per_attempt = 3
    quiz.full_clean()
    quiz.questions_per_attempt, quiz.draw = 2, Quiz.Draw.RANDOM
    quiz.full_clean()


def test_new_quizzes_draw_by_lesson():
    assert Quiz().draw == Quiz.Draw.BY_LESSON


def test_lessons_without_questions_are_named(module):
    quiz = _quiz(module, per_lesson={"one": 2, "three": 2}, untagged=1)
    assert [lesson.slug for lesson in quiz_lessons_without_questions(quiz=quiz)] == ["two"]
    assert quiz_lessons_without_questions(quiz=Quiz.objects.create(title="No module")) == []


@pytest.fixture
def editor(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_the_admin_says_which_lessons_no_question_covers(
    client, editor, module, django_assert_max_num_queries
):
    quiz = _quiz(module, per_lesson={"one": 2, "three": 2})
    for n in range(3):  # more quizzes, more modules: the list's queries stay the same
        other = ModulePageFactory(parent=site_structure_ensure(), title=f"Other {n}")
        LessonPageFactory(parent=other, slug=f"other-{n}", title=f"Other lesson {n}")
        _quiz(other, per_lesson={})
    client.force_login(editor)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("assessments_quiz_tools:index")).content.decode()
    assert html.count("Lesson two (<code>two</code>)") == 1
    assert html.count("Other lesson") == 3
    analysis = client.get(reverse("assessments_quiz_tools:analysis", args=[quiz.pk])).content.decode()
    assert "no attempt asks about them" in analysis and "Lesson two (<code>two</code>)" in analysis
    assert "Lesson one (<code>one</code>)" not in analysis


def test_the_quiz_page_tells_learners_every_lesson_is_asked_about(client, module, learner):
    quiz = _quiz(module, per_lesson={"one": 1, "two": 1, "three": 1})
    client.force_login(learner)
    html = client.get(reverse("quiz_detail", args=[quiz.pk])).content.decode()
    assert "with at least one from every lesson" in html
    quiz.draw = Quiz.Draw.RANDOM
    quiz.save()
    assert "every lesson" not in client.get(reverse("quiz_detail", args=[quiz.pk])).content.decode()


def test_the_quiz_editor_refuses_too_few_questions_for_the_lessons(client, editor, module):
    quiz = _quiz(module, per_lesson={"one": 2, "two": 2, "three": 2})
    form = {
        "title": quiz.title,
        "module": module.pk,
        "intro": '{"blocks": [], "entityMap": {}}',
        "pass_mark": 50,
        "questions_per_attempt": 2,
        "draw": "by_lesson",
        "draw_from_tag": "",
        "attempts_allowed": 0,
        "grading": "highest",
        "review": "answers",
    }
    client.force_login(editor)
    url = reverse("wagtailsnippets_assessments_quiz:edit", args=[quiz.pk])
    response = client.post(url, form)
    assert response.status_code == 200
    assert "from each of the 3 lessons with questions" in response.content.decode()
    assert client.post(url, {**form, "questions_per_attempt": 3}).status_code == 302
    quiz.refresh_from_db()
    assert (quiz.questions_per_attempt, quiz.draw) == (3, "by_lesson")
