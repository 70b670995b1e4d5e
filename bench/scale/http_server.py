"""The gunicorn servers the HTTP rows load: ours (learning.wsgi) and the peer's, each on a free local port.

Each is started as a child process and stopped by its own pid when the `with` block ends; `sign_in` goes
through the real sign-in form and returns the Cookie header a browser would send afterwards.
"""

import http.client
import re
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "var" / "bench" / "http-logs"
# No control socket: two masters (ours and the peer's, or another bench's) would share its default path.
PRODUCT_GUNICORN_ARGS = [".venv/bin/gunicorn", "--workers", "2", "--no-control-socket", "learning.wsgi"]
PEER_GUNICORN_ARGS = [
    "var/bench/peer/venv/bin/gunicorn",
    "--workers",
    "2",
    "--no-control-socket",
    "--chdir",
    "bench/peer",
    "peer_project.wsgi",
]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cookies(response):
    found = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found[name.strip()] = rest.split(";", 1)[0]
    return found


class Server:
    def __init__(self, port):
        self.port = port

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def request(self, method, path, *, cookie="", body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": cookie} if cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        connection.close()
        return response, content

    def sign_in(self, path, fields):
        response, content = self.request("GET", path)
        cookies = _cookies(response)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if response.status != 200 or not token:
            raise RuntimeError(f"sign-in form {path} answered {response.status} without a CSRF token")
        body = urlencode({**fields, "csrfmiddlewaretoken": token.group(1).decode()})
        response, _ = self.request("POST", path, cookie=_header(cookies), body=body)
        cookies.update(_cookies(response))
        if response.status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"signing in at {path} answered {response.status}, no session cookie")
        return _header(cookies)

    def check(self, paths, cookie):
        """Every path answers 200 to the signed-in learner (wrk would count a 302 to sign in as a success)."""
        for path in paths:
            response, _ = self.request("GET", path, cookie=cookie)
            if response.status != 200:
                raise RuntimeError(f"{path} answered {response.status} signed in, not 200")


def _header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items() if value)


@contextmanager
def _gunicorn(args, *, env, cwd, name, probe):
    LOGS.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = (LOGS / f"{name}.log").open("w")
    command = [*args[:1], "--bind", f"127.0.0.1:{port}", *args[1:]]
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=log)  # noqa: S603 (our own)
    server = Server(port)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                server.request("GET", probe)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn ({name}) did not start: see {log.name}") from None
                time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def product(env, *, name="product"):
    return _gunicorn(
        [str(ROOT / a) if a.startswith(".venv") else a for a in PRODUCT_GUNICORN_ARGS],
        env=env,
        cwd=ROOT,
        name=name,
        probe="/health/",
    )


def peer(venv, *, env):
    args = [str(venv / "bin" / "gunicorn"), *PEER_GUNICORN_ARGS[1:]]
    return _gunicorn(args, env=env, cwd=ROOT, name="peer", probe="/login/")
