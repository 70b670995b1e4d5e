"""The URL matrix: for every URL, what each identity gets, on organisation A's object and on B's.

One line per URL name. Every identity belongs to A (see url_matrix_world.py), so A's objects are their own
organisation's and B's are another organisation's. Each line:

    E(name, kw, get, post=None, data=None, to=None, path=None)

- `name`: the URL name ("namespace:name"), or the pattern text of a pattern without a name (then `path`).
- `kw`: the URL's arguments as `arg=attribute` pairs read from the organisation's objects (`.pk` of a model,
  `@text` for a literal), e.g. "entry_id=entry_submitted" or "org_id=organisation status=@overdue".
- `get`: one token per identity in the order of IDENTITIES; "A tokens | B tokens" for URLs that take an
  organisation's object, just "A tokens" for the others.
- `post`: the same, for URLs that take a POST: sent with `data` (a body that would succeed if the person were
  allowed) for every token except `ok`; a refused POST must also leave every table unchanged. Without `post`,
  POST is sent where GET refuses (login, 400, 403, 404, 405) and must refuse the same way.
- tokens: `login` (302 to LOGIN?next=<path>), a status (200, 403, 404, ...), `302` (302 to the line's `to`,
  formatted with the URL's arguments and `o`, the organisation's objects), `302>/path/` (302 there), `ok`.

Conventions the lines follow: anonymous people are sent to sign in; an organisation's pages (its staff,
coverage, certificates, quiz reports) answer 403 to people who may not see them; a person's private things
(reflections, attempts, exports, sessions, certificates by code, notifications) answer 404 to everyone but
those who may see them, so nobody learns they exist.
"""

# ruff: noqa: E501 (the table keeps one line per URL, however wide)
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

IDENTITIES = ("anonymous", "learner", "supervisor", "lead", "editor", "admin")
LOGIN = "/accounts/login/"  # allauth's: the one way in, Wagtail's admin included (WAGTAILADMIN_LOGIN_URL)
REFUSALS = ("login", "400", "403", "404", "405")


@dataclass(frozen=True)
class E:
    name: str
    kw: str = ""
    get: str = ""
    post: str | None = None
    data: str | None = None
    to: str | None = None
    path: str | None = None  # for patterns without a name: a literal "/path/", or an attribute giving it

    @property
    def parts(self):
        """[(organisation key, GET tokens, POST tokens or None)]: A's, and B's where the line has a B part."""
        gets = [part.split() for part in self.get.split("|")]
        posts = [part.split() for part in self.post.split("|")] if self.post else [None] * len(gets)
        sizes = {len(tokens) for tokens in gets + posts if tokens is not None}
        assert len(gets) in (1, 2) and len(posts) == len(gets), (
            f"{self.name}: an A part, and a B part or none"
        )
        assert sizes == {len(IDENTITIES)}, f"{self.name}: one token per identity"
        return list(zip("AB", gets, posts, strict=False))  # "AB" is longer when there is no B part


def _gift(_o):
    gift = b"::m1:: Matrix question? {=Yes ~No}\n"
    return {"file": SimpleUploadedFile("matrix.gift", gift, "text/plain")}


def _staff_csv(o):
    text = f"name,email\nTaken Over,{o.learner.user.email}\nBrand New,brand.new.{o.key}@example.org\n"
    return {"file": SimpleUploadedFile("staff.csv", text.encode(), "text/csv")}


def _stages(text):
    keys = ("description", "feelings", "evaluation", "analysis", "conclusion", "action_plan")
    return dict.fromkeys(keys, text)


