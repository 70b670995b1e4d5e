"""Each demo role's journey end to end (issue #15, item 7), with axe run on every page the browser shows: no
serious or critical violation, and nothing of critical impact that axe could not decide. The other browser
tests walk these steps in detail and check what they do; this file walks them to check every page on the way,
including the admin forms we define, and fails on any page shown and not checked."""

import re
from datetime import date
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import expect

from assessments.models import Attempt, Question
from assessments.quizzes import scoring
from learning.demo.install import DEMO_PASSWORD, demo_data_install
from modules.models import LessonPage, ModulePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Walk:
    """The pages of one journey. `arrive()` after each step checks the page now shown; `done()` fails if the
    browser showed a page that was never checked (a step that moved on without `arrive()`)."""

    def __init__(self, page, axe_check, sign_in):
        self.page, self.axe_check, self.sign_in = page, axe_check, sign_in
        self.shown, self.checked = [], set()
        page.on("framenavigated", lambda frame: frame == page.main_frame and self.shown.append(frame.url))

    def arrive(self, heading=None):
        if heading:
            expect(self.page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        self.page.wait_for_load_state()
        assert self.axe_check(self.page) == [], self.page.url
        self.checked.add(urldefrag(self.page.url).url)

    def start(self, email):
        self.sign_in(self.page, email, DEMO_PASSWORD, on_the_form=self.arrive)
        self.arrive()

    def nav(self, name):
        self.page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()

    def done(self):
        shown = {urldefrag(url).url for url in self.shown if url.startswith("http")}
        assert sorted(shown - self.checked) == [], "pages shown and not checked"


@pytest.fixture
def walk(page, axe_check, sign_in):
    demo_data_install()
    return Walk(page, axe_check, sign_in)


def test_the_learner_walks_from_my_learning_to_a_certificate(walk, page, demo_reflection):
    module = ModulePage.objects.get(slug="safe-and-together")
    walk.start("learner@example.org")
    walk.nav("My learning")
    walk.arrive("My learning")
    walk.nav("Catalogue")
    walk.arrive()
    page.get_by_role("link", name=module.title).first.click()
    walk.arrive(module.title)
    page.get_by_role("button", name="Start this module").click()
    for lesson in LessonPage.objects.child_of(module).live():
        walk.arrive(lesson.title)
        page.get_by_role("button", name=re.compile("^Complete (and continue|the module)$")).click()
    walk.arrive(module.title)
    if module.require_signed_reflection:  # the rest of the completion rule, walked in test_reflection_journey
        demo_reflection(module=module, title="Partnering with a mother", signed_off=True)

    page.get_by_role("complementary", name="Your progress").get_by_role("link", name="Take the quiz").click()
    walk.arrive()
    page.get_by_role("button", name="Start the quiz").click()
    walk.arrive()
    attempt = Attempt.objects.get(user__email="learner@example.org", quiz__module=module)
    for item in attempt.items.all():
        for key in scoring.correct_keys(item.snapshot):
            page.locator(f"#q{item.position}-{key}").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("you passed")).to_be_visible()
    walk.arrive()
    page.get_by_role("link", name="See your certificate").click()
    walk.arrive("Certificate of completion")

    walk.nav("Reflections")
    walk.arrive("Reflections")
    walk.nav("Account")
    walk.arrive("Your account")
    walk.done()


def test_the_supervisor_reviews_a_reflection_and_records_a_session(walk, page, demo_reflection):
    demo_reflection(title="A hard conversation")
    walk.start("supervisor@example.org")
    page.get_by_role("link", name="Open the review queue").click()
    walk.arrive()
    page.get_by_role("link", name="A hard conversation").click()
    walk.arrive("A hard conversation")

    walk.nav("Supervision")
    walk.arrive("Supervision")
    page.get_by_role("link", name="Record a session").click()
    walk.arrive("Record a supervision session")
    page.get_by_label("Date of the session").fill("2026-03-02")
    page.get_by_label("Alex Morgan (NHS Riverside)").check()
    page.get_by_label("Summary of the discussion").fill("We talked about sharing a concern with a family.")
    page.get_by_role("button", name="Save the session").click()
    walk.arrive("Supervision session, 2 March 2026")
    walk.done()


def test_the_lead_reads_coverage_assigns_training_and_invites(walk, page):
    walk.start("lead@example.org")
    walk.nav("Coverage: NHS Riverside")
    walk.arrive("Training coverage at NHS Riverside")
    expect(page.get_by_role("link", name="Download XLSX")).to_have_attribute(
        "href", re.compile(r"/export\.xlsx")
    )
    page.get_by_role("link", name="Not started").first.click()
    walk.arrive("Not started")

    page.go_back()
    walk.arrive("Training coverage at NHS Riverside")
    page.get_by_role("link", name="Assign training").click()
    walk.arrive("Required training at NHS Riverside")
    page.get_by_role("combobox", name="Module").select_option(
        label="GIRFEC: Getting it right for every child"
    )
    page.get_by_role("radio", name="A team").check()
    page.get_by_role("combobox", name="Team").select_option(label="Family Support Team")
    page.get_by_role("radio", name="By a date").check()
    page.get_by_role("textbox", name="Due date").fill(date(date.today().year + 1, 1, 31).isoformat())
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("assigned to Family Support Team")).to_be_visible()
    walk.arrive()

    walk.nav("Staff: NHS Riverside")
    walk.arrive("Staff at NHS Riverside")
    page.get_by_role("link", name="Invite a person").click()
    walk.arrive("Invite a person to NHS Riverside")
    page.get_by_label("Email address").fill("morven.reid@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_role("region", name="Invited, not yet joined")).to_contain_text(
        "morven.reid@example.org"
    )
    walk.arrive("Staff at NHS Riverside")
    walk.done()


def test_the_editor_edits_a_module_a_lesson_and_a_question(walk, page):
    module = ModulePage.objects.get(slug="girfec")
    lesson = LessonPage.objects.child_of(module).live().first()
    question = Question.objects.filter(quiz__module=module).first()
    walk.start("editor@example.org")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    walk.arrive()
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    walk.arrive()
    page.goto("/admin/snippets/assessments/quiz/")
    walk.arrive()
    page.goto(f"/admin/snippets/assessments/question/edit/{question.pk}/")
    walk.arrive()
    page.get_by_role("button", name="Save").first.click()
    banner = page.locator(".messages .success")
    expect(banner).to_contain_text(question.name)
    walk.arrive()
    walk.done()


def test_a_page_shown_and_not_checked_fails_the_walk(page, axe_check, sign_in):
    walk = Walk(page, axe_check, sign_in)
    page.goto("/verify/")
    walk.arrive("Verify a certificate")
    page.goto("/accounts/login/")
    with pytest.raises(AssertionError, match="pages shown and not checked"):
        walk.done()
