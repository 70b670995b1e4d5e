"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                "CI=true and /usr/bin/chromium is missing (scripts/ensure-chromium installs it)",
                pytrace=False,
            )
        pytest.skip("Debian's Chromium is not installed (scripts/ensure-chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


def _leaves_the_site(url, own_host):
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.netloc != own_host


@pytest.fixture(autouse=True)
def only_the_site_is_called(browser, live_server, monkeypatch):
    """Fail any browser test whose pages ask a host other than the live server (the product must work inside
    closed NHS networks: no CDN, no gravatar). Every context the test opens records its requests, and those
    to another host are aborted, so none leaves the machine even while the test goes on to fail."""
    own_host = urlsplit(live_server.url).netloc
    outside = []
    open_context = browser.new_context

    def new_context(**options):
        context = open_context(**options)
        context.on(
            "request",
            lambda request: outside.append(request.url) if _leaves_the_site(request.url, own_host) else None,
        )
        context.route(
            lambda url: _leaves_the_site(url, own_host), lambda route: route.abort("blockedbyclient")
        )
        return context

    monkeypatch.setattr(browser, "new_context", new_context)
    yield outside
    if outside:
        pytest.fail("Pages asked hosts other than the site:\n" + "\n".join(outside), pytrace=False)


# What Chromium writes to the console when the Content-Security-Policy or Permissions-Policy stops something.
POLICY_MESSAGES = ("Content Security Policy", "Permissions-Policy", "Permissions Policy")


@pytest.fixture
def policy_violations():
    """Console messages about a blocked script, style, frame or feature, from every page it is attached to."""
    messages = []

    def attach(page):
        page.on(
            "console",
            lambda message: (
                messages.append(f"{page.url}: {message.text}")
                if any(words in message.text for words in POLICY_MESSAGES)
                else None
            ),
        )
        return page

    yield attach
    if messages:
        pytest.fail("The browser reported policy violations:\n" + "\n".join(messages), pytrace=False)


@pytest.fixture
def page(browser, live_server, policy_violations):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    page = policy_violations(context.new_page())
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the page; return serious and critical violations (there should be none)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        violations = axe.run(page).response["violations"]
        return [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]

    return check


@pytest.fixture
def sign_in():
    def do(page, email, password):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_load_state()

    return do


@pytest.fixture
def artifact_dir():
    """Where browser tests leave screenshots and downloads for people to look at (var/screenshots)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def screenshot():
    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
