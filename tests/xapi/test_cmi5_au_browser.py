"""The cmi5 package's AU, run for real: unpacked behind a small stand-in LMS (it serves the files, answers the
fetch URL with the LRS credentials and passes the xAPI calls on to Ralph, so everything is one origin), opened
in Chromium with cmi5 launch parameters; the learner reads, passes the quiz and finishes; the statements are
read back from Ralph and checked against the cmi5 rules and the xAPI schema. The page asks no other host."""

import base64
import io
import json
import threading
import urllib.error
import urllib.request
import uuid
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from learning.xapi.cmi5.package import cmi5_package
from modules.seed import site_structure_ensure
from tests.xapi.journey import module_with_quiz
from tests.xapi.ralph_peer import KEY, SECRET
from tests.xapi.schema import statement_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
CHROMIUM = "/usr/bin/chromium"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"


class StandInLms(SimpleHTTPRequestHandler):
    """Serves the unpacked package; POST /fetch gives the auth token once; /xAPI/... goes on to Ralph."""

    def do_POST(self):
        if self.path.startswith("/xAPI/"):
            return self._to_ralph()
        token = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
        body = json.dumps({"auth-token": token}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        return self._to_ralph() if self.path.startswith("/xAPI/") else super().do_GET()

    do_PUT = do_POST

    def _to_ralph(self):
        length = int(self.headers.get("Content-Length") or 0)
        request = urllib.request.Request(  # noqa: S310 (Ralph, on this machine)
            self.server.ralph_base + self.path,
            data=self.rfile.read(length) if length else None,
            method=self.command,
            headers={k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        self.server.xapi_calls.append((self.command, self.path.split("?")[0], status))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def lms(tmp_path, ralph):
    zipfile.ZipFile(
        io.BytesIO(cmi5_package(module=module_with_quiz(site_structure_ensure()).module))
    ).extractall(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StandInLms, directory=str(tmp_path)))
    server.ralph_base = ralph.url.removesuffix("/xAPI/")
    server.xapi_calls = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page():
    if not Path(CHROMIUM).exists():
        pytest.fail("/usr/bin/chromium is missing (scripts/ensure-chromium)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield browser.new_page()
        browser.close()


def test_the_au_launches_and_reports_initialized_completed_passed_terminated_to_the_lrs(lms, ralph, page):
    base = f"http://127.0.0.1:{lms.server_port}"
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    actor = {
        "objectType": "Agent",
        "account": {"homePage": "https://lms.example.org", "name": uuid.uuid4().hex},
    }
    registration, activity = str(uuid.uuid4()), f"https://lms.example.org/au/{uuid.uuid4()}"
    query = urllib.parse.urlencode(
        {
            "endpoint": f"{base}/xAPI/",
            "fetch": f"{base}/fetch",
            "actor": json.dumps(actor),
            "registration": registration,
            "activityId": activity,
        }
    )
    page.goto(f"{base}/au/index.html?{query}")
    page.get_by_text("Ready.").wait_for()
    page.get_by_role("button", name="I have read every lesson").click()
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Right").check()
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_text("Passed: 100%.").wait_for()
    page.get_by_role("button", name="Finish and return").click()
    page.get_by_text("Finished.").wait_for()

    stored = ralph.statements(registration=registration)
    by_verb = {s["verb"]["id"].rsplit("/", 1)[1]: s for s in stored}
    assert sorted(by_verb) == ["completed", "initialized", "passed", "terminated"]
    assert len(stored) == 4
    sessions = set()
    for verb, statement in by_verb.items():
        assert statement_errors(statement) == [], verb
        assert statement["actor"]["account"] == actor["account"]
        assert statement["object"]["id"] == activity
        assert statement["context"]["registration"] == registration
        categories = [c["id"] for c in statement["context"]["contextActivities"]["category"]]
        assert CMI5 in categories
        assert (MOVEON in categories) == (verb in ("completed", "passed"))
        sessions.add(
            statement["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]
        )
    assert len(sessions) == 1
    assert by_verb["passed"]["result"]["score"]["scaled"] == 1 and by_verb["passed"]["result"]["success"]
    assert by_verb["completed"]["result"]["completion"] is True
    assert all(urlsplit(url).netloc == f"127.0.0.1:{lms.server_port}" for url in asked), asked


def test_opened_without_launch_parameters_it_says_how_to_open_it(lms, page):
    page.goto(f"http://127.0.0.1:{lms.server_port}/au/index.html")
    page.get_by_text("Open this course from your learning management system").wait_for()
    assert lms.xapi_calls == []
