"""Wagtail's admin works under its Content-Security-Policy: an editor opens the pages they use most, including
the page editor with its rich-text fields, and the browser reports nothing blocked (the `page` fixture fails
on that)."""

import pytest

from assessments.models import Quiz
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from modules.models import LessonPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_editor_uses_the_admin_under_its_policy(page, sign_in):
    demo_data_install()
    lesson, quiz = LessonPage.objects.live().first(), Quiz.objects.first()
    sign_in(page, "editor@example.org", DEMO_PASSWORD)
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{lesson.get_parent().pk}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/assessments/quiz/",
        "/admin/quiz-tools/",
        f"/admin/quiz-tools/{quiz.pk}/analysis/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()  # the preview is framed by the admin page
    preview = page.frame_locator("iframe[title]").first
    assert preview.get_by_role("heading", level=1).inner_text() == lesson.title
    page.get_by_role("textbox").first.fill("An edited title")
    page.wait_for_load_state("networkidle")
