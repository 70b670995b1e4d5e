"""A small LTI 1.3 platform (an LMS's side), run as its own process by the tests' `lti_platform` fixture.

Built on `lti1p3platform` (an independent platform library, not on PyLTI1p3, which the tool uses): the library
signs the id_token with this platform's own key, checks the tool's Deep Linking response and service-token
requests against the tool's JWKS, and checks the bearer token on the score endpoint. This file is only the web
glue (the standard library's HTTP server) and an in-memory gradebook:

    GET  /jwks                      the platform's public key
    GET  /start?user=..&link=..     begin a launch (OIDC login initiation): 302 to the tool's login URL;
                                    link=deep-link for a Deep Linking request (as an instructor unless
                                    role=learner); nonce=.. makes it sign a nonce the tool never issued
    GET  /authorize                 the OIDC authentication request: answers the auto-submitting launch form
    POST /deep-link-return          the tool's Deep Linking response (JWT): each LtiResourceLink becomes a
                                    resource link with a line item
    POST /token                     an AGS access token, for a JWT signed by the tool
    POST /lineitems/<id>/scores     a score, recorded in the gradebook
    POST /configure                 (test glue) the tool's client id, deployment and URLs
    GET  /state                     (test glue) resource links, line items and scores, as JSON

Usage: python server.py PORT (prints "ready" once it listens).
"""

import html
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import jwt
from jwcrypto.jwk import JWK
from lti1p3platform.exceptions import LineItemNotFoundException, LtiException
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request
from lti1p3platform.score import UpdateScoreStatus
from lti1p3platform.service_connector import AssignmentsGradesService

INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
COURSE = "course-1"


class State:
    """Everything the platform knows, in memory, behind one lock."""

    def __init__(self, port):
        self.lock = threading.Lock()
        self.base = f"http://127.0.0.1:{port}"
        key = JWK.generate(kty="RSA", size=2048)
        self.private_pem = key.export_to_pem(private_key=True, password=None).decode()
        self.public_pem = key.export_to_pem().decode()
        self.tool = {}  # client_id, deployment_id, login_url, launch_url, jwks_url
        self.pending = {}  # lti_message_hint -> the launch it stands for
        self.links = {}  # resource link id -> {title, url, custom, lineitem}
        self.lineitems = {}  # line item id -> {label, scoreMaximum, resourceId, resourceLinkId}
        self.scores = []  # (line item id, score as sent)

    def registration(self):
        return (
            Registration()
            .set_iss(self.base)
            .set_client_id(self.tool["client_id"])
            .set_deployment_id(self.tool["deployment_id"])
            .set_launch_url(self.tool["launch_url"])
            .set_deeplink_launch_url(self.tool["launch_url"])
            .set_oidc_login_url(self.tool["login_url"])
            .set_tool_key_set_url(self.tool["jwks_url"])
            .set_platform_public_key(self.public_pem)
            .set_platform_private_key(self.private_pem)
        )


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, registration=None, **kwargs):
        self._registration = registration

    def get_registration_by_params(self, **kwargs):
        return self._registration


class PlainRequest(Request):
    def build_metadata(self, request):
        return request


class OIDCLogin(OIDCLoginAbstract):
    def set_lti_message_hint(self, hint=None, **kwargs):
        self._lti_message_hint = hint

    def get_redirect(self, url):
        return url


class MessageLaunch(LTIAdvantageMessageLaunchAbstract):
    """The launch a pending hint stands for: a resource link (with its line item) or a Deep Linking one."""

    def __init__(self, request, platform_config, state, launch):
        super().__init__(request, platform_config)
        self.state, self.launch = state, launch

    def prepare_launch(self, preflight_response):
        launch, base = self.launch, self.state.base
        role = launch.get("role") or ("instructor" if launch["link"] == "deep-link" else "learner")
        roles = [INSTRUCTOR] if role == "instructor" else [LEARNER]
        self.set_user_data(
            launch["user"], roles, full_name=launch.get("name"), email_address=launch.get("email")
        )
        self.set_launch_context_claim(COURSE, context_title="Whole family practice")
        if launch["link"] == "deep-link":
            self.set_dl(f"{base}/deep-link-return", title="Add a module")
            return
        link = self.state.links.get(launch["link"], {})
        self.set_resource_link_claim(launch["link"], title=link.get("title"))
        if link.get("custom"):
            self.set_custom_parameters_claim(link["custom"])
        if link.get("url"):
            self.set_launch_url(link["url"])
        if link.get("lineitem"):
            self.set_ags(f"{base}/lineitems", f"{base}/lineitems/{link['lineitem']}")

    def get_launch_data(self):
        message, state = super().get_launch_data()
        if self.launch.get("nonce"):  # a misbehaving platform, for the tests: a nonce the tool never issued
            message["nonce"] = self.launch["nonce"]
        return message, state

    def render_launch_form(self, launch_data, **kwargs):
        return launch_form(launch_data)


def launch_form(data):
    fields = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(data[name])}">'
        for name in ("id_token", "state")
    )
    return (
        f'<!doctype html><title>Launching</title><form id="launch" method="post" '
        f'action="{html.escape(data["launch_url"])}">{fields}<button>Continue</button></form>'
    )


