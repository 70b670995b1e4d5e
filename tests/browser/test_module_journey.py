"""The demo learner finds Trauma-informed care in the catalogue, completes two lessons, signs out and back in,
and resumes at lesson three; catalogue, module and lesson pages have no serious or critical axe violations."""

import re

import pytest
from playwright.sync_api import expect

from learning.demo.install import DEMO_PASSWORD, demo_data_install
from modules.models import LessonPage, ModulePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _progress(page):
    return int(page.get_by_role("progressbar").first.get_attribute("aria-valuenow"))


def test_learner_completes_two_lessons_and_resumes_at_the_third(page, sign_in, axe_check, screenshot):
    demo_data_install()
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Catalogue").click()
    page.get_by_label("Search modules").fill("trauma")
    page.get_by_role("button", name="Search").click()
    assert axe_check(page) == []
    screenshot(page, "catalogue")
    page.get_by_role("link", name=re.compile("^Trauma-informed care")).first.click()
    assert axe_check(page) == []
    page.get_by_role("button", name="Start this module").click()
    lessons = LessonPage.objects.child_of(ModulePage.objects.get(slug="trauma-informed-care")).live().count()

    expect(page.get_by_text(f"Lesson 1 of {lessons}")).to_be_visible()
    assert _progress(page) == 0
    assert axe_check(page) == []
    screenshot(page, "lesson")
    page.get_by_role("button", name="Complete and continue").click()
    expect(page.get_by_text(f"Lesson 2 of {lessons}")).to_be_visible()
    assert _progress(page) == round(100 / lessons)
    page.get_by_role("button", name="Complete and continue").click()
    expect(page.get_by_text(f"Lesson 3 of {lessons}")).to_be_visible()
    assert _progress(page) == round(200 / lessons)
    third_lesson_url = page.url

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    card = page.get_by_role("listitem").filter(has_text="Trauma-informed care")
    assert card.get_by_role("progressbar").get_attribute("aria-valuenow") == str(round(200 / lessons))
    card.get_by_role("link", name=re.compile("^Resume")).click()
    assert page.url == third_lesson_url
    expect(page.get_by_text(f"Lesson 3 of {lessons}")).to_be_visible()


def test_lesson_is_usable_with_the_keyboard_alone(page, sign_in):
    demo_data_install()
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    page.goto("/learning/girfec/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    # Tab through the page until the start button has focus, then press it.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Start this module":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("^Lesson 1 of"))).to_be_visible()
