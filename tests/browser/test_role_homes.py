"""Finding 5, in the browser: each demo role signs in and lands where their work is, with the navigation for
their roles; axe-clean, and screenshotted at desktop width and on a 360 px phone for the README."""

import pytest
from playwright.sync_api import expect

from learning.demo.install import DEMO_PASSWORD, demo_data_install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 360, "height": 780}

# (role, demo account, where they land, the heading there, a navigation link their role adds)
HOMES = [
    ("learner", "learner@example.org", "/my-learning/", "My learning", "Reflections"),
    ("supervisor", "supervisor@example.org", "/supervision/", "Supervision", "Supervision"),
    ("lead", "lead@example.org", "/coverage/", "Training coverage", "Coverage: NHS Riverside"),
    ("editor", "editor@example.org", "/admin/", None, None),
]


@pytest.mark.parametrize(("role", "email", "path", "heading", "nav_link"), HOMES, ids=[h[0] for h in HOMES])
def test_each_role_lands_on_its_home(
    browser, live_server, sign_in, axe_check, docs_screenshots, role, email, path, heading, nav_link
):
    demo_data_install()
    for name, viewport in ((f"home-{role}", {"width": 1280, "height": 900}), (f"home-{role}-360", PHONE)):
        context = browser.new_context(base_url=live_server.url, viewport=viewport)
        page = context.new_page()
        sign_in(page, email, DEMO_PASSWORD)
        assert page.url == live_server.url + path
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert axe_check(page) == []
        page.screenshot(path=str(docs_screenshots / f"{name}.png"), full_page=True)
        if heading:
            nav = page.get_by_role("navigation", name="Main")
            if viewport is PHONE:
                _open_the_menu_by_keyboard(page, nav, nav_link)
                page.screenshot(path=str(docs_screenshots / f"{name}-menu.png"))
            expect(nav.get_by_role("link", name=nav_link).first).to_be_visible()
            assert nav.locator("[aria-current]").count() == 1
        context.close()


def _open_the_menu_by_keyboard(page, nav, nav_link):
    """On a phone the list folds behind the Menu button: Enter opens it, Escape closes it and keeps focus."""
    menu = nav.get_by_role("button", name="Menu")
    expect(nav.get_by_role("link", name=nav_link).first).to_be_hidden()
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