# POST bodies that would succeed for someone allowed: a refusal must come from the permission, not the form.
DATA = {
    "empty": lambda o: {},
    "comment": lambda o: {"body": "A comment from the matrix."},
    "review": lambda o: {"decision": "sign_off", "body": "Signed off by the matrix."},
    "reflection": lambda o: {"title": "Rewritten by the matrix", **_stages("Rewritten.")},
    "reflection_new": lambda o: {"membership": o.learner.pk, "template": "gibbs", "title": "Matrix entry"},
    "submit": lambda o: {"step": "confirm", "confirm": "on"},
    "accept": lambda o: {"action": "accept"},
    "export": lambda o: {"entries": [o.entry_signed_off.pk]},
    "session": lambda o: {
        "held_on": date.today().isoformat(),
        "kind": "individual",
        "supervisees": [o.learner.pk],
        "summary": "Recorded by the matrix.",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    },
    "note": lambda o: {"body": "A note from the matrix."},
    "follow_up": lambda o: {"text": "Written by the matrix.", "supervisor": o.supervisor.pk},
    "observe": lambda o: {"observation": "Observed by the matrix.", "action": "sign_off"},
    "answers": lambda o: {f"q{item.position}": ["a"] for item in o.attempt.items.all()},
    "revoke": lambda o: {"action": "revoke", "reason": "Revoked by the matrix."},
    "team": lambda o: {"team": o.team.pk},
    "shares": lambda o: {},  # an unticked box: stop sharing
    "assignment": lambda o: {
        "module": o.content.certified.pk,
        "scope": "organisation",
        "due_rule": "date",
        "due_on": (date.today() + timedelta(days=60)).isoformat(),
    },
    "staff_csv": _staff_csv,
    "invite": lambda o: {"email": o.learner.user.email.replace("learner", "invitee"), "first_name": "New"},
    "lrs": lambda o: {
        "endpoint": "https://lrs.example.org/xAPI/",
        "key": "matrix",
        "new_secret": "s",
        "enabled": "on",
    },
    "preferences": lambda o: {"frequency": "weekly"},
    "profile": lambda o: {"first_name": "Matrix", "last_name": "Person"},
    "gift": _gift,
    "lms": lambda o: {
        "name": "Matrix LMS",
        "issuer": f"https://lms-{o.key}.example",
        "client_id": "matrix",
        "deployment_id": "1",
        "auth_url": f"https://lms-{o.key}.example/auth",
        "token_url": f"https://lms-{o.key}.example/token",
        "keyset_url": f"https://lms-{o.key}.example/jwks",
    },
    "record": lambda o: {
        "membership": o.learner.pk,
        "title": "Recorded by the matrix",
        "provider": "NES",
        "completed_on": (date.today() - timedelta(days=3)).isoformat(),
        "hours": "1.5",
        "participatory_hours": "0",
    },
    "decide": lambda o: {"decision": "verify"},
    "recorded": lambda o: {
        "module": o.content.practice.pk,
        "completed_on": (date.today() - timedelta(days=3)).isoformat(),
        "reason": "Recorded by the matrix.",
    },
    "equivalence": lambda o: {"title": "Matrix course", "provider": "NES", "module": o.content.practice.pk},
    "event": lambda o: {"title": "Matrix event", "delivery": "in_person", "cpd_minutes": "60"},
    "event_session": lambda o: {
        "starts_at": (date.today() + timedelta(days=9)).isoformat() + "T10:00",
        "ends_at": (date.today() + timedelta(days=9)).isoformat() + "T12:00",
        "place": "Matrix hall",
        "capacity": "5",
        "facilitator": o.supervisor.user.pk,
    },
    "attendance": lambda o: {"attended": [o.learner.user.pk]},
    "approve": lambda o: {"decision": "approve"},
}

RESET_DOOR = " ".join(["302>/accounts/password/reset/"] * 6)
CATCH_ALL = " ".join(["302>/admin/login/?next=/admin/no-such-screen/"] * 4 + ["404", "404"])

# Wagtail's screens for a snippet model: URL name -> the object argument it takes.
SNIPPET_SCREENS = {
    "wagtailsnippets_{}:list": "",
    "wagtailsnippets_{}:list_results": "",
    "wagtailsnippets_{}:add": "",
    "wagtailsnippets_{}:edit": "pk",
    "wagtailsnippets_{}:delete": "pk",
    "wagtailsnippets_{}:usage": "pk",
    "wagtailsnippets_{}:history": "pk",
    "wagtailsnippets_{}:history_results": "pk",
    "wagtailsnippets_{}:copy": "pk",
    "wagtailsnippetchoosers_{}:choose": "",
    "wagtailsnippetchoosers_{}:choose_results": "",
    "wagtailsnippetchoosers_{}:chosen": "pk",
    "wagtailsnippetchoosers_{}:chosen_multiple": "",
    "wagtailsnippetchoosers_{}:create": "",
}
# (GET, POST) on every screen: people and organisations are for platform admins only (an editor is sent to
# the admin's home, as Wagtail does without permission, choosers included: they list people and addresses);
# content models for editors too. Everyone else is sent to sign in.
ADMINS_ONLY = ("login login login login 302>/admin/ 200", "login login login login 302>/admin/ ok")
EDITORS_TOO = ("login login login login 200 200", "login login login login ok ok")


