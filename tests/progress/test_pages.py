"""My learning, the catalogue, module and lesson pages: content, messages and flat query counts."""

import pytest
from django.urls import reverse

from learning.progress import services
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


def _enrol_all(learner, modules):
    for module in modules:
        lesson = LessonPage.objects.child_of(module).live().first()
        services.lesson_complete(user=learner, lesson=lesson)


@pytest.mark.parametrize("count", [5, 50])
def test_dashboard_query_count_does_not_grow(
    client, learner, make_module, count, django_assert_max_num_queries
):
    modules = [make_module(lessons=3) for _ in range(count)]
    _enrol_all(learner, modules)
    client.force_login(learner)
    with django_assert_max_num_queries(13):  # 12, and the follow-ups on practice panel (assessments)
        response = client.get(reverse("my_learning"))
    assert response.content.decode().count('role="progressbar"') == count


@pytest.mark.parametrize("count", [5, 50])
def test_catalogue_query_count_does_not_grow(
    client, learner, make_module, count, django_assert_max_num_queries
):
    modules = [make_module(lessons=2) for _ in range(count)]
    _enrol_all(learner, modules[:3])
    client.force_login(learner)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("catalogue"))
    assert f"{count} modules" in response.content.decode()


def test_catalogue_search_and_filters(client, learner, seeded_site):
    from modules.models import FrameworkLevel, Topic

    client.force_login(learner)
    html = client.get(reverse("catalogue"), {"q": "SHANARRI"}).content.decode()
    assert "GIRFEC" in html and "1 module" in html
    topic = Topic.objects.get(name="Safe and Together")
    html = client.get(reverse("catalogue"), {"topic": topic.pk}).content.decode()
    assert "1 module" in html and "Safe and Together" in html
    level = FrameworkLevel.objects.get(slug="specialist")
    assert "No modules match" in client.get(reverse("catalogue"), {"level": level.pk}).content.decode()
    assert "0 modules" in client.get(reverse("catalogue"), {"q": "zzzzqqq"}).content.decode()


def test_lessons_need_sign_in(client, seeded_site):
    lesson = LessonPage.objects.live().first()
    response = client.get(lesson.url)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_complete_and_continue_goes_to_next_lesson(client, learner, make_module):
    module = make_module(lessons=3)
    lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
    client.force_login(learner)
    page = client.get(lessons[0].url)
    assert "Complete and continue" in page.content.decode() and "Lesson 1 of 3" in page.content.decode()
    response = client.post(reverse("lesson_complete", args=[lessons[0].pk]))
    assert response.url == lessons[1].url
    module_page = client.get(module.url).content.decode()
    assert "1 of 3 lessons done" in module_page and 'aria-valuenow="33"' in module_page


def test_prerequisite_message_on_enrol(client, learner, make_module):
    basics = make_module(lessons=1, title="The basics")
    advanced = make_module(lessons=1)
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    client.force_login(learner)
    response = client.post(reverse("module_enrol", args=[advanced.pk]), follow=True)
    assert "Complete The basics before you start this module." in response.content.decode()
