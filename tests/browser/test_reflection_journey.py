"""The demo learner writes a Gibbs reflection on GIRFEC (warned about a name, anonymises it) and submits it;
the demo supervisor finds it in the review queue and asks for a change; the learner edits and resubmits; the
supervisor signs it off; the learner downloads the reflective-account PDF with the sign-off stamp. Every main
page is axe clean."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from learning.demo.install import DEMO_PASSWORD, demo_data_install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GIBBS = {
    "Description": "At a home visit a father told me he was worried his drinking was affecting his daughter.",
    "Feelings": (
        "I felt anxious about saying the wrong thing, and relieved that he trusted me enough to tell me."
    ),
    "Evaluation": "Listening without judging went well; I was less sure how to involve the named person.",
    "Analysis": "GIRFEC asks us to share a concern early and to put the child's wellbeing at the centre.",
    "Conclusion": (
        "I learned that asking about the whole family opens doors that a single focus keeps closed."
    ),
    "Action plan": "Before my next visit I will read the local GIRFEC guidance on sharing a concern.",
}
REVISED_PLAN = "By the end of the month I will agree with the family how we tell the named person together."


def _open_menu_on_a_phone(page):
    menu = page.get_by_role("button", name="Menu")  # on a phone the navigation folds behind this button
    if menu.is_visible() and menu.get_attribute("aria-expanded") != "true":
        menu.click()


def _nav(page, name):
    _open_menu_on_a_phone(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def _switch(page, sign_in, email):
    _open_menu_on_a_phone(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    sign_in(page, email, DEMO_PASSWORD)


def _open_from_queue(page, axe_check):
    _nav(page, "Supervision")
    page.get_by_role("link", name="Open the review queue").click()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="Worried about a child").click()
    expect(page.get_by_role("heading", name="Worried about a child")).to_be_visible()
    assert axe_check(page) == []


def test_reflection_from_draft_to_signed_off_pdf(page, sign_in, axe_check, screenshot):
    demo_data_install()
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    _nav(page, "Reflections")
    expect(page.get_by_role("heading", name="Reflections", exact=True)).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="Write a reflection").click()
    assert axe_check(page) == []
    page.get_by_label("Module").select_option(label="GIRFEC: Getting it right for every child")
    page.get_by_label("Gibbs' reflective cycle").check()
    page.get_by_label("Title").fill("Worried about a child")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Edit your reflection")).to_be_visible()
    expect(page.get_by_text("Keep people anonymous")).to_be_visible()
    for label, text in GIBBS.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Description", exact=True).fill(
        "I visited Callum Fraser at home. " + GIBBS["Description"]
    )
    expect(
        page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d"))
    ).to_be_visible()  # autosave reached the server
    assert axe_check(page) == []
    screenshot(page, "reflection-edit")
    page.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_role("heading", name="Check your reflection before you submit")).to_be_visible()
    expect(page.get_by_text('"Callum Fraser"')).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name="Edit your reflection").click()
    page.get_by_label("Description", exact=True).fill(GIBBS["Description"])
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("sent to Sam Reid for review")).to_be_visible()
    assert axe_check(page) == []

    _switch(page, sign_in, "supervisor@example.org")
    expect(
        page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Supervision 1 reflection to review"
        )
    ).to_be_visible()
    _open_from_queue(page, axe_check)
    expect(page.get_by_text(GIBBS["Analysis"])).to_be_visible()
    screenshot(page, "reflection-review")
    page.get_by_label("Ask for changes").check()
    page.get_by_label("Comment", exact=True).fill(
        "Thank you. Could your action plan say how you will involve the family?"
    )
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("You asked for changes")).to_be_visible()

    _switch(page, sign_in, "learner@example.org")
    _nav(page, "Reflections 1 new update")
    page.get_by_role("link", name=re.compile("asked for changes")).click()
    expect(page.get_by_text("how you will involve the family")).to_be_visible()
    page.get_by_role("link", name="Edit and resubmit").click()
    expect(page.get_by_text("Sam Reid asked for changes")).to_be_visible()
    page.get_by_label("Action plan", exact=True).fill(REVISED_PLAN)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("sent to Sam Reid for review")).to_be_visible()

    _switch(page, sign_in, "supervisor@example.org")
    _open_from_queue(page, axe_check)
    expect(page.get_by_text(REVISED_PLAN)).to_be_visible()
    page.get_by_label("Sign off this reflection").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Signed off. The reflection is now locked")).to_be_visible()

    _switch(page, sign_in, "learner@example.org")
    _nav(page, re.compile("^Reflections"))
    page.get_by_role("link", name="Worried about a child").click()
    expect(page.get_by_text(re.compile("Signed off by Sam Reid, Team leader, NHS Riverside"))).to_be_visible()
    expect(page.get_by_role("link", name="Edit and resubmit")).to_have_count(0)
    assert axe_check(page) == []
    screenshot(page, "reflection-signed-off")
    page.get_by_role("button", name="Download as PDF").click()
    expect(page.get_by_role("heading", name="Your reflective account PDF")).to_be_visible()
    assert axe_check(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your PDF").click()
    pdf = download_info.value.path().read_bytes()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Signed off by Sam Reid, Team leader, NHS Riverside" in text
    assert REVISED_PLAN in text and GIBBS["Conclusion"] in text and "Callum Fraser" not in text


def test_supervision_session_recorded_and_noted_on_a_phone(
    page, sign_in, axe_check, screenshot, demo_reflection
):
    """On a small screen: the supervisor records a session linking the learner's reflection, with an action;
    the learner reads it and adds their note."""
    demo_data_install()
    demo_reflection(title="A hard conversation")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "supervisor@example.org", DEMO_PASSWORD)
    page.goto("/supervision/")
    assert axe_check(page) == []
    page.get_by_role("link", name="Record a session").first.click()
    expect(page.get_by_role("heading", name="Record a supervision session")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_label("Date of the session").fill("2026-03-02")
    page.get_by_label("Alex Morgan (NHS Riverside)").check()
    page.get_by_role("group", name="Themes discussed").get_by_label("GIRFEC").check()
    page.get_by_label(re.compile("A hard conversation by Alex Morgan")).check()
    page.get_by_label("Summary of the discussion").fill("We talked about sharing a concern with a family.")
    action = page.get_by_role("group", name="Action 1")
    action.get_by_label("Action").fill("Read the local guidance on sharing a concern")
    action.get_by_label("Who will do it").select_option(label="Alex Morgan (NHS Riverside)")
    action.get_by_label("By when").fill("2026-03-16")
    page.get_by_label("Next session").fill("2026-04-06")
    page.get_by_role("button", name="Save the session").click()
    expect(page.get_by_role("heading", name="Supervision session, 2 March 2026")).to_be_visible()
    expect(page.get_by_text("16 March 2026")).to_be_visible()
    assert axe_check(page) == []
    screenshot(page, "supervision-session-phone")

    _switch(page, sign_in, "learner@example.org")
    page.goto("/supervision/sessions/")
    assert axe_check(page) == []
    page.get_by_role("link", name="2 March 2026").click()
    expect(page.get_by_text("Read the local guidance on sharing a concern")).to_be_visible()
    expect(page.get_by_role("link", name="A hard conversation")).to_be_visible()
    page.get_by_label("Your note").fill("I have booked time to read the guidance on Friday.")
    page.get_by_role("button", name="Add your note").click()
    expect(page.get_by_text("Your note has been saved.")).to_be_visible()
    expect(
        page.get_by_role("paragraph").filter(has_text="I have booked time to read the guidance")
    ).to_be_visible()
    assert axe_check(page) == []