def _no_creation_form(tokens):
    """A chooser's "create" screen: no chooser has a creation form (people are made through the services, content
    on its own screens), so whoever may use the listing gets 404 there (learning/core/snippet_choosers.py)."""
    return tuple(
        " ".join("404" if token in ("200", "ok") else token for token in part.split()) for part in tokens
    )


def snippet_lines(model, obj, tokens, *, per_org):
    """One line per Wagtail screen of a project snippet model (`app_model`); `obj` is the object the screens
    with a pk show, `per_org` when it belongs to an organisation (then A's and B's are both asked for)."""
    lines = []
    for name, arg in SNIPPET_SCREENS.items():
        get, post = _no_creation_form(tokens) if name == "wagtailsnippetchoosers_{}:create" else tokens
        both = per_org and arg
        lines.append(
            E(
                name.format(model),
                f"pk={obj}" if arg else "",
                f"{get} | {get}" if both else get,
                post=f"{post} | {post}" if both else post,
                data="empty",
            )
        )
    return lines


# fmt: off
# Identities:                        anonymous learner supervisor lead editor admin
ENTRIES = [
    # --- platform
    E("health", "", "200 200 200 200 200 200"),
    # --- learning (learning/progress): content is the same for every organisation
    E("my_learning", "", "login 200 200 200 200 200"),
    E("catalogue", "", "200 200 200 200 200 200"),
    E("module_overview", "module_id=content.assigned", "200 302 302 302 302 302", to="{o.content.assigned.url}"),
    E("module_enrol", "module_id=content.assigned", "login 405 405 405 405 405", post="login ok ok ok ok ok", data="empty"),
    E("lesson_complete", "lesson_id=content.lesson", "login 405 405 405 405 405", post="login ok ok ok ok ok", data="empty"),
    # --- organisations
    E("organisation_home", "", "login 403 403 302 403 200", to="/organisation/{o.organisation.pk}/staff/"),
    E("organisation_staff", "pk=organisation", "login 403 200 200 403 200 | login 403 403 403 403 200"),
    E("invitation_new", "pk=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="invite"),
    E("invitation_resend", "pk=organisation invitation_id=invitation", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="empty"),
    E("invitation_cancel", "pk=organisation invitation_id=invitation", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="empty"),
    # An invitation is for its address only: signed out, one signs up with it; anyone else signed in gets 403.
    E("invitation_accept", "token=invitation.token", "302>/accounts/signup/ 403 403 403 403 403 | "
                                                     "302>/accounts/signup/ 403 403 403 403 403",
      post="302>/accounts/signup/ 403 403 403 403 403 | 302>/accounts/signup/ 403 403 403 403 403", data="accept"),
    # --- LTI 1.3 (learning/lti): login, launch and keys are public by nature (an LMS and the person it sends call
    # them signed out; each launch proves itself by the LMS's signature, state and nonce): without a launch they
    # answer 400, a GET of the launch 405. Registering an LMS is for the organisation's leads.
    E("lti_login", "", "400 400 400 400 400 400"),
    E("lti_launch", "", "405 405 405 405 405 405", post="400 400 400 400 400 400", data="empty"),
    E("lti_jwks", "", "200 200 200 200 200 200"),
    E("lti_registrations", "pk=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    E("lti_registration_new", "pk=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="lms"),
    # --- provisioning (learning/provisioning, docs/scim.md): the lead's SCIM token page is an organisation page.
    # The SCIM endpoints answer an organisation's bearer token only, so anonymous people and every signed-in
    # session alike get SCIM's 401 with a SCIM error body, not the sign-in redirect: their callers are identity
    # providers, not people (tests/provisioning covers the token's own answers).
    E("scim_token", "pk=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    *[E(f"scim:{name}", "", "401 401 401 401 401 401", post="401 401 401 401 401 401", data="empty")
      for name in ("users", "groups", "service-provider-config", "resource-types", "schemas")],
    # --- supervision (assessments): sessions are seen by the supervisor who recorded them and those who took part
    E("supervision", "", "login 403 200 403 403 403"),
    E("review_queue", "", "login 403 200 403 403 403"),
    E("session_list", "", "login 200 200 200 200 200"),
    E("session_new", "", "login 403 200 403 403 403", post="login 403 ok 403 403 403", data="session"),
    E("session_detail", "session_id=session", "login 200 200 404 404 404 | login 404 404 404 404 404"),
    E("session_edit", "session_id=session", "login 404 200 404 404 404 | login 404 404 404 404 404",
      post="login 404 ok 404 404 404 | login 404 404 404 404 404", data="session"),
    E("session_note", "session_id=session", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 302 404 404 404 | login 404 404 404 404 404", data="note", to="/supervision/sessions/{session_id}/"),
    # --- reflections: the author, and the supervisor it was submitted to once it is submitted; nobody else,
    # platform admins included (404: nobody learns that someone else's reflection exists)
    E("reflection_list", "", "login 200 200 200 200 200"),
    E("reflection_new", "", "login 200 200 200 200 200", post="login ok 200 200 200 200", data="reflection_new"),
    E("reflection_detail", "entry_id=entry_submitted", "login 200 200 404 404 404 | login 404 404 404 404 404"),
    E("reflection_edit", "entry_id=entry_draft", "login 200 404 404 404 404 | login 404 404 404 404 404",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="reflection"),
    E("reflection_autosave", "entry_id=entry_draft", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="reflection"),
    E("reflection_submit", "entry_id=entry_draft", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="submit"),
    E("reflection_withdraw", "entry_id=entry_submitted", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 302 404 404 404 | login 404 404 404 404 404", data="empty", to="/reflections/{entry_id}/"),
    E("reflection_delete", "entry_id=entry_draft", "login 200 404 404 404 404 | login 404 404 404 404 404",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="empty"),
    E("reflection_share", "entry_id=entry_signed_off", "login 302 404 404 404 404 | login 404 404 404 404 404",
      post="login 302 404 404 404 404 | login 404 404 404 404 404", data="empty", to="/reflections/{entry_id}/"),
    E("reflection_comment", "entry_id=entry_submitted", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok ok 404 404 404 | login 404 404 404 404 404", data="comment"),
    E("reflection_review", "entry_id=entry_submitted", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 302 ok 404 404 404 | login 404 404 404 404 404", data="review", to="/reflections/{entry_id}/"),
    # Asking for a PDF of someone else's reflections: sent back to one's own list with a message.
    E("reflection_export_new", "", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 302 302 302 302 | login 302 302 302 302 302", data="export", to="/reflections/"),
    E("reflection_export", "export_id=export", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    E("reflection_export_status", "export_id=export", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    E("reflection_export_download", "export_id=export", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    # --- follow-ups on practice: the learner, and the supervisor it was sent to once it is sent; nobody else,
    # platform admins and leads included (leads see counts only: coverage_follow_ups)
    E("follow_up_list", "", "login 200 200 200 200 200"),
    E("follow_up_detail", "follow_up_id=follow_up_submitted", "login 200 200 404 404 404 | login 404 404 404 404 404"),
    E("follow_up_submit", "follow_up_id=follow_up_due", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="follow_up"),
    E("follow_up_observe", "follow_up_id=follow_up_submitted", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 302 ok 404 404 404 | login 404 404 404 404 404", data="observe", to="/follow-ups/{follow_up_id}/"),
    E("notification_list", "", "login 200 200 200 200 200"),
    E("notification_open", "notification_id=notification", "login 302 404 404 404 404 | login 404 404 404 404 404",
      to="/supervision/sessions/{o.session.pk}/"),
    # --- quizzes: anyone signed in may take one; an attempt is its learner's alone
    E("quiz_detail", "quiz_id=content.quiz", "login 200 200 200 200 200"),
    E("attempt_start", "quiz_id=content.quiz", "login 405 405 405 405 405", post="login ok ok ok ok ok", data="empty"),
    E("attempt_take", "attempt_id=attempt", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    E("attempt_save", "attempt_id=attempt", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="answers"),
    E("attempt_submit", "attempt_id=attempt", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="answers"),
    E("attempt_review", "attempt_id=attempt_graded", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    E("organisation_quizzes", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    E("organisation_quiz_analysis", "org_id=organisation quiz_id=content.quiz",
      "login 403 403 200 403 200 | login 403 403 403 403 200"),
    # Quiz tools in the Wagtail admin: editors and admins; everyone else is sent to sign in as Wagtail does.
    E("assessments_quiz_tools:index", "", "login login login login 200 200"),
    E("assessments_quiz_tools:import", "quiz_id=content.quiz", "login login login login 200 200",
      post="login login login login ok ok", data="gift"),
    E("assessments_quiz_tools:export", "quiz_id=content.quiz fmt=@gift", "login login login login 200 200"),
    E("assessments_quiz_tools:analysis", "quiz_id=content.quiz", "login login login login 200 200"),
    # --- certificates: by code, for those who may see the holder's record (404 otherwise); managed by the
    # holder's leads and admins; the verify page and the badge keys are public
    E("my_certificates", "", "login 200 200 200 200 200"),
    # The way to a module's certificate: each person's own; 404 to those not enrolled in the module.
    E("certificate_status", "module_id=content.certified", "login 200 404 404 404 404"),
    # Download my data: each person's own; the learner's export is theirs alone (404 to all others, B's to all).
    E("privacy_data_export", "", "login 200 200 200 200 200"),
    E("privacy_data_export_ask", "", "login 405 405 405 405 405", post="login ok ok ok ok ok"),
    E("privacy_data_export_status", "export_id=data_export", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    E("privacy_data_export_download", "export_id=data_export", "login 200 404 404 404 404 | login 404 404 404 404 404"),
    E("privacy_erasure_request", "", "login 200 200 200 200 200", post="login ok ok ok ok ok", data="empty"),
    E("privacy_organisation_audit", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    E("privacy_person_erase", "user_id=learner.user", f"{ADMINS_ONLY[0]} | {ADMINS_ONLY[0]}",
      post=f"{ADMINS_ONLY[1]} | {ADMINS_ONLY[1]}", data="empty"),
    E("certificate_page", "code=certificate.code", "login 200 200 200 404 200 | login 404 404 404 404 200"),
    E("certificate_pdf", "code=certificate.code", "login 200 200 200 404 200 | login 404 404 404 404 200"),
    E("certificate_badge", "code=certificate.code", "login 200 200 200 404 200 | login 404 404 404 404 200"),
    E("certificate_manage", "code=certificate.code", "login 404 404 200 404 200 | login 404 404 404 404 200",
      post="login 404 404 ok 404 ok | login 404 404 404 404 ok", data="revoke"),
    E("certificate_verify_form", "", "200 200 200 200 200 200"),
    E("certificate_verify", "code=certificate.code", "200 200 200 200 200 200 | 200 200 200 200 200 200"),
    E("certificate_jwks", "", "200 200 200 200 200 200"),
    # Open Badges documents (docs/open-badges.md): public JSON at the ids badges name, A's and B's alike.
    E("openbadges_did", "", "200 200 200 200 200 200"),
    E("openbadges_issuer", "", "200 200 200 200 200 200"),
    E("openbadges_achievement", "module_id=certificate.completion.module_id", "200 200 200 200 200 200 | 200 200 200 200 200 200"),
    E("openbadges_status_list", "page=@0", "200 200 200 200 200 200"),
    E("organisation_certificates", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    E("bundle_create", "org_id=organisation", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="team"),
    # A ZIP of certificates is for the lead who asked for it, admins included.
    E("bundle_detail", "bundle_id=bundle", "login 403 403 200 403 403 | login 403 403 403 403 403"),
    E("bundle_status", "bundle_id=bundle", "login 403 403 200 403 403 | login 403 403 403 403 403"),
    E("bundle_retry", "bundle_id=bundle", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 403 | login 403 403 403 403 403", data="empty"),
    E("bundle_download", "bundle_id=bundle", "login 403 403 200 403 403 | login 403 403 403 403 403"),
    # --- coverage (learning/coverage): leads and admins; supervisors see their own supervisees' figures
    E("coverage_home", "", "login 403 302 302 403 200", to="/coverage/organisation/{o.organisation.pk}/"),
    E("coverage_preferences", "", "login 200 200 200 200 200", post="login ok ok ok ok ok", data="preferences"),
    # Where someone who just joined starts: their first assigned module (the world's members are required to
    # take one, except its lead, who is no learner), else My learning.
    E("first_assigned_module", "", "login 302 302 302>/my-learning/ 302 302",
      to="{o.content.assigned.url}"),
    E("coverage_dashboard", "org_id=organisation", "login 403 200 200 403 200 | login 403 403 403 403 200"),
    E("coverage_people", "org_id=organisation status=@overdue", "login 403 200 200 403 200 | login 403 403 403 403 200"),
    E("coverage_export_csv", "org_id=organisation", "login 403 200 200 403 200 | login 403 403 403 403 200"),
    E("coverage_export_xlsx", "org_id=organisation", "login 403 200 200 403 200 | login 403 403 403 403 200"),
    E("coverage_sharing", "org_id=organisation", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="shares"),
    E("coverage_assignments", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="assignment"),
    E("coverage_assignment_edit", "org_id=organisation pk=assignment", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="assignment"),
    E("coverage_assignment_remove", "org_id=organisation pk=assignment",
      "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="empty"),
    E("coverage_import", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="staff_csv"),
    # A staff import is confirmed by the lead who uploaded it (404 for anyone else who may import there).
    E("coverage_import_confirm", "org_id=organisation import_id=staff_import",
      "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 404 | login 403 403 403 403 404", data="empty"),
    E("coverage_import_template", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    E("coverage_follow_ups", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200"),
    E("coverage_partnership", "org_id=adp", "login 403 403 403 403 200 | login 403 403 403 403 200"),
    E("coverage_record", "membership_id=learner", "login 200 200 200 403 200 | login 403 403 403 403 200"),
    E("coverage_record_export_csv", "membership_id=learner", "login 200 200 200 403 200 | login 403 403 403 403 200"),
    E("coverage_record_export_xlsx", "membership_id=learner", "login 200 200 200 403 200 | login 403 403 403 403 200"),
    # --- learning done elsewhere (learning/records): a record is its owner's, their supervisor's and their
    # organisation's leads' (and admins'); 404 to anyone else. Nobody decides their own. Leads manage their
    # organisation's recognised courses and record completions for their staff (403 elsewhere).
    E("records_list", "", "login 200 200 200 200 200"),
    E("records_new", "", "login 200 200 200 200 200", post="login ok ok ok ok ok", data="record"),
    E("records_detail", "record_id=external_record", "login 200 200 200 404 200 | login 404 404 404 404 200"),
    E("records_edit", "record_id=external_record", "login 200 404 404 404 404 | login 404 404 404 404 404",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="record"),
    E("records_evidence", "record_id=external_record", "login 200 200 200 404 200 | login 404 404 404 404 200"),
    E("records_decide", "record_id=external_record", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 302 ok ok 404 302 | login 404 404 404 404 302", data="decide",
      to="/learning-elsewhere/{record_id}/"),
    E("records_verify_queue", "", "login 200 200 200 200 200"),
    E("records_cpd", "", "login 200 200 200 200 200"),
    E("records_person_cpd", "membership_id=learner", "login 200 200 200 403 200 | login 403 403 403 403 200"),
    E("records_completion_new", "membership_id=learner", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="recorded"),
    E("records_equivalences", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="equivalence"),
    E("records_equivalence_delete", "org_id=organisation pk=equivalence",
      "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="empty"),
    # --- events (learning/events): an organisation's events are organisation pages (403 to other organisations);
    # a booking is its person's (404 to others, admins included); the register is the facilitator's and leads'
    E("event_list", "", "login 200 200 200 200 200"),
    E("event_approvals", "", "login 200 200 200 200 200"),
    E("event_detail", "event_id=event", "login 200 200 200 200 200 | login 403 403 403 403 200"),
    E("event_book", "session_id=event_session", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok ok ok ok ok | login 403 403 403 403 ok", data="empty"),
    E("booking_cancel", "booking_id=booking", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login ok 404 404 404 404 | login 404 404 404 404 404", data="empty"),
    E("booking_decide", "booking_id=booking_pending", "login 405 405 405 405 405 | login 405 405 405 405 405",
      post="login 404 ok ok 404 404 | login 404 404 404 404 404", data="approve"),
    E("organisation_events", "org_id=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="event"),
    E("event_edit", "event_id=event", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="event"),
    E("event_session_new", "event_id=event", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="event_session"),
    E("event_session_edit", "session_id=event_session", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="event_session"),
    E("event_attendance", "session_id=event_session", "login 403 200 200 403 200 | login 403 403 403 403 200",
      post="login 403 ok ok 403 ok | login 403 403 403 403 ok", data="attendance"),
    E("event_sign_in_sheet", "session_id=event_session", "login 403 200 200 403 200 | login 403 403 403 403 200"),
    # --- learning standards (learning/xapi): an organisation's LRS is set by its leads (403 elsewhere); a module's
    # cmi5 package is for editors and workforce leads
    E("xapi_lrs", "pk=organisation", "login 403 403 200 403 200 | login 403 403 403 403 200",
      post="login 403 403 ok 403 ok | login 403 403 403 403 ok", data="lrs"),
    E("cmi5_export", "module_id=content.certified", "login 403 403 200 200 200"),
    # --- the Wagtail admin's screens for the project's models
    *snippet_lines("organisations_organisation", "organisation", ADMINS_ONLY, per_org=True),
    *snippet_lines("organisations_team", "team", ADMINS_ONLY, per_org=True),
    *snippet_lines("organisations_membership", "learner", ADMINS_ONLY, per_org=True),
    *snippet_lines("organisations_invitation", "invitation", ADMINS_ONLY, per_org=True),
    *snippet_lines("sso_organisationsignon", "sign_on", ADMINS_ONLY, per_org=True),
    *snippet_lines("modules_topic", "content.topic", EDITORS_TOO, per_org=False),
    *snippet_lines("modules_frameworklevel", "content.level", EDITORS_TOO, per_org=False),
    *snippet_lines("assessments_quiz", "content.quiz", EDITORS_TOO, per_org=False),
    *snippet_lines("assessments_question", "content.question", EDITORS_TOO, per_org=False),
    # --- sign-in: Wagtail's doors lead to allauth's (learning/accounts/urls.py), for everyone
    E("^admin/login/$", "", "302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ "
                            "302>/accounts/login/ 302>/accounts/login/", path="/admin/login/"),
    E("^admin/password_reset/", "", RESET_DOOR, path="/admin/password_reset/"),
    E("^_util/login/$", "", "302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ "
                            "302>/accounts/login/ 302>/accounts/login/", path="/_util/login/"),
    E("wagtailadmin_login", "", "302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ "
                                "302>/accounts/login/ 302>/accounts/login/"),
    E("wagtailadmin_password_reset", "", RESET_DOOR),
    E("wagtailadmin_password_reset_done", "", RESET_DOOR),
    E("wagtailadmin_password_reset_confirm", "uidb64=@x token=@x", RESET_DOOR),
    E("wagtailadmin_password_reset_complete", "", RESET_DOOR),
    # Wagtail's own answers outside its login: the admin's catch-all (to its login door), its script catalogue
    # and icon sprite (public, as in Wagtail).
    E("admin/^.*/$", "", CATCH_ALL, post=CATCH_ALL, data="empty", path="/admin/no-such-screen/"),
    E("wagtailadmin_javascript_catalog", "", "200 200 200 200 200 200"),
    E("wagtailadmin_sprite", "", "200 200 200 200 200 200"),
    E("wagtailcore_login", "", "302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ 302>/accounts/login/ "
                               "302>/accounts/login/ 302>/accounts/login/"),
    # --- the account hub (learning/accounts/urls_hub.py): one's own account, for everyone signed in
    E("account_hub", "", "login 200 200 200 200 200"),
    E("account_profile", "", "login 200 200 200 200 200", post="login ok ok ok ok ok", data="profile"),
    # --- allauth's pages: public ones, and the ones about one's own account. Signed in, the sign-in pages
    # send each person to their home (learning/accounts/home.py).
    E("account_login", "", "200 302>/my-learning/ 302>/supervision/ 302>/coverage/ 302>/admin/ 302>/admin/"),
    E("account_logout", "", "302>/ 200 200 200 200 200"),
    E("account_inactive", "", "200 200 200 200 200 200"),
    E("account_signup", "", "200 302>/my-learning/ 302>/supervision/ 302>/coverage/ 302>/admin/ 302>/admin/"),
    E("account_reauthenticate", "", "login 200 200 200 200 200"),
    E("account_request_reauthentication_code", "", "login 302 302 302 302 302", to="/accounts/reauthenticate/"),
    E("account_confirm_reauthentication_code", "", "login 302 302 302 302 302", to="/accounts/reauthenticate/code/"),
    E("account_email", "", "login 200 200 200 200 200"),
    E("usersessions_list", "", "login 200 200 200 200 200"),  # allauth's: one's own sessions (a leaver's end)
    E("account_email_verification_sent", "", "200 200 200 200 200 200"),
    E("account_change_password", "", "login 200 200 200 200 200"),
    E("account_set_password", "", "login 302 302 302 302 302", to="/accounts/password/change/"),
    E("account_reset_password", "", "200 200 200 200 200 200"),
    E("account_confirm_login_code", "", "302>/accounts/login/ 302>/my-learning/ 302>/supervision/ 302>/coverage/ 302>/admin/ 302>/admin/"),
    E("account_confirm_email", "key=@x", "200 200 200 200 200 200"),
    E("account_reset_password_from_key_done", "", "200 200 200 200 200 200"),
    E("account_reset_password_from_key", "uidb36=@x key=@x", "200 200 200 200 200 200"),
    E("account_reset_password_done", "", "200 200 200 200 200 200"),
    E("mfa_index", "", "login 200 200 200 200 200"),
    E("mfa_authenticate", "", "302>/accounts/login/ 302>/my-learning/ 302>/supervision/ 302>/coverage/ 302>/admin/ 302>/admin/"),
    E("mfa_reauthenticate", "", "login 302 302 302 302 302", to="/accounts/reauthenticate/"),
    E("mfa_activate_totp", "", "302>/accounts/login/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F 302 302 302 302 302",
      to="/accounts/2fa/"),
    E("mfa_deactivate_totp", "", "login 404 404 404 404 404"),
    E("mfa_view_recovery_codes", "", "login 404 404 404 404 404", post="login 405 405 405 405 405", data="empty"),
    E("mfa_generate_recovery_codes", "",
      "302>/accounts/login/?next=%2Faccounts%2F2fa%2Frecovery-codes%2Fgenerate%2F 302 302 302 302 302",
      to="/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Frecovery-codes%2Fgenerate%2F"),
    E("mfa_download_recovery_codes", "", "login 404 404 404 404 404"),
    # --- single sign-on (learning/sso, docs/sso.md): allauth's identity-provider pages, public as the sign-in page
    # is; A's organisation signs in through OpenID Connect, B's through SAML. Without a sign-in under way the
    # callbacks answer allauth's "sign-in failed" (401) or "not a SAML message" (400).
    E("openid_connect_login", "provider_id=@matrix-a", "200 200 200 200 200 200"),
    E("openid_connect_callback", "provider_id=@matrix-a", "401 401 401 401 401 401"),
    E("saml_login", "organization_slug=@matrix-b", "200 200 200 200 200 200"),
    E("saml_acs", "organization_slug=@matrix-b", "302 302 302 302 302 302", to="/accounts/saml/{organization_slug}/acs/finish/"),
    E("saml_finish_acs", "organization_slug=@matrix-b", "401 401 401 401 401 401"),
    E("saml_sls", "organization_slug=@matrix-b", "400 400 400 400 400 400"),
    E("saml_metadata", "organization_slug=@matrix-b", "200 200 200 200 200 200"),
    E("socialaccount_connections", "", "login 200 200 200 200 200"),
    E("socialaccount_login_cancelled", "", "200 200 200 200 200 200"),
    E("socialaccount_login_error", "", "401 401 401 401 401 401"),
    E("socialaccount_signup", "", " ".join(["302>/accounts/login/"] * 6)),
    # allauth's old addresses for the same pages, sent on to the new ones
    *[E(f"accounts/social/{old}", "", " ".join([f"301>/accounts/3rdparty/{new}"] * 6), path=f"/accounts/social/{old}")
      for old, new in (("connections/", ""), ("login/cancelled/",) * 2, ("login/error/",) * 2, ("signup/",) * 2)],
    # --- Wagtail outside the admin: lessons are for people signed in; documents and their password form are public
    E("wagtail_serve", "", "login 200 200 200 200 200", path="content.lesson.url"),
    E("wagtailcore_authenticate_with_password", "page_view_restriction_id=content.sign_in_only page_id=content.lesson",
      "200 200 200 200 200 200"),
    E("wagtaildocs_serve", "", "200 200 200 200 200 200", path="content.document.url"),
    E("wagtaildocs_authenticate_with_password", "restriction_id=@1", "404 404 404 404 404 404"),
]
# fmt: on

# How big the table is: (URL line x object) cells, each asked by every identity; and the refused POSTs it sends.
CELLS = sum(len(entry.parts) for entry in ENTRIES) * len(IDENTITIES)
REFUSED_POSTS = sum(
    token != "ok" if posts else token in REFUSALS
    for entry in ENTRIES
    for _key, gets, posts in entry.parts
    for token in (posts or gets)
)
