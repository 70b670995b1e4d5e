"""A launch the tool cannot trust gets a clear page with a 4xx status, never a 500 and never a session: a
token whose signature does not match the platform's key, a nonce the tool never issued, a state it never set,
a replay, or a deployment nobody registered."""

import base64
import json
import logging

import pytest

from learning.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _reasons(caplog):
    caplog.set_level(logging.INFO, logger="learning.lti")


def _with_other_subject(id_token):
    """The platform's token with its body changed and its signature kept: what a forger can make."""
    header, body, signature = id_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["sub"] = "someone-else"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


def _refused(response, status=400, *, reason=None, caplog=None):
    """The refusal page, with nobody signed in or created, refused for `reason` (PyLTI1p3's, in the log)."""
    assert response.status_code == status, response.text[:500]
    if reason:
        assert reason in caplog.text
    assert "This link from your LMS did not work" in response.text
    assert not User.objects.exists()


def test_a_forged_signature_is_refused(tool, lti_platform, browser, caplog):
    form = browser.start(lti_platform, user="learner-7", link="link-1")
    forged = browser.submit(form, id_token=_with_other_subject(form["fields"]["id_token"]))
    _refused(forged, reason="Signature verification failed", caplog=caplog)


def test_a_nonce_the_tool_never_issued_is_refused(tool, lti_platform, browser, caplog):
    response = browser.launch(lti_platform, user="learner-7", link="link-1", nonce="forged-nonce")
    _refused(response, reason="Invalid Nonce", caplog=caplog)


def test_a_state_the_tool_never_set_is_refused(tool, lti_platform, browser, caplog):
    form = browser.start(lti_platform, user="learner-7", link="link-1")
    _refused(browser.submit(form, state="state-forged"), reason="State not found", caplog=caplog)


def test_a_replayed_launch_is_refused(tool, lti_platform, browser, caplog):
    form = browser.start(lti_platform, user="learner-7", link="link-1")
    assert browser.submit(form).status_code == 302
    replay = browser.submit(form)
    assert replay.status_code == 400 and "This link from your LMS did not work" in replay.text
    assert "Launch replayed" in caplog.text


def test_a_deployment_nobody_registered_is_refused(tool, lti_platform, browser, live_server):
    lti_platform.configure(
        client_id="tool-client-1",
        deployment_id="deployment-unknown",
        login_url=f"{live_server.url}/lti/login/",
        launch_url=f"{live_server.url}/lti/launch/",
        jwks_url=f"{live_server.url}/lti/jwks/",
    )
    _refused(browser.launch(lti_platform, user="learner-7", link="link-1"), status=403)


def test_a_login_from_an_unregistered_lms_or_without_a_target_is_refused(tool, live_server, browser):
    unknown = browser.session.get(
        f"{live_server.url}/lti/login/",
        params={
            "iss": "https://lms.example",
            "login_hint": "1",
            "target_link_uri": f"{live_server.url}/lti/launch/",
        },
        timeout=30,
    )
    _refused(unknown)
    _refused(browser.session.post(f"{live_server.url}/lti/login/", data={"iss": tool.registration.issuer}))
    _refused(
        browser.session.post(f"{live_server.url}/lti/launch/", data={"id_token": "not.a.token", "state": "x"})
    )
