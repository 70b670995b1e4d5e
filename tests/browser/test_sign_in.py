import pytest

from learning.demo.install import DEMO_PASSWORD, demo_data_install

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_demo_learner_signs_in_and_sees_dashboard(page, sign_in, axe_check, screenshot):
    demo_data_install()
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Whole Family Learning"
    assert axe_check(page) == []
    page.goto("/accounts/login/")
    assert axe_check(page) == []
    sign_in(page, "learner@example.org", DEMO_PASSWORD)
    assert page.get_by_role("heading", name="My learning").is_visible()
    assert page.get_by_role("link", name="Supervision").count() == 0
    screenshot(page, "my-learning")
    assert axe_check(page) == []


def test_mobile_layout_keeps_navigation_reachable(browser, live_server, sign_in, axe_check):
    demo_data_install()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    sign_in(page, "supervisor@example.org", DEMO_PASSWORD)
    page.get_by_role("button", name="Menu").click()  # on a phone the navigation folds behind this button
    assert page.get_by_role("link", name="Supervision").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "no horizontal scrolling on a phone"
    assert axe_check(page) == []
    context.close()
