import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from learning.organisations.factories import OrganisationFactory

# The integration leg's fixtures (a real worker on PostgreSQL and Redis), for the tests marked integration.
from tests.integration.conftest import (  # noqa: F401
    celery_worker_process,
    real_services,
    start_worker,
    wait_for,
)
from tests.xapi.journey import lrs_for
from tests.xapi.ralph_peer import ralph_start


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    """A running Ralph LRS (a fresh store for the session): statements are told apart by their ids."""
    process, lrs = ralph_start(tmp_path_factory.mktemp("ralph"))
    yield lrs
    process.terminate()
    process.wait(timeout=20)


class StubLrs(ThreadingHTTPServer):
    """A stand-in LRS for the unit tests of what the platform does with each answer (Ralph itself, which only
    answers 204 or 409 to a good statement, is the peer of the integration tests): it answers every PUT with
    `status` and keeps what it was sent."""

    status = 204
    received: list

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_port}/xAPI/"


class _Handler(BaseHTTPRequestHandler):
    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(
            (self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(body))
        )
        self.send_response(self.server.status)
        self.end_headers()
        if self.server.status >= 400:
            self.wfile.write(b'{"detail": "stub refusal"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_lrs():
    server = StubLrs(("127.0.0.1", 0), _Handler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def organisation_with_lrs(db, stub_lrs):
    """An organisation whose LRS (the stub, answering 204) is sending."""
    return lrs_for(OrganisationFactory(), stub_lrs.url).organisation
