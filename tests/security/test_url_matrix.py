"""Every URL in the matrix: each pattern the resolver knows x each identity x our organisation's object and
another's, for the exact status the table in url_matrix.py gives; a refused POST must write nothing.

A URL added without a line in the table fails test_every_url_has_a_line; so does a line whose URL is gone."""

import re
import types

import pytest
from django.contrib.auth.views import redirect_to_login
from django.test import override_settings
from django.urls import NoReverseMatch, Resolver404, path, resolve, reverse
from url_matrix import CELLS, DATA, ENTRIES, IDENTITIES, LOGIN, REFUSALS, REFUSED_POSTS
from url_matrix_walk import coverage_problems, routes
from url_matrix_world import world_build

from certificates.views_organisation import organisation_certificates
from learning import urls as project_urls

pytestmark = pytest.mark.django_db

# Third-party patterns without a line of their own: every URL under /admin/ refuses people who are not
# Wagtail users as Wagtail does, by sending them to sign in (WAGTAILADMIN_LOGIN_URL: allauth's login). Which
# admin screens an editor or an admin may use is Wagtail's own permission system; the project's have lines.
PREFIX_RULES = {"admin/": {"anonymous": "login", "learner": "login", "supervisor": "login", "lead": "login"}}


def _value(o, attribute):
    if attribute.startswith("@"):
        return attribute[1:]
    value = o
    for part in attribute.split("."):
        value = getattr(value, part)
    return getattr(value, "pk", value)


def url_kwargs(entry, o):
    pairs = (pair.split("=", 1) for pair in entry.kw.split())
    return {arg: _value(o, attribute) for arg, attribute in pairs}


def entry_path(entry, o, kwargs):
    if entry.path is None:
        return reverse(entry.name, kwargs=kwargs)
    return entry.path if entry.path.startswith("/") else _value(o, entry.path)


def expected(token, entry, kwargs, o):
    if token == "302":
        return "302>" + entry.to.format(o=o, **kwargs)
    return token


def observed(response, asked):
    if response.status_code in (301, 302):
        location = response["Location"]
        if location == redirect_to_login(asked, login_url=LOGIN).url:
            return "login"
        return f"{response.status_code}>{location}"
    return str(response.status_code)


_PARAMETER = re.compile(r"<(?:(\w+):)?\w+>|\(\?P<\w+>([^)]*)\)|\(([^)]*)\)")


def sample_path(route):
    """A path that the route matches, for third-party patterns checked by a prefix rule."""

    def sample(match):
        converter, named, group = match.groups()
        pattern = named if named is not None else group
        if pattern is None:
            return "1" if converter == "int" else "x"
        first = pattern.split("|")[0]
        return "1" if "\\d" in first else ("x" if any(c in first for c in "\\[.*+") else first)

    text = _PARAMETER.sub(sample, route).replace("^", "").replace("$", "").replace("\\.", ".")
    return "/" + text.replace(".*", "x")


def prefix_rule_urls():
    """(path, route) for every third-party pattern checked by a prefix rule instead of a line."""
    named = {entry.name for entry in ENTRIES}
    found = []
    for route in routes():
        if route.key in named or route.is_project or not route.route.startswith(tuple(PREFIX_RULES)):
            continue
        found.append((sample_path(route.route), route))
    return found


@pytest.fixture
def matrix_settings(settings):
    """Test permissions, not sign-in: no second-factor requirement, no rate limits."""
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    settings.ACCOUNT_RATE_LIMITS = False
    settings.VERIFY_RATE_LIMIT = "100000/m"
    settings.RATELIMIT_ENABLE = False
    return settings


@pytest.fixture
def matrix_world(matrix_settings, django_capture_on_commit_callbacks):
    return world_build(django_capture_on_commit_callbacks)


def _run_entries(client, world, index, db_fingerprint, problems, observed_lines):
    """GET every line, then POST where the line says; returns how many checks ran."""
    checks = 0
    posts = []
    for entry in ENTRIES:
        seen_line = []
        for key, gets, post_tokens in entry.parts:
            o = getattr(world, key)
            kwargs = url_kwargs(entry, o)
            try:
                asked = entry_path(entry, o, kwargs)
            except NoReverseMatch:
                problems.append(f"{entry.name} [{key}]: no such URL (see test_every_url_has_a_line)")
                continue
            want = expected(gets[index], entry, kwargs, o)
            got = observed(client.get(asked), asked)
            checks += 1
            seen_line.append(got)
            if got != want:
                problems.append(f"{entry.name} [{key}] GET {asked}: expected {want}, got {got}")
            refused_on_get = gets[index] if gets[index] in REFUSALS else "ok"
            post_token = post_tokens[index] if post_tokens else refused_on_get
            if post_token != "ok":
                posts.append((entry, key, o, asked, expected(post_token, entry, kwargs, o)))
        observed_lines[entry.name] = seen_line
    before = db_fingerprint()
    for entry, key, o, asked, want in posts:
        got = observed(client.post(asked, DATA[entry.data or "empty"](o)), asked)
        after = db_fingerprint()
        checks += 1
        if changes := before.changes(after):
            got += f" and wrote {changes}"
        if got != want:
            problems.append(f"{entry.name} [{key}] POST {asked}: expected {want}, got {got}")
        before = after
    return checks


