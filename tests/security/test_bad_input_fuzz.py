"""Generated bad input against every form a learner, supervisor and lead can post, the staff CSV import
(upload and confirm) and the GIFT and Moodle XML importers: never a server error, and an import that fails
writes nothing (security "What to build" item 5).

The forms come from the URL matrix (url_matrix.py), which has a line for every URL the resolver knows with a
POST body that would succeed, and from the POST forms on every page the matrix opens for the role; a new form
is fuzzed here as soon as it has its line. Each post runs in a savepoint that is rolled back, so every example
meets the same world. Example counts are kept small for speed."""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_url_matrix import entry_path, url_kwargs
from url_matrix import DATA, ENTRIES, IDENTITIES, REFUSALS
from url_matrix_world import world_build

from assessments.models import Quiz
from learning.coverage.models import StaffImport
from learning.organisations.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
ROLES = ("learner", "supervisor", "lead")
FUZZ = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text people (or attackers) paste: NUL, formula prefixes, huge, non-Latin, numbers out of range, markup.
NASTY = st.sampled_from(
    [
        "\x00",
        "a\x00b",
        '=HYPERLINK("http://evil.example","x")',
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "x" * 100_000,
        "é" * 2_000,
        "😀" * 300,
        "Ω≈ç√∫",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "0",
        "-1",
        "2147483648",
        "99999999999999999999",
        "1e309",
        "NaN",
        "2026-02-30",
        "1/1/1",
        " ",
        "",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=30))
# Names some views read straight from the POST, added to every body.
RAW_KEYS = ("action", "next", "team", "step", "confirm", "decision", "entries", "q1")
# Signing out ends the session the rest of the example needs; signing in is the accounts work's own tests.
# The OpenID Connect sign-in form's answer is the provider's (its discovery document first), which the matrix
# world points at an address where nothing listens: it answers 502, "your organisation's sign-in is not
# available" (tests/sso/test_sign_in_page.py; tests/browser/test_sso_sign_in.py signs in through a real one).
SKIPPED_ACTIONS = ("/accounts/logout/", "/accounts/login/", "/accounts/reauthenticate/", "/accounts/oidc/")


