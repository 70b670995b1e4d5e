"""The demo learner takes the GIRFEC seed quiz: fails, reads the feedback, retries and passes; axe clean."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt
from learning.demo.install import DEMO_PASSWORD, demo_data_install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
FIRST_QUESTION = re.compile(r"^Question 1 of \d+$")


def _answer(page, attempt, correct):
    for item in attempt.items.all():
        options = item.snapshot["options"]
        wanted = [o["key"] for o in options if (Decimal(o["fraction"]) > 0) == correct]
        for key in wanted if correct else wanted[:1]:
            page.locator(f"#q{item.position}-{key}").check()


def test_fail_feedback_retry_pass(page, sign_in, axe_check, screenshot):
    demo_data_install()
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    page.goto("/learning/girfec/")
    page.get_by_role("link", name="GIRFEC: check your learning").click()
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_text(FIRST_QUESTION)).to_be_visible()
    assert axe_check(page) == []
    attempt = Attempt.objects.get(user__email="learner@example.org", number=1)
    _answer(page, attempt, correct=False)
    expect(page.get_by_text("Answers saved.")).to_be_visible()  # autosave reached the server
    screenshot(page, "quiz-attempt")
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("not yet a pass")).to_be_visible()
    expect(page.get_by_role("heading", name="Feedback on each question")).to_be_visible()
    assert axe_check(page) == []

    page.get_by_role("link", name="Try again").click()
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_text(FIRST_QUESTION)).to_be_visible()
    attempt = Attempt.objects.get(user__email="learner@example.org", number=2)
    _answer(page, attempt, correct=True)
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("you passed")).to_be_visible()
    screenshot(page, "quiz-review")
    assert Attempt.objects.get(pk=attempt.pk).score == 100
