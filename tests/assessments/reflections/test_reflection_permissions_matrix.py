"""The permission matrix: who (author, their supervisor, another supervisor, the lead, an editor, an admin,
another organisation) x entry status (draft, submitted, changes requested, signed off) x what (view, edit,
comment, sign off); then the same after the author's supervisor changes (the supervisor it was submitted to
versus the current one, before and after the author shares it); then sessions. The list selectors and the
pages must agree with the rules row for row."""

from datetime import date

import pytest
import rules
from django.urls import reverse

from assessments.practice.selectors.reflections import reflections_visible_to
from assessments.practice.selectors.supervision import sessions_visible_to
from assessments.practice.services.supervision import session_save
from learning.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NOTHING = (False, False, False, False)
# actor -> status -> (view, edit, comment, sign off)
ENTRY_MATRIX = {
    "author": {
        "draft": (True, True, False, False),
        "submitted": (True, False, True, False),
        "changes": (True, True, True, False),
        "signed_off": (True, False, False, False),
    },
    "supervisor": {
        "draft": NOTHING,
        "submitted": (True, False, True, True),
        "changes": (True, False, True, False),
        "signed_off": (True, False, False, False),
    },
    "other_supervisor": dict.fromkeys(["draft", "submitted", "changes", "signed_off"], NOTHING),
    "lead": dict.fromkeys(["draft", "submitted", "changes", "signed_off"], NOTHING),
    "editor": dict.fromkeys(["draft", "submitted", "changes", "signed_off"], NOTHING),
    "admin": dict.fromkeys(["draft", "submitted", "changes", "signed_off"], NOTHING),
    "stranger": dict.fromkeys(["draft", "submitted", "changes", "signed_off"], NOTHING),
}
CASES = [(actor, status, *allowed) for actor, row in ENTRY_MATRIX.items() for status, allowed in row.items()]


def _assert_row(client, user, entry, view, edit, comment, sign_off):
    assert rules.test_rule("assessments.view_entry", user, entry) is view
    assert rules.test_rule("assessments.edit_entry", user, entry) is edit
    assert rules.test_rule("assessments.submit_entry", user, entry) is edit
    assert rules.test_rule("assessments.comment_entry", user, entry) is comment
    assert rules.test_rule("assessments.review_entry", user, entry) is sign_off
    assert reflections_visible_to(user=user).filter(pk=entry.pk).exists() is view
    client.force_login(user)
    response = client.get(reverse("reflection_detail", args=[entry.pk]))
    assert response.status_code == (200 if view else 404)
    if view:
        assert ("What I wrote for Description." in response.content.decode()) is True


@pytest.mark.parametrize("actor,status,view,edit,comment,sign_off", CASES)
def test_entry_matrix(world, client, make_entry, person, actor, status, view, edit, comment, sign_off):
    entry, user = make_entry(status), person(world, actor)
    assert not rules.test_rule("assessments.share_entry", user, entry)  # nobody new to share it with
    _assert_row(client, user, entry, view, edit, comment, sign_off)


# After the entry reached its status, the author's supervisor changed from `supervisor` to `other_supervisor`
# (or to the lead, who gave themselves the role: finding 4 of the security issue). The entry stays with the
# supervisor it was submitted to; the new one reads it only once the author shares it, and then only reads.
SUBMITTED_TO = ENTRY_MATRIX["supervisor"]
READ_ONLY = {
    "draft": NOTHING,
    "submitted": (True, False, False, False),
    "changes": (True, False, False, False),
    "signed_off": (True, False, False, False),
}
MOVED_MATRIX = {
    ("moved", "supervisor"): SUBMITTED_TO,
    ("moved", "other_supervisor"): ENTRY_MATRIX["other_supervisor"],
    ("moved", "author"): ENTRY_MATRIX["author"],
    ("lead_took_over", "lead"): ENTRY_MATRIX["lead"],
    ("lead_took_over", "supervisor"): SUBMITTED_TO,
    ("moved_and_shared", "other_supervisor"): READ_ONLY,
    ("moved_and_shared", "supervisor"): SUBMITTED_TO,
    ("moved_and_shared", "lead"): ENTRY_MATRIX["lead"],
}
MOVED_CASES = [
    (change, actor, status, *allowed)
    for (change, actor), row in MOVED_MATRIX.items()
    for status, allowed in row.items()
]


