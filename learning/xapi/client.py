"""The one place that talks to a Learning Record Store: PUT one statement under its own id.

PUT /statements?statementId=<id> is idempotent at the LRS: 204 when it is stored (or was already, identical),
409 when a statement with that id is already there. Both mean done, so a resend never makes a second copy.
"""

import base64
import json
import urllib.error
import urllib.request
from urllib.parse import urlencode

TIMEOUT_SECONDS = 10


class LrsUnavailable(OSError):
    """Try again later: the LRS did not answer, is down or busy, or refused our credentials (a lead can fix
    them; the statement waits). An OSError, so the task's retry policy retries it."""


class LrsRefused(Exception):
    """The LRS refused this statement for good (400 and the like): sending it again would not help."""


def statement_put(*, statements_url: str, key: str, secret: str, statement: dict) -> int:
    """Store `statement` (it carries its id) at the LRS; returns the HTTP status (204 or 409)."""
    credentials = base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")
    request = urllib.request.Request(  # noqa: S310 (the endpoint is a URLField: http or https only)
        f"{statements_url}?{urlencode({'statementId': statement['id']})}",
        data=json.dumps(statement).encode(),
        method="PUT",
        headers={
            "Authorization": f"Basic {credentials}",
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return 409
        detail = f"{error.code} {error.read(300).decode('utf-8', 'replace')}".strip()
        if error.code in (401, 403, 408, 429) or error.code >= 500:
            raise LrsUnavailable(detail) from error
        raise LrsRefused(detail) from error
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        raise LrsUnavailable(str(getattr(error, "reason", error))) from error
