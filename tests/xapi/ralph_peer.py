"""Ralph (ralph-malph), a real Learning Record Store, run as a local process for the tests that send to it.

scripts/ensure-ralph installs it in its own virtualenv (var/peers/ralph). It runs (ralph_serve.py) with its
filesystem backend and HTTP basic authentication from a credentials file made by `ralph auth`, both in a
temporary folder. Under CI=true a missing
Ralph fails the run; elsewhere the tests that need it skip, saying how to install it.
"""

import base64
import json
import os
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RALPH = ROOT / "var" / "peers" / "ralph" / "bin" / "ralph"
KEY, SECRET = "wfl-test", "a-ralph-test-secret"


@dataclass(frozen=True)
class Ralph:
    url: str  # the xAPI base, e.g. http://127.0.0.1:8123/xAPI/

    def get(self, path: str, **params):
        """GET <xAPI base><path>?params as the test's user; the decoded JSON."""
        query = urllib.parse.urlencode(params)
        request = urllib.request.Request(  # noqa: S310 (a local http URL the fixture made)
            f"{self.url}{path}{'?' + query if query else ''}",
            headers={
                "Authorization": "Basic " + base64.b64encode(f"{KEY}:{SECRET}".encode()).decode(),
                "X-Experience-API-Version": "1.0.3",
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def statements(self, **params) -> list[dict]:
        """Every statement stored (Ralph pages by `more`; the tests store few)."""
        return self.get("statements", limit=500, **params)["statements"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ralph_start(folder: Path):
    """Start Ralph storing under `folder`; returns (process, Ralph)."""
    if not RALPH.exists():
        reason = "Ralph is not installed (run scripts/ensure-ralph)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(folder),
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
    }
    subprocess.run(
        [RALPH, "auth", "-u", KEY, "-p", SECRET, "-s", "all", "-A", KEY, "http://127.0.0.1/", "-w"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    log = open(folder / "ralph.log", "w")  # noqa: SIM115 (the process writes to it until the session ends)
    process = subprocess.Popen(
        [RALPH.parent / "python", Path(__file__).with_name("ralph_serve.py"), "127.0.0.1", str(port)],
        env={**env, "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder)},
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/__heartbeat__", timeout=2):  # noqa: S310
                return process, Ralph(f"{base}/xAPI/")
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    process.kill()
    pytest.fail(f"Ralph did not start: {(folder / 'ralph.log').read_text()[-2000:]}", pytrace=False)