@pytest.fixture
def fuzz_settings(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    settings.RATELIMIT_ENABLE = False
    return settings


def _postable(role):
    """The matrix lines whose POST this role may send on its own organisation's object."""
    index = IDENTITIES.index(role)
    return [entry for entry in ENTRIES if entry.post and entry.parts[0][2][index] not in REFUSALS]


def _fuzzed(data, body):
    """The successful body with any of its values swapped for bad input, and a few raw names added."""
    fuzzed = {}
    for key, value in body.items():
        if isinstance(value, SimpleUploadedFile):
            text = data.draw(st.one_of(st.none(), TEXT), label=key)
            fuzzed[key] = (
                value if text is None else SimpleUploadedFile(value.name, text.encode(), value.content_type)
            )
        elif isinstance(value, list):
            fuzzed[key] = data.draw(st.one_of(st.just(value), st.lists(TEXT, max_size=3)), label=key)
        else:
            fuzzed[key] = data.draw(st.one_of(st.just(value), TEXT), label=key)
    extra = data.draw(st.dictionaries(st.sampled_from(RAW_KEYS), TEXT, max_size=2), label="raw")
    return {**extra, **fuzzed}


class _PostForms(HTMLParser):
    """The POST forms of a page: [(action, {field name: value a person would send unchanged})]."""

    def __init__(self, page):
        super().__init__()
        self.page, self.forms = page, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            post = (attrs.get("method") or "").lower() == "post"
            self.forms.append((attrs.get("action") or self.page, {}) if post else None)
        elif not self.forms or self.forms[-1] is None or not attrs.get("name"):
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.forms[-1][1].setdefault(attrs["name"], attrs.get("value") or "")
        elif tag in ("textarea", "select"):
            self.forms[-1][1].setdefault(attrs["name"], "")

    def handle_endtag(self, tag):
        if tag == "form" and self.forms and self.forms[-1] is None:
            self.forms.pop()


def _page_forms(client, world, role):
    """(path, body) for each POST form on the pages this role may open (a GET line of 200 in the matrix),
    beyond those the matrix posts itself: the verify form, allauth's account pages and so on."""
    index, posted, found = IDENTITIES.index(role), set(), {}
    for entry in _postable(role):
        posted.add(entry_path(entry, world.A, url_kwargs(entry, world.A)))
    for entry in ENTRIES:
        if entry.parts[0][1][index] != "200" or entry.name.startswith(("wagtail", "admin", "^")):
            continue
        page = entry_path(entry, world.A, url_kwargs(entry, world.A))
        response = client.get(page)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue  # a download
        parser = _PostForms(page)
        parser.feed(response.content.decode())
        for action, body in filter(None, parser.forms):
            if action not in posted and not action.startswith(SKIPPED_ACTIONS):
                found.setdefault((action, tuple(sorted(body))), body)
    return [(action, body) for (action, _names), body in found.items()]


def _post_and_roll_back(client, path, body):
    with transaction.atomic():
        response = client.post(path, body)
        transaction.set_rollback(True)
    return response


def test_no_form_answers_bad_input_with_a_server_error(
    client, fuzz_settings, django_capture_on_commit_callbacks
):
    world = world_build(django_capture_on_commit_callbacks)
    forms = {}
    for role in ROLES:  # (path, a fresh successful body): uploaded files can be read only once
        client.force_login(world.users[role])
        forms[role] = [
            (
                entry_path(entry, world.A, url_kwargs(entry, world.A)),
                lambda entry=entry: DATA[entry.data or "empty"](world.A),
            )
            for entry in _postable(role)
        ]
        forms[role] += [
            (path, lambda body=body: dict(body)) for path, body in _page_forms(client, world, role)
        ]
    assert {role: len(found) >= 10 for role, found in forms.items()} == dict.fromkeys(ROLES, True)

    @FUZZ
    @given(data=st.data())
    def post_every_form(data):
        for role in ROLES:
            client.force_login(world.users[role])
            for path, body in forms[role]:
                response = _post_and_roll_back(client, path, _fuzzed(data, body()))
                assert response.status_code < 500, f"{role} POST {path}: {response.status_code}"

    post_every_form()


# --- staff CSV: upload, then confirm what the preview accepted ---------------------------------------------

HEADER = ["name", "email", "team", "job title", "supervisor email", "roles"]


def _usually(good, bad=TEXT):
    """Mostly a good value, so that whole files pass the preview and reach confirm; sometimes bad input."""
    return st.one_of(good, good, good, bad)


# One row: a name, an email, a team, a job title, a supervisor's email and roles; a good row has no bad input.
GOOD_VALUES = (
    st.sampled_from(["Robin Hay", "Siân Ó Briain", "Ash"]),
    st.emails(),
    st.sampled_from(["", "Red", "Outreach"]),
    st.sampled_from(["", "Nurse"]),
    st.just(""),
    st.sampled_from(["learner", "supervisor", "lead; learner", ""]),
)
GOOD_ROW = st.tuples(*GOOD_VALUES)
ROW = st.tuples(*(_usually(values) for values in GOOD_VALUES))
HEADERS = st.one_of(st.just(HEADER), st.lists(st.one_of(TEXT, st.sampled_from(HEADER)), max_size=6))


def _csv_text(header, rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue()


@pytest.fixture
def lead(fuzz_settings):
    return MembershipFactory(is_learner=False, is_lead=True, user__email="lead.fuzz@example.org")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(
        st.builds(_csv_text, st.just(HEADER), st.lists(GOOD_ROW, min_size=1, max_size=4)),
        st.builds(_csv_text, HEADERS, st.lists(ROW, max_size=4)),
        st.text(max_size=300),
    )
)
def test_staff_csv_never_fails_and_a_failed_confirm_writes_nothing(client, lead, db_fingerprint, text):
    client.force_login(lead.user)
    organisation = lead.organisation
    StaffImport.objects.all().delete()
    before = db_fingerprint()
    upload = SimpleUploadedFile("staff.csv", text.encode("utf-8"), content_type="text/csv")
    response = client.post(reverse("coverage_import", args=[organisation.pk]), {"file": upload})
    assert response.status_code == 200
    pending = StaffImport.objects.filter(organisation=organisation).first()
    if pending is None:
        event("refused at preview")
        assert not before.changes(db_fingerprint())  # a refused file is not even kept
        return
    confirm = client.post(reverse("coverage_import_confirm", args=[organisation.pk, pending.pk]))
    assert confirm.status_code == 302
    if confirm.url == reverse("coverage_import", args=[organisation.pk]):  # refused: nothing applied
        event("refused at confirm")
        assert set(before.changes(db_fingerprint())) <= {StaffImport._meta.db_table}
    else:
        event("applied")


# --- question importers ---------------------------------------------------------------------------------

GIFT_BITS = st.sampled_from(
    [
        "::",
        "::q1::",
        "{",
        "}",
        "=",
        "~",
        "#",
        "####",
        "~%50%",
        "~%-100%",
        "%",
        "->",
        "TRUE",
        "F",
        "\\",
        "\\{",
        "[html]",
        "[plain]",
        "$CATEGORY: top/x",
        "// [tag:x]",
        "// [shuffle:false]",
        "\n",
        "\n\n",
        "<b>",
        "&amp;",
    ]
)
XML_BITS = st.sampled_from(
    [
        "<quiz>",
        "</quiz>",
        '<question type="multichoice">',
        '<question type="truefalse">',
        '<question type="category">',
        "</question>",
        '<answer fraction="100">',
        '<answer fraction="x">',
        "</answer>",
        "<text>",
        "</text>",
        "<name>",
        "</name>",
        "<questiontext>",
        "</questiontext>",
        "<single>false</single>",
        "<tags><tag><text>",
        "</text></tag></tags>",
        "<![CDATA[<p>",
        "]]>",
        "&amp;",
        "&#0;",
        "<!DOCTYPE quiz>",
        "\n",
    ]
)
MARKERS = st.sampled_from(["=", "~", "~%50%", "~%-100%", "~%x%"])
GIFT_QUESTION = st.builds(
    lambda name, text, options: f"::{name}::{text}{{{' '.join(options)}}}\n\n",
    _usually(st.sampled_from(["q1", "q2", "Ethics"])),
    _usually(st.just("Which one?")),
    st.lists(
        st.builds(
            "".join,
            st.tuples(MARKERS, _usually(st.just("an answer")), st.one_of(st.just(""), TEXT.map("#".__add__))),
        ),
        max_size=5,
    ),
)
XML_QUESTION = st.builds(
    lambda kind, name, text, answers: (
        f'<question type="{kind}"><name><text>{name}</text></name>'
        f"<questiontext><text>{text}</text></questiontext>"
        f"{''.join(answers)}</question>"
    ),
    st.sampled_from(["multichoice", "truefalse", "essay"]),
    _usually(st.sampled_from(["q1", "q2"])),
    _usually(st.just("Which one?")),
    st.lists(
        st.builds(
            '<answer fraction="{}"><text>{}</text></answer>'.format,
            st.sampled_from(["100", "0", "50", "-100", "x"]),
            _usually(st.sampled_from(["true", "false", "a"])),
        ),
        max_size=4,
    ),
)
FILES = {
    "gift": st.one_of(
        st.lists(st.one_of(GIFT_BITS, TEXT), max_size=30).map("".join),
        st.lists(GIFT_QUESTION, min_size=1, max_size=4).map("".join),
    ),
    "xml": st.one_of(
        st.lists(st.one_of(XML_BITS, TEXT), max_size=30).map("".join),
        st.lists(XML_QUESTION, min_size=1, max_size=4).map(
            lambda questions: f"<quiz>{''.join(questions)}</quiz>"
        ),
    ),
}


@pytest.fixture
def editor(fuzz_settings):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fmt=st.sampled_from(["gift", "xml"]), dry_run=st.booleans(), data=st.data())
def test_question_imports_never_fail_and_a_refused_file_writes_nothing(
    client, editor, db_fingerprint, fmt, dry_run, data
):
    text = data.draw(FILES[fmt], label="file")
    quiz, _created = Quiz.objects.get_or_create(
        title="Fuzz quiz", defaults={"pass_mark": 60, "questions_per_attempt": 2}
    )
    client.force_login(editor)
    before = db_fingerprint()
    upload = SimpleUploadedFile(f"bank.{fmt}", text.encode("utf-8"))
    response = client.post(
        reverse("assessments_quiz_tools:import", args=[quiz.pk]),
        {"file": upload, **({"dry_run": "on"} if dry_run else {})},
    )
    assert response.status_code == 200
    if dry_run or "Nothing was imported" in response.content.decode():
        event("dry run" if dry_run else "refused")
        assert not before.changes(db_fingerprint())
    else:
        event("imported")