def _run_prefix_rules(client, identity, db_fingerprint, problems):
    """GET and POST every third-party URL a prefix rule covers; the POSTs together must write nothing."""
    checks = 0
    before = db_fingerprint()
    for asked, route in prefix_rule_urls():
        rule = next(rule for prefix, rule in PREFIX_RULES.items() if route.route.startswith(prefix))
        if identity not in rule:
            continue
        for method in ("get", "post"):
            got, want = observed(getattr(client, method)(asked), asked), rule[identity]
            checks += 1
            if got != want:
                problems.append(f"{route.key} {method.upper()} {asked}: expected {want}, got {got}")
    if changes := before.changes(db_fingerprint()):
        problems.append(f"the refused requests to third-party URLs wrote {changes}")
    return checks


@pytest.mark.parametrize("identity", IDENTITIES)
def test_every_url_answers_each_identity_as_the_table_says(identity, client, matrix_world, db_fingerprint):
    client.raise_request_exception = False  # a server error is an answer to check, not a crash of the test
    if identity != "anonymous":
        client.force_login(matrix_world.users[identity])
    problems, observed_lines = [], {}
    index = IDENTITIES.index(identity)
    checks = _run_entries(client, matrix_world, index, db_fingerprint, problems, observed_lines)
    checks += _run_prefix_rules(client, identity, db_fingerprint, problems)
    print(f"{identity}: {checks} checks (URL x object x method)")
    differing = sorted({problem.split(" ", 1)[0] for problem in problems})
    seen = "\n".join(
        f"  {name}: {' | '.join(observed_lines[name])}" for name in differing if name in observed_lines
    )
    assert not problems, (
        f"{identity}: {len(problems)} of {checks} checks differ from the table:\n"
        + "\n".join(problems)
        + f"\nWhat {identity} got on GET, by line:\n{seen}"
    )


def test_every_url_has_a_line():
    """Also prints (pytest -s) how big the matrix is, for the lead engineer to quote."""
    prefixed, asked_by = prefix_rule_urls(), {identity for rule in PREFIX_RULES.values() for identity in rule}
    both = sum(len(entry.parts) > 1 for entry in ENTRIES)
    print(
        f"URL matrix: {len(ENTRIES)} URL lines x {len(IDENTITIES)} identities x their objects (A's, and "
        f"B's for {both} lines) = {CELLS} GET cells and {REFUSED_POSTS} refused POSTs with a fingerprint; "
        f"{len(prefixed)} more Wagtail admin URLs x {len(asked_by)} identities x GET and POST = "
        f"{len(prefixed) * len(asked_by) * 2} prefix-rule checks"
    )
    missing, stale = coverage_problems({entry.name for entry in ENTRIES}, PREFIX_RULES)
    assert not missing, "URLs with no line in tests/security/url_matrix.py:\n" + "\n".join(missing)
    assert not stale, f"Lines naming URLs that no longer exist: {stale}"


def test_prefix_rule_samples_reach_their_patterns():
    """Each path the prefix rules ask for is answered by the pattern it stands for, not by another one."""
    wrong = []
    for asked, route in prefix_rule_urls():
        try:
            reached = resolve(asked).route
        except Resolver404:
            reached = None
        if reached is None or reached.replace("^", "") != route.route.replace("^", ""):
            wrong.append(f"{asked} reaches {reached}, not {route.route}")
    assert not wrong, "\n".join(wrong)


def test_a_url_added_without_a_line_is_reported():
    extra = types.ModuleType("urls_with_a_new_view")
    extra.urlpatterns = [
        *project_urls.urlpatterns[:1],
        path("organisation/<int:org_id>/new-report/", organisation_certificates, name="new_report"),
        *project_urls.urlpatterns[1:],
    ]
    with override_settings(ROOT_URLCONF=extra):
        missing, stale = coverage_problems({entry.name for entry in ENTRIES} | {"no_such_url"}, PREFIX_RULES)
    assert [line for line in missing if line.startswith("new_report ")] == [
        "new_report [organisation/<int:org_id>/new-report/] from certificates.views_organisation"
    ]
    assert "no_such_url" in stale
