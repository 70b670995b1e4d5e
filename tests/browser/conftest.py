"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server."""

import contextlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# The screenshots the README and docs show.
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MEMBER_PASSWORD = "a-good-test-password"  # learning.organisations.factories.UserFactory's
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


def _leaves_the_site(url, own_host, peers=()):
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.netloc not in (own_host, *peers)


@pytest.fixture
def peer_hosts():
    """Hosts ("127.0.0.1:port") a test has started itself as a protocol peer (an identity provider), which its
    pages may visit; a test adds them."""
    return set()


@pytest.fixture(autouse=True)
def only_the_site_is_called(browser, live_server, monkeypatch, peer_hosts):
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
            lambda request: (
                outside.append(request.url) if _leaves_the_site(request.url, own_host, peer_hosts) else None
            ),
        )
        context.route(
            lambda url: _leaves_the_site(url, own_host, peer_hosts),
            lambda route: route.abort("blockedbyclient"),
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


def _in_flight(context):
    """The requests the context has sent and not yet had answered, kept up to date as they come and go."""
    pending = set()
    context.on("request", lambda request: pending.add(request))
    context.on("requestfinished", lambda request: pending.discard(request))
    context.on("requestfailed", lambda request: pending.discard(request))
    return pending


@pytest.fixture
def page(browser, live_server, policy_violations):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    pending = _in_flight(context)
    page = policy_violations(context.new_page())
    yield page
    # Leave the page and let what it still sends be answered (Wagtail's editor pings and releases its editing
    # session, a write) before the test's data is flushed: a write still open then locks the flush.
    from playwright.sync_api import Error

    with contextlib.suppress(Error):  # a page already going somewhere else (an error page) has left
        page.goto("about:blank")
    for _ in range(100):
        if not pending:
            break
        page.wait_for_timeout(50)
    context.close()


AXE_OPTIONS = {"resultTypes": ["violations", "incomplete"]}  # every node of both, not only the first
# The page at rest: no CSS transition still running (mid-fade, a banner's colours are not yet its own, and axe
# would judge the blend). Decorative animations (a pulsing badge) are not waited for.
AT_REST = """() => document.getAnimations().every(
    a => !(a instanceof CSSTransition) || a.playState !== "running")"""


def _axe_problems(results):
    """(rule, impact, first targets) of serious or critical violations, and of results axe could not decide
    ("incomplete", named "<rule> (incomplete)") whose impact is critical."""
    found = [(v, v["id"]) for v in results["violations"] if v["impact"] in ("serious", "critical")]
    found += [(v, f"{v['id']} (incomplete)") for v in results["incomplete"] if v["impact"] == "critical"]
    return [(name, result["impact"], [n["target"] for n in result["nodes"]][:3]) for result, name in found]


@pytest.fixture
def axe_check():
    """Run axe-core on the page at rest; return its serious and critical violations and its critical
    "incomplete" results (there should be none)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        page.wait_for_function(AT_REST)
        return _axe_problems(axe.run(page, options=AXE_OPTIONS).response)

    return check


@pytest.fixture
def sign_in():
    """sign_in(page, email, password); `on_the_form()`, if given, is called on the sign-in page first."""

    def do(page, email, password, on_the_form=None):
        page.goto("/accounts/login/")
        if on_the_form:
            on_the_form()
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign In", exact=True).click()  # not "Sign in with <organisation>"
        page.wait_for_load_state()

    return do


@pytest.fixture
def artifact_dir():
    """Where browser tests leave screenshots and downloads for people to look at (var/screenshots)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def docs_screenshots():
    """Where browser tests leave the screenshots the README and docs show (docs/screenshots)."""
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return DOCS_SCREENSHOTS


@pytest.fixture
def member(db):
    """member(first_name=..., last_name=..., email=...): a person in an organisation, with the verified
    address allauth asks for, who signs in with MEMBER_PASSWORD."""
    from allauth.account.models import EmailAddress

    from learning.organisations.factories import MembershipFactory

    def make(**user_fields):
        user = MembershipFactory(**{f"user__{name}": value for name, value in user_fields.items()}).user
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def demo_reflection():
    """demo_reflection(title=..., module=None, signed_off=False): a reflection by the demo learner, sent to
    their supervisor and, if asked, signed off (test_reflection_journey writes and reviews one in the
    browser)."""
    from assessments.practice.services.reflections import reflection_submit
    from assessments.practice.services.reviews import reflection_sign_off
    from assessments.quizzes.factories import ReflectiveEntryFactory
    from learning.organisations.models import Membership

    def make(*, title, module=None, signed_off=False):
        learner = Membership.objects.get(user__email="learner@example.org")
        entry = ReflectiveEntryFactory(membership=learner, module=module, title=title)
        entry = reflection_submit(entry=entry, user=learner.user)
        return reflection_sign_off(entry=entry, user=entry.submitted_to.user) if signed_off else entry

    return make


@pytest.fixture
def screenshot():
    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
