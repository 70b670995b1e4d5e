"""The LTI tests' peers: an independent LTI 1.3 platform (tests/lti_platform/server.py, on lti1p3platform) run
as its own process, the tool served by pytest-django's live server, and a browser stand-in that follows their
redirects and submits their auto-submitting forms, as a person's browser would."""

import json
import socket
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from learning.lti import services
from learning.organisations.factories import OrganisationFactory

SERVER = Path(__file__).resolve().parent.parent / "lti_platform" / "server.py"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Platform:
    def __init__(self, url):
        self.url = url

    def state(self):
        return requests.get(f"{self.url}/state", timeout=10).json()

    def configure(self, **tool):
        requests.post(f"{self.url}/configure", data=json.dumps(tool), timeout=10).raise_for_status()


@pytest.fixture
def lti_platform():
    """The platform process, on its own port with its own key. Never skipped: if it cannot start (its library
    missing), the test fails."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(SERVER), str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = process.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"The LTI platform did not start: {process.stderr.read()}")
        yield Platform(f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def tool(lti_platform, live_server, settings):
    """The tool at the live server, with the platform registered by an organisation, and the platform told
    the tool's URLs (what the two LMS and tool administrators paste into each other)."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    organisation = OrganisationFactory(name="Forth Valley Family Service")
    lms = services.lms_register(
        organisation=organisation,
        name="Course platform",
        issuer=lti_platform.url,
        client_id="tool-client-1",
        deployment_id="deployment-1",
        auth_url=f"{lti_platform.url}/authorize",
        token_url=f"{lti_platform.url}/token",
        keyset_url=f"{lti_platform.url}/jwks",
        actor=None,
    )
    lti_platform.configure(
        client_id="tool-client-1",
        deployment_id="deployment-1",
        login_url=f"{live_server.url}/lti/login/",
        launch_url=f"{live_server.url}/lti/launch/",
        jwks_url=f"{live_server.url}/lti/jwks/",
    )
    return lms


class _Forms(HTMLParser):
    """The forms of a page: action and hidden fields (what an auto-submitting LTI form carries)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "attrs": attrs, "fields": {}})
        elif tag == "input" and self.forms and attrs.get("type") == "hidden":
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")


def page_forms(response):
    parser = _Forms()
    parser.feed(response.text)
    return [{**form, "action": urljoin(response.url, form["action"])} for form in parser.forms]


class Browser:
    """A person's browser: one cookie jar for both sites, redirects followed, forms posted as shown."""

    def __init__(self, opened):
        self.session, self.opened = requests.Session(), opened
        opened.append(self)

    def another(self):
        """Another person's browser (its own cookies)."""
        return Browser(self.opened)

    def start(self, platform, **query):
        """Open a link in the LMS: through the tool's login and the platform's authentication, to the launch
        form the platform answers with (not yet submitted)."""
        response = self.session.get(f"{platform.url}/start", params=query, timeout=30)
        assert response.status_code == 200, response.text
        (form,) = page_forms(response)
        return form

    def submit(self, form, **changes):
        return self.session.post(
            form["action"], data={**form["fields"], **changes}, allow_redirects=False, timeout=60
        )

    def follow(self, response):
        return self.session.get(urljoin(response.url, response.headers["Location"]), timeout=30)

    def launch(self, platform, **query):
        return self.submit(self.start(platform, **query))


@pytest.fixture
def browser():
    opened = []
    yield Browser(opened)
    # Closed before the live server stops: a kept-alive connection would outlive it in a server thread.
    for each in opened:
        each.session.close()
