"""Module and lesson pages hold content only; the learner's panels on them come from template tags owned by
progress (progress_panels) and assessments (quiz_panels), for a visitor and for a signed-in learner alike."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from assessments.models import Quiz
from learning.progress import services
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_with_quiz(make_module):
    module = make_module(lessons=3, title="Working with families")
    Quiz.objects.create(title="Families quiz", module=module, pass_mark=80, questions_per_attempt=5)
    return module, list(LessonPage.objects.child_of(module).live().order_by("path"))


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_page_context_holds_content_only(module_with_quiz, learner):
    module, lessons = module_with_quiz
    services.lesson_complete(user=learner, lesson=lessons[0])
    for page in (module, lessons[1]):
        with CaptureQueriesContext(connection) as queries:
            context = page.get_context(_request(learner))
        # No enrolment, progress or quiz in the page's own context, and no learner record read to build it.
        assert set(context) == {"page", "self", "request"} and len(queries) == 0


def test_a_visitor_not_signed_in_sees_the_lessons_the_quiz_and_how_to_start(module_with_quiz):
    module, lessons = module_with_quiz
    # Served directly: the learning index's sign-in restriction is Wagtail's, not the page's.
    html = module.serve(_request(AnonymousUser())).render().content.decode()
    assert f'<a href="/accounts/login/?next={module.url}">Sign in to start this module</a>' in html
    assert all(lesson.title in html for lesson in lessons) and "completed</strong>" not in html
    assert "Families quiz</a> · 5 questions, pass mark 80%" in html
    assert "lessons done" not in html and "Start this module" not in html


@pytest.mark.parametrize("lesson_count", [3, 12])
def test_a_learner_sees_their_progress_on_module_and_lesson_pages_in_flat_queries(
    client, learner, make_module, lesson_count, django_assert_max_num_queries
):
    module = make_module(lessons=lesson_count)
    Quiz.objects.create(title="Module quiz", module=module, pass_mark=80, questions_per_attempt=5)
    lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
    services.lesson_complete(user=learner, lesson=lessons[0])
    client.force_login(learner)

    with django_assert_max_num_queries(25):
        html = client.get(module.url).content.decode()
    assert f"1 of {lesson_count} lessons done" in html and html.count("completed</strong>") == 1
    assert f'<a class="button" href="{lessons[1].url}">Resume</a>' in html
    assert "Module quiz</a> · 5 questions, pass mark 80%" in html

    with django_assert_max_num_queries(19):
        html = client.get(lessons[1].url).content.decode()
    assert f"Lesson 2 of {lesson_count}" in html and "Complete and continue" in html
    assert f'<a href="{lessons[0].url}">Previous lesson</a>' in html
    assert f'<a href="{module.url}">{module.title}</a>' in html  # the breadcrumb


def test_finished_lessons_point_to_the_quiz_read_by_the_assessments_tag(client, learner, module_with_quiz):
    module, lessons = module_with_quiz
    for lesson in lessons:
        services.lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    html = client.get(module.url).content.decode()
    assert "You have finished the lessons. Pass the quiz to complete the module." in html
    html = client.get(lessons[-1].url).content.decode()
    assert "You have completed this lesson." in html and "Next lesson" not in html
