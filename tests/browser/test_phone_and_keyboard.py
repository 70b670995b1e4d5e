"""Dashboards and tables on a 360 px phone, by keyboard (issue #15, finding 6), and the browser leg's guard
against calls to outside hosts (finding 10)."""

import pytest

from learning.demo.install import DEMO_PASSWORD, demo_data_install, demo_population_install
from learning.organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone(browser, live_server, policy_violations):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(15000)
    yield policy_violations(context.new_page())
    context.close()


def _fits_a_phone(page):
    """Nothing sticks out past the screen's right edge: the page itself never scrolls sideways."""
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                         && !e.closest('[role=region][tabindex]'))
            .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (page.url, wide)


def _scroll_regions_are_reachable(page):
    """Each box that scrolls sideways can be reached by Tab and has a name a screen reader announces."""
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.table-wrap')].map(e => ({
              scrolls: e.scrollWidth > e.clientWidth, tabindex: e.getAttribute('tabindex'),
              role: e.getAttribute('role'), labelledby: e.getAttribute('aria-labelledby'),
              named: !!(e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby')
                     && document.getElementById(e.getAttribute('aria-labelledby'))?.textContent.trim()))}))"""
    )
    assert boxes
    for box in boxes:
        assert box["tabindex"] == "0" and box["role"] == "region" and box["named"], (page.url, box)


def test_the_lead_reads_the_coverage_dashboard_on_a_phone(phone, sign_in, axe_check, docs_screenshots):
    demo_data_install()
    demo_population_install()  # the living demo: a year of history behind every figure
    nhs = Organisation.objects.get(name="NHS Riverside")
    sign_in(phone, "lead@example.org", DEMO_PASSWORD)

    phone.goto(f"/coverage/organisation/{nhs.pk}/")
    heatmap = phone.get_by_role(
        "region", name="Percentage of each team that has completed each required module"
    )
    heatmap.focus()
    assert heatmap.evaluate("e => e === document.activeElement")
    _fits_a_phone(phone)
    _scroll_regions_are_reachable(phone)
    assert axe_check(phone) == []
    phone.screenshot(path=str(docs_screenshots / "lead-dashboard-360.png"), full_page=True)
    phone.set_viewport_size({"width": 1280, "height": 900})
    phone.screenshot(path=str(docs_screenshots.parent / "dashboard.png"), full_page=True)


def test_the_supervisor_reads_their_staff_on_a_phone(phone, sign_in, axe_check):
    demo_data_install()
    nhs = Organisation.objects.get(name="NHS Riverside")
    sign_in(phone, "supervisor@example.org", DEMO_PASSWORD)

    for path in (f"/coverage/organisation/{nhs.pk}/", "/supervision/"):
        phone.goto(path)
        _fits_a_phone(phone)
        _scroll_regions_are_reachable(phone)
        assert axe_check(phone) == [], path


def test_a_call_to_another_host_is_caught_and_never_leaves(page, only_the_site_is_called):
    from playwright.sync_api import Error  # imported here as in conftest: only the browser leg needs it

    with pytest.raises(Error, match="ERR_BLOCKED_BY_CLIENT"):
        page.goto("https://www.gravatar.com/avatar/x")
    assert only_the_site_is_called == ["https://www.gravatar.com/avatar/x"]
    only_the_site_is_called.clear()  # caught: this test passes; any other test with such a call fails
