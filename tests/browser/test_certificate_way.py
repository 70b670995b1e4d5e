"""The learner's way to the certificate (#15, finding 4): the last lesson, the quiz the module page now
offers, a pass, and a result page that says the module is being recorded, then complete, then shows the
certificate; the completion and the certificate tasks are held and run one at a time, as a slow worker
would."""

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt, Quiz
from assessments.quizzes import scoring
from assessments.quizzes.services.imports import questions_write
from certificates import tasks as certificate_tasks
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure
from tests.assessments.conftest import make_bank_question
from tests.browser.conftest import MEMBER_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def learner(member):
    return member(first_name="Alex", last_name="Morgan", email="alex@example.org")


@pytest.fixture
def module(db):
    module = ModulePageFactory(parent=site_structure_ensure(), title="Safe and Together basics")
    for title in ("Partnering with the survivor", "Pivoting to the perpetrator"):
        LessonPageFactory(parent=module, title=title)
    quiz = Quiz.objects.create(
        title="Check your learning", module=module, pass_mark=80, questions_per_attempt=3
    )
    questions_write(quiz=quiz, questions=[make_bank_question(n) for n in range(3)])
    return module


@pytest.fixture
def worker(monkeypatch):
    """The completion and certificate tasks, held when queued; `run(name)` runs those of one task here."""
    held = []

    def hold(task, *args, **kwargs):
        held.append((task, args))

    monkeypatch.setattr("learning.completion.receivers.queue_after_commit", hold)
    # certificates queue their task from an on-commit callback of their own (batches): hold it there
    monkeypatch.setattr(
        certificate_tasks.certificate_issue,
        "delay",
        lambda *args: hold(certificate_tasks.certificate_issue, *args),
    )

    def run(name):
        ready = [(task, args) for task, args in held if task.name.endswith(name)]
        assert ready, f"nothing queued for {name}"
        for item in ready:
            held.remove(item)
            item[0](*item[1])

    return run


def test_last_lesson_quiz_pass_module_complete_then_certificate(
    page, learner, module, worker, sign_in, axe_check, live_server, settings, docs_screenshots
):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    sign_in(page, learner.email, MEMBER_PASSWORD)
    page.goto(module.url)
    page.get_by_role("button", name="Start this module").click()
    page.get_by_role("button", name="Complete and continue").click()
    page.get_by_role("button", name="Complete the module").click()

    panel = page.get_by_role("complementary", name="Your progress")
    expect(panel).to_contain_text("Pass the quiz to complete the module.")
    assert axe_check(page) == []
    panel.get_by_role("link", name="Take the quiz").click()
    page.get_by_role("button", name="Start the quiz").click()
    attempt = Attempt.objects.get(user=learner)
    for item in attempt.items.all():
        for key in scoring.correct_keys(item.snapshot):
            page.locator(f"#q{item.position}-{key}").check()
    page.get_by_role("button", name="Submit answers").click()

    expect(page.locator("p.lead")).to_have_text("100% — you passed. Well done.")
    status = page.get_by_role("region", name="Your module and certificate").get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("Recording your completion of the module")
    assert axe_check(page) == []
    # The page polls the status; while the test runs a task here, the browser's polls wait for it (a handler
    # run by Playwright between the test's calls), so the live server never shares the database mid-task.
    page.route("**/certificates/status/**", lambda route: route.continue_())

    worker("completion_evaluate")
    expect(status).to_contain_text("Module complete: you have completed Safe and Together basics.")
    expect(status).to_contain_text("Your certificate is being prepared.")

    worker("certificate_issue")
    expect(status.get_by_role("link", name="See your certificate")).to_be_visible(timeout=20000)
    expect(status.get_by_role("link", name="Download the PDF certificate")).to_be_visible()
    expect(page.get_by_role("link", name="My certificates").last).to_be_visible()
    assert page.get_by_role("link", name="Back to the quiz").count() == 0
    assert axe_check(page) == []
    page.screenshot(path=str(docs_screenshots / "learner-completion.png"))  # the top: result and certificate

    page.reload()  # rendered by the server too: no script needed once it is ready
    status.get_by_role("link", name="See your certificate").click()
    expect(page.get_by_role("heading", level=1, name="Certificate of completion")).to_be_visible()