class Gradebook(AssignmentsGradesService):
    """The score endpoint of one line item: the library checks the bearer token, this records the score."""

    def __init__(self, request, conf, state, lineitem_id):
        super().__init__(request, conf, f"{state.base}/lineitems", f"{state.base}/lineitems/{lineitem_id}")
        self.state = state

    def update_score(self, line_item_id, score):
        with self.state.lock:
            if line_item_id not in self.state.lineitems:
                raise LineItemNotFoundException
            self.state.scores.append({"lineitem": line_item_id, **score})
        return UpdateScoreStatus.SUCCESS

    def find_lineitems(self, *a, **k):
        raise NotImplementedError

    def find_lineitem(self, line_item_id):
        return self.state.lineitems[line_item_id]

    def create_lineitem(self, creation_data):
        raise NotImplementedError

    def update_lineitem(self, update_data):
        raise NotImplementedError

    def delete_lineitem(self, line_item_id):
        raise NotImplementedError

    def get_results(self, *a, **k):
        raise NotImplementedError


class Handler(BaseHTTPRequestHandler):
    state: State  # set on the class by main()

    def log_message(self, *args):  # quiet: the test reads the state, not the log
        pass

    def _request(self, form=None, body=b""):
        query = dict(parse_qsl(urlsplit(self.path).query))
        content_type = self.headers.get("Content-Type", "")
        return PlainRequest(
            {
                "method": self.command,
                "form_data": form or {},
                "get_data": query,
                "headers": self.headers,
                "content_type": content_type,
                "path": urlsplit(self.path).path,
                "json": json.loads(body) if body and "json" in content_type else None,
            }
        )

    def _send(self, status, body, content_type="text/html; charset=utf-8", location=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status, value):
        self._send(status, json.dumps(value), "application/json")

    def do_GET(self):
        path, query = urlsplit(self.path).path, dict(parse_qsl(urlsplit(self.path).query))
        state = self.state
        if path == "/jwks":
            return self._json(200, {"keys": state.registration().get_jwks()})
        if path == "/state":
            with state.lock:
                return self._json(
                    200, {"links": state.links, "lineitems": state.lineitems, "scores": state.scores}
                )
        if path == "/start":
            hint = secrets.token_urlsafe(16)
            with state.lock:
                state.pending[hint] = query
            conf = PlatformConf(registration=state.registration())
            login = OIDCLogin(PlainRequest({}), conf)
            login.set_lti_message_hint(hint=hint)
            link = state.links.get(query["link"], {})
            login.set_launch_url(link.get("url") or state.tool["launch_url"])
            return self._send(302, "", location=login.initiate_login(query["user"]))
        if path == "/authorize":
            launch = state.pending.get(query.get("lti_message_hint"))
            if launch is None or query.get("login_hint") != launch["user"]:
                return self._send(400, "Unknown launch or user")
            if query.get("redirect_uri") != state.tool["launch_url"]:  # only the registered redirection URI
                return self._send(400, "Redirect URI not registered")
            conf = PlatformConf(registration=state.registration())
            try:
                form = MessageLaunch(self._request(), conf, state, launch).lti_launch()
            except Exception as exc:  # the library's validation: a bad authentication request
                return self._send(400, f"Refused: {exc!r}")
            return self._send(200, form)
        return self._send(404, "Not found")

    def do_POST(self):
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        content_type = self.headers.get("Content-Type", "")
        form = dict(parse_qsl(body.decode())) if "form-urlencoded" in content_type else {}
        state = self.state
        if path == "/configure":
            state.tool = json.loads(body)
            return self._json(200, state.tool)
        conf = PlatformConf(registration=state.registration())
        if path == "/token":
            try:
                return self._json(200, conf.get_access_token(form))
            except (
                LtiException,
                KeyError,
                ValueError,
                jwt.InvalidTokenError,
            ) as exc:  # a bad client assertion
                return self._json(400, {"error": "invalid_client", "detail": repr(exc)})
        if path == "/deep-link-return":
            try:
                items = conf.validate_deeplinking_resp(form)
            except Exception as exc:  # bad signature, wrong type: the library refuses
                return self._send(400, f"Deep Linking response refused: {exc!r}")
            self._add_links(items)
            return self._send(200, "<!doctype html><title>Added</title><p>Added to the course.</p>")
        parts = path.strip("/").split("/")
        if len(parts) == 3 and parts[0] == "lineitems" and parts[2] == "scores":
            request = self._request(body=body)
            request.request["content_type"] = "application/json"  # vnd.ims.lis.v1.score+json is JSON
            request.request["json"] = json.loads(body)
            gradebook = Gradebook(request, conf, state, parts[1])
            try:
                response = gradebook.handle_resp(gradebook.handle_update_score, line_item_id=parts[1])
            except jwt.InvalidTokenError:
                return self._json(401, {"error": "invalid token"})
            return self._json(response.code, {"message": response.message})
        return self._send(404, "Not found")

    def _add_links(self, items):
        with self.state.lock:
            for item in items:
                if item.get("type") != "ltiResourceLink":
                    continue
                link_id = f"link-{len(self.state.links) + 1}"
                lineitem_id = None
                if item.get("lineItem"):
                    lineitem_id = f"li-{len(self.state.lineitems) + 1}"
                    self.state.lineitems[lineitem_id] = {**item["lineItem"], "resourceLinkId": link_id}
                self.state.links[link_id] = {
                    "title": item.get("title"),
                    "url": item.get("url"),
                    "custom": item.get("custom") or {},
                    "lineitem": lineitem_id,
                }


def main():
    port = int(sys.argv[1])
    Handler.state = State(port)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
