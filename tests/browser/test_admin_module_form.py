"""The admin forms we define, as an editor with a screen reader meets them (issue #15, finding 10): every
field has a name (the gaps Wagtail leaves, an unnamed rich-text box, tag input and StreamField block, are
filled by learning/core/admin_a11y.py), axe finds nothing serious, and the banner after saving is readable."""

import json

import pytest
from playwright.sync_api import expect

from assessments.models import Quiz
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from modules.factories import LessonPageFactory
from modules.models import FrameworkLevel, LessonPage, ModulePage, Topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# One block of each type a lesson can hold, as the editor finds them: a heading, rich text, a callout, a case
# study with a question, a quote, an image and a video not yet chosen, a pause to reflect, an accordion, a
# resource not yet chosen.
EVERY_BLOCK = [
    ("heading", "Who counts as family"),
    ("rich_text", "<p>Family is who the person says it is.</p>"),
    ("callout", {"title": "Key point", "text": "<p>Ask who matters to them.</p>"}),
    (
        "case_study",
        {"title": "Jo", "text": "<p>Jo cares for her nephew.</p>", "questions": ["Who is family?"]},
    ),
    ("quote", {"text": "They asked about my children.", "attribution": "A parent"}),
    ("image", {"image": None, "alt_text": "", "caption": ""}),
    ("video", {"video": "", "title": "Asking about family", "transcript": "<p>A worker asks.</p>"}),
    ("reflect", "Who would you have missed?"),
    ("accordion", [{"title": "Partners", "text": "<p>Partners too.</p>"}]),
    ("resource", {"document": None, "description": ""}),
]


@pytest.fixture
def editor(page, sign_in):
    demo_data_install()
    sign_in(page, "editor@example.org", DEMO_PASSWORD)
    return page


def _banner_is_readable(page):
    """axe's contrast rule passes on every part of the banner it can see, and can decide all of them."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=".messages", options={"runOnly": ["color-contrast"]}).response
    assert results["violations"] == [] and results["incomplete"] == []
    assert [r["id"] for r in results["passes"]] == ["color-contrast"]


def test_the_module_form_names_every_field_we_define(editor, axe_check):
    module = ModulePage.objects.get(slug="girfec")
    editor.goto(f"/admin/pages/{module.pk}/edit/")

    outcomes = editor.get_by_role("textbox", name="Learning outcome", exact=True)
    expect(outcomes).to_have_count(len(module.learning_outcomes))
    expect(editor.get_by_role("textbox", name="Content note", exact=True)).to_be_visible()  # Draftail
    expect(editor.get_by_role("textbox", name="Tags", exact=True)).to_be_attached()  # tag-it's input
    assert axe_check(editor) == []

    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages .success")).to_contain_text(module.title)
    assert axe_check(editor) == []
    _banner_is_readable(editor)


def test_the_lesson_form_names_every_block_even_one_just_added(editor, axe_check):
    module = ModulePage.objects.get(slug="girfec")
    body = json.dumps([{"type": kind, "value": value} for kind, value in EVERY_BLOCK])
    lesson = LessonPageFactory(parent=module, title="Every block", body=body)
    assert [block.block_type for block in LessonPage.objects.get(pk=lesson.pk).body] == [
        kind for kind, _ in EVERY_BLOCK
    ]
    editor.goto(f"/admin/pages/{lesson.pk}/edit/")
    expect(editor.get_by_role("textbox", name="Heading", exact=True)).to_have_count(1)
    expect(editor.get_by_role("textbox", name="Rich text", exact=True)).to_have_count(1)
    assert axe_check(editor) == []

    editor.get_by_role("button", name="Insert a block").last.click()
    editor.get_by_role("option", name="Heading").click()
    expect(editor.get_by_role("textbox", name="Heading", exact=True)).to_have_count(2)
    assert axe_check(editor) == []


def test_the_quiz_question_and_snippet_forms_name_every_field(editor, axe_check):
    quiz = Quiz.objects.filter(module__slug="girfec").get()
    for path in (
        f"/admin/snippets/assessments/quiz/edit/{quiz.pk}/",
        "/admin/snippets/assessments/question/add/",
        f"/admin/snippets/modules/topic/edit/{Topic.objects.first().pk}/",
        f"/admin/snippets/modules/frameworklevel/edit/{FrameworkLevel.objects.first().pk}/",
        f"/admin/quiz-tools/{quiz.pk}/import/",
        f"/admin/quiz-tools/{quiz.pk}/analysis/",
    ):
        assert editor.goto(path).status == 200, path
        assert axe_check(editor) == [], path
