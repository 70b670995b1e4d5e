"""Issue #17: the queries of every signed-in page, pinned at what they cost once the caches are warm (the
second visit: sessions, the person's roles and counts, site root paths, a lesson's module and body all come
from the cache). A change that adds a query to any of these pages fails here.

Before the caching work (same pages, same data): lesson 19, My learning 12, catalogue 14, module page 24,
supervision 12, coverage home 7 (and one more on each page for a learner with two-factor switched on)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from assessments.models import Quiz
from learning.organisations.factories import MembershipFactory
from learning.progress import services
from modules.models import LessonPage

pytestmark = pytest.mark.django_db

LESSON_PAGE = 4  # user, the lesson, its view restrictions, progress (7 before the site was kept)
MY_LEARNING = 6  # 7 before requirements read their facts and the lessons came from the cache
CATALOGUE = 3  # 9 before the catalogue's modules, lessons and empty filter form came from the cache
MODULE_PAGE = 12
SUPERVISION = 7
COVERAGE_HOME = 2


@pytest.fixture
def course(make_module):
    module = make_module(lessons=4)
    Quiz.objects.create(title="Module quiz", module=module, pass_mark=80, questions_per_attempt=5)
    return module, list(LessonPage.objects.child_of(module).live().order_by("path"))


@pytest.fixture
def people(db):
    lead = MembershipFactory(is_lead=True, is_supervisor=True)
    MembershipFactory(user=lead.user, is_lead=True)  # leads two organisations: the coverage overview
    learner = MembershipFactory(organisation=lead.organisation, supervisor=lead)
    return lead.user, learner.user


def _second_visit(client, url, assert_max, ceiling):
    cache.clear()  # as some seconds after the set-up: the markers its saves left (person_cache) are gone
    client.get(url)
    with assert_max(ceiling):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("mfa", [False, True])
def test_the_lesson_page(client, settings, course, people, mfa, django_assert_max_num_queries):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = mfa  # a learner is not asked, and the check reads nothing
    module, lessons = course
    learner = people[1]
    services.lesson_complete(user=learner, lesson=lessons[0])
    client.force_login(learner)
    html = _second_visit(client, lessons[1].url, django_assert_max_num_queries, LESSON_PAGE)
    assert "Lesson 2 of 4" in html and f'<a href="{module.url}">{module.title}</a>' in html
    assert f'<a href="{lessons[0].url}">Previous lesson</a>' in html and "Complete and continue" in html


def test_the_lesson_page_for_a_lead(client, course, people, django_assert_max_num_queries):
    client.force_login(people[0])
    html = _second_visit(client, course[1][0].url, django_assert_max_num_queries, LESSON_PAGE)
    assert "Lesson 1 of 4" in html and 'href="/supervision/"' in html


def test_my_learning(client, course, people, django_assert_max_num_queries):
    learner = people[1]
    services.lesson_complete(user=learner, lesson=course[1][0])
    client.force_login(learner)
    html = _second_visit(client, reverse("my_learning"), django_assert_max_num_queries, MY_LEARNING)
    assert html.count('role="progressbar"') == 1


def test_the_catalogue(client, make_module, people, django_assert_max_num_queries):
    for _ in range(6):
        make_module(lessons=2)
    client.force_login(people[1])
    html = _second_visit(client, reverse("catalogue"), django_assert_max_num_queries, CATALOGUE)
    assert "6 modules" in html


def test_the_module_page(client, course, people, django_assert_max_num_queries):
    module, lessons = course
    services.lesson_complete(user=people[1], lesson=lessons[0])
    client.force_login(people[1])
    html = _second_visit(client, module.url, django_assert_max_num_queries, MODULE_PAGE)
    assert "1 of 4 lessons done" in html and "Module quiz</a>" in html


def test_the_supervision_queue(client, people, django_assert_max_num_queries):
    client.force_login(people[0])
    _second_visit(client, reverse("supervision"), django_assert_max_num_queries, SUPERVISION)


def test_the_coverage_home(client, people, django_assert_max_num_queries):
    client.force_login(people[0])
    html = _second_visit(client, reverse("coverage_home"), django_assert_max_num_queries, COVERAGE_HOME)
    assert html.count('href="/coverage/') >= 2