@pytest.mark.parametrize("change,actor,status,view,edit,comment,sign_off", MOVED_CASES)
def test_entry_matrix_after_the_supervisor_changes(
    world, client, make_entry, person, change, actor, status, view, edit, comment, sign_off
):
    entry = make_entry(status)
    new = world.lead if change == "lead_took_over" else world.other_supervisor
    if change == "lead_took_over":
        new.is_supervisor = True
        new.save()
    world.author.supervisor = new
    world.author.save()
    if change == "moved_and_shared":
        entry.shared_with.add(new)  # as reflection_share does, for any status (drafts are never readable)
    entry.refresh_from_db()
    user = person(world, actor)
    may_share = change == "moved" and actor == "author" and status != "draft"
    assert rules.test_rule("assessments.share_entry", user, entry) is may_share
    _assert_row(client, user, entry, view, edit, comment, sign_off)


def test_nobody_but_the_author_may_export_delete_or_withdraw(world, make_entry, person):
    draft, submitted = make_entry("draft"), make_entry("submitted")
    for actor in ENTRY_MATRIX:
        user = person(world, actor)
        assert rules.test_rule("assessments.export_entry", user, submitted) is (actor == "author")
        assert rules.test_rule("assessments.delete_entry", user, draft) is (actor == "author")
        assert rules.test_rule("assessments.withdraw_entry", user, submitted) is (actor == "author")
    assert not rules.test_rule("assessments.delete_entry", world.author.user, submitted)


def test_superuser_has_perm_does_not_open_reflections(world, make_entry):
    """Why these are rules and not permissions: Django grants superusers every permission."""
    entry = make_entry("submitted")
    assert world.admin.has_perm("assessments.view_entry", entry)  # what has_perm would have said
    assert not rules.test_rule("assessments.view_entry", world.admin, entry)


def test_supervisor_loses_access_when_inactive_or_no_longer_a_supervisor(world, make_entry):
    entry = make_entry("submitted")
    world.supervisor.is_active = False
    world.supervisor.save()
    entry.refresh_from_db()
    assert not rules.test_rule("assessments.view_entry", world.supervisor.user, entry)
    assert not reflections_visible_to(user=world.supervisor.user).filter(pk=entry.pk).exists()


def test_a_new_supervisor_does_not_take_over_the_review(world, make_entry):
    """The review stays with the supervisor it was submitted to; the author may withdraw and resubmit it."""
    entry = make_entry("submitted")
    world.author.supervisor = world.other_supervisor
    world.author.save()
    entry.refresh_from_db()
    assert not rules.test_rule("assessments.review_entry", world.other_supervisor.user, entry)
    assert rules.test_rule("assessments.review_entry", world.supervisor.user, entry)


def test_supervisors_are_learners_too(world, make_entry):
    """A supervisor's own reflection goes to their own supervisor, not to their supervisees or themselves."""
    manager = MembershipFactory(organisation=world.home, is_supervisor=True)
    world.supervisor.supervisor = manager
    world.supervisor.save()
    entry = make_entry("submitted", membership=world.supervisor)
    assert rules.test_rule("assessments.review_entry", manager.user, entry)
    assert not rules.test_rule("assessments.review_entry", world.supervisor.user, entry)
    assert not rules.test_rule("assessments.view_entry", world.author.user, entry)


@pytest.fixture
def session(world):
    return session_save(
        user=world.supervisor.user, supervisees=[world.author], held_on=date(2026, 3, 2), kind="individual"
    )


# actor -> (view, edit, add a note)
SESSION_MATRIX = [
    ("supervisor", True, True, False),
    ("author", True, False, True),
    ("colleague", False, False, False),
    ("other_supervisor", False, False, False),
    ("lead", False, False, False),
    ("editor", False, False, False),
    ("admin", False, False, False),
    ("stranger", False, False, False),
]


@pytest.mark.parametrize("actor,view,edit,note", SESSION_MATRIX)
def test_session_matrix(world, client, person, session, actor, view, edit, note):
    user = person(world, actor)
    session = sessions_visible_to(user=world.supervisor.user).get(pk=session.pk)  # with its people prefetched
    assert rules.test_rule("assessments.view_session", user, session) is view
    assert rules.test_rule("assessments.edit_session", user, session) is edit
    assert rules.test_rule("assessments.add_session_note", user, session) is note
    assert sessions_visible_to(user=user).filter(pk=session.pk).exists() is view
    client.force_login(user)
    assert client.get(reverse("session_detail", args=[session.pk])).status_code == (200 if view else 404)
    assert client.get(reverse("session_edit", args=[session.pk])).status_code == (200 if edit else 404)


def test_only_supervisors_reach_the_supervision_pages(world, client, person):
    for actor, allowed in [("supervisor", True), ("author", False), ("lead", False), ("editor", False)]:
        client.force_login(person(world, actor))
        for name in ("supervision", "review_queue", "session_new"):
            assert client.get(reverse(name)).status_code == (200 if allowed else 403), (actor, name)
