"""Reflections stay with the supervisor they were submitted to (security finding 4).

A lead who makes themselves a learner's supervisor (by staff import, or any change of the membership's
supervisor) used to open every earlier reflection of that learner, because access followed the membership's
supervisor at read time. Now an entry records who it was submitted to; a new supervisor sees only what is
submitted to them from then on, or what the author chooses to share with them (audited, and the author
told)."""

import importlib
import re
from datetime import date

import pytest
import rules
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.models import Notification, ReflectionExport, ReflectiveEntry
from assessments.practice.selectors.reflections import (
    nav_counts,
    reflections_visible_to,
    review_queue,
    supervisee_overview,
)
from assessments.practice.selectors.supervision import reflections_for_sessions
from assessments.practice.services import reflections, reviews
from assessments.practice.services.exports import export_request
from assessments.practice.services.sharing import reflection_share
from assessments.practice.services.supervision import session_save
from learning.core.errors import ServiceError
from learning.coverage import services as coverage_services
from learning.coverage.selectors.reflections import reflection_rows
from learning.coverage.selectors.scope import Scope

pytestmark = pytest.mark.django_db
TEXT = "What I wrote for Description."


def _history(make_entry):
    """A submitted, a changes-requested and a signed-off entry, all sent to the world's first supervisor."""
    return {status: make_entry(status) for status in ("submitted", "changes", "signed_off")}


def _move_author_to(world, new_supervisor):
    world.author.supervisor = new_supervisor
    world.author.save()


def _lead_imports_themselves_as_the_authors_supervisor(world):
    """The finding as reported: the lead's staff CSV gives them the supervisor role and makes them the
    author's supervisor."""
    lead, author = world.lead.user, world.author.user
    text = (
        "Name,Email,Team,Job title,Supervisor email,Roles\n"
        f"{lead.first_name} {lead.last_name},{lead.email},,Lead,,lead;supervisor\n"
        f"{author.first_name} {author.last_name},{author.email},Outreach,,{lead.email},learner\n"
    )
    staff_file, pending = coverage_services.staff_import_check(
        organisation=world.home, uploaded_by=lead, filename="staff.csv", text=text
    )
    assert pending is not None, staff_file.errors
    coverage_services.staff_import_apply(staff_import=pending, actor=lead)
    world.author.refresh_from_db()
    world.lead.refresh_from_db()
    assert world.author.supervisor == world.lead and world.lead.is_supervisor


def test_a_lead_who_makes_themselves_supervisor_cannot_read_the_history(world, client, make_entry):
    history = _history(make_entry)
    _lead_imports_themselves_as_the_authors_supervisor(world)
    lead = world.lead.user
    client.force_login(lead)
    for status, entry in history.items():
        entry.refresh_from_db()
        assert not rules.test_rule("assessments.view_entry", lead, entry), status
        response = client.get(reverse("reflection_detail", args=[entry.pk]))
        assert response.status_code == 404, status
        assert TEXT not in response.content.decode()
    assert not reflections_visible_to(user=lead).exists()
    assert not review_queue(user=lead).exists() and nav_counts(user=lead)["review"] == 0
    assert not re.search(r'href="/reflections/\d+/"', client.get(reverse("review_queue")).content.decode())
    # Nor can they put the entries into a reflective-account PDF.
    client.post(reverse("reflection_export_new"), {"entries": [e.pk for e in history.values()]})
    assert not ReflectionExport.objects.filter(author=lead).exists()
    with pytest.raises(ServiceError):
        export_request(author=lead, entries=list(history.values()))


def test_the_new_supervisor_sees_no_history_in_queue_overview_or_sessions(world, make_entry):
    history = _history(make_entry)
    _move_author_to(world, world.other_supervisor)
    new = world.other_supervisor.user
    assert not review_queue(user=new).exists()
    [row] = [m for m in supervisee_overview(user=new) if m.pk == world.author.pk]
    assert (row.waiting, row.signed_off) == (0, 0)
    [counts] = reflection_rows(
        Scope(organisation=world.home, supervisor=new)
    )  # the coverage dashboard's counts
    assert (counts.team_name, counts.submitted, counts.signed_off) == ("Outreach", 0, 0)
    assert not reflections_for_sessions(user=new).filter(pk__in=[e.pk for e in history.values()]).exists()
    for entry in history.values():
        entry.refresh_from_db()
        for rule in ("view_entry", "comment_entry", "review_entry", "share_entry"):
            assert not rules.test_rule(f"assessments.{rule}", new, entry), (rule, entry.status)


def test_the_old_supervisor_keeps_what_was_submitted_to_them(world, client, make_entry):
    history = _history(make_entry)
    _move_author_to(world, world.other_supervisor)
    old = world.supervisor.user
    client.force_login(old)
    for entry in history.values():
        response = client.get(reverse("reflection_detail", args=[entry.pk]))
        assert response.status_code == 200 and TEXT in response.content.decode()
    assert [e.pk for e in review_queue(user=old)] == [history["submitted"].pk]
    signed = reviews.reflection_sign_off(entry=history["submitted"], user=old)
    assert signed.signed_off_role == "Team leader, NHS Home"
    assert Notification.objects.filter(user=world.author.user, message__contains="signed off").exists()


def test_a_new_submission_goes_to_the_new_supervisor(world, client, make_entry):
    _move_author_to(world, world.other_supervisor)
    entry = make_entry("submitted")
    assert entry.submitted_to == world.other_supervisor
    assert Notification.objects.filter(
        user=world.other_supervisor.user, url=f"/reflections/{entry.pk}/"
    ).exists()
    assert [e.pk for e in review_queue(user=world.other_supervisor.user)] == [entry.pk]
    client.force_login(world.other_supervisor.user)
    assert client.get(reverse("reflection_detail", args=[entry.pk])).status_code == 200
    client.force_login(world.supervisor.user)
    assert client.get(reverse("reflection_detail", args=[entry.pk])).status_code == 404


def test_a_resubmission_goes_to_the_current_supervisor(world, make_entry):
    same = make_entry("changes")
    assert reflections.reflection_submit(entry=same, user=world.author.user).submitted_to == world.supervisor
    moved = make_entry("changes")
    _move_author_to(world, world.other_supervisor)
    moved = reflections.reflection_submit(entry=moved, user=world.author.user)
    assert moved.submitted_to == world.other_supervisor
    assert rules.test_rule("assessments.review_entry", world.other_supervisor.user, moved)
    assert not rules.test_rule("assessments.view_entry", world.supervisor.user, moved)


def test_withdrawing_tells_the_supervisor_it_was_submitted_to(world, make_entry):
    entry = make_entry("submitted")
    _move_author_to(world, world.other_supervisor)
    entry = reflections.reflection_withdraw(entry=entry, user=world.author.user)
    assert entry.submitted_to is None
    assert Notification.objects.filter(user=world.supervisor.user, message__contains="withdrew").exists()
    assert not Notification.objects.filter(user=world.other_supervisor.user).exists()


def test_the_author_shares_an_old_entry_with_the_new_supervisor(world, client, make_entry):
    entry = make_entry("signed_off")
    _move_author_to(world, world.other_supervisor)
    new = world.other_supervisor.user
    client.force_login(world.author.user)
    detail = client.get(reverse("reflection_detail", args=[entry.pk])).content.decode()
    assert reverse("reflection_share", args=[entry.pk]) in detail
    confirm = client.get(reverse("reflection_share", args=[entry.pk]))
    assert confirm.status_code == 200
    assert (
        f"{new.get_full_name()}" in confirm.content.decode()
        and "will be able to read" in confirm.content.decode()
    )
    assert not rules.test_rule("assessments.view_entry", new, entry)  # looking at the page shares nothing
    response = client.post(reverse("reflection_share", args=[entry.pk]))
    assert response.status_code == 302 and response.url == reverse("reflection_detail", args=[entry.pk])
    detail = client.get(response.url).content.decode()
    assert "can now read this reflection" in detail and "You also shared it with:" in detail
    assert reverse("reflection_share", args=[entry.pk]) not in detail  # nothing left to share

    entry = ReflectiveEntry.objects.get(pk=entry.pk)
    assert list(entry.shared_with.all()) == [world.other_supervisor]
    assert rules.test_rule("assessments.view_entry", new, entry)
    assert not rules.test_rule("assessments.comment_entry", new, entry)  # read only: the review stays put
    assert rules.test_rule("assessments.view_entry", world.supervisor.user, entry)  # the signer keeps it
    assert not rules.test_rule("assessments.share_entry", world.author.user, entry)  # nothing left to share
    client.force_login(new)
    page = client.get(reverse("reflection_detail", args=[entry.pk]))
    assert page.status_code == 200 and TEXT in page.content.decode()
    assert reflections_visible_to(user=new).filter(pk=entry.pk).exists()
    [row] = [m for m in supervisee_overview(user=new) if m.pk == world.author.pk]
    assert row.signed_off == 1
    [counts] = reflection_rows(Scope(organisation=world.home, supervisor=new))
    assert (counts.submitted, counts.signed_off) == (0, 1)
    assert reflections_for_sessions(user=new).filter(pk=entry.pk).exists()

    assert Notification.objects.filter(
        user=world.author.user, url=f"/reflections/{entry.pk}/", message__contains="shared"
    ).exists()
    assert Notification.objects.filter(user=new, message__contains="shared a reflection with you").exists()
    [log] = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ReflectiveEntry),
        object_id=str(entry.pk),
        action="assessments.reflection_share",
    )
    assert log.user_id == world.author.user.pk
    assert log.data["shared_with"] == world.other_supervisor.pk
    assert entry.title not in log.label  # the audit log names the entry by number, never by what was written


def test_only_the_author_can_share_and_only_when_someone_new_supervises_them(world, client, make_entry):
    entry = make_entry("signed_off")
    url = reverse("reflection_share", args=[entry.pk])
    client.force_login(world.author.user)
    assert client.get(url).status_code == 302  # nobody new: the current supervisor can read it already
    with pytest.raises(ServiceError):
        reflection_share(entry=entry, user=world.author.user)
    _move_author_to(world, world.other_supervisor)
    draft = make_entry("draft")
    assert client.get(reverse("reflection_share", args=[draft.pk])).status_code == 302  # drafts are submitted
    for actor in (world.supervisor.user, world.other_supervisor.user, world.lead.user, world.admin):
        client.force_login(actor)
        assert client.post(url).status_code == 404
    assert not ReflectiveEntry.objects.get(pk=entry.pk).shared_with.exists()
    assert not ModelLogEntry.objects.filter(action="assessments.reflection_share").exists()


def test_the_migration_gives_existing_entries_to_who_reviewed_them_else_the_current_supervisor(
    world, make_entry
):
    migration = importlib.import_module("assessments.migrations.0004_reflection_submitted_to")
    waiting, asked, signed, draft = (
        make_entry(status) for status in ("submitted", "changes", "signed_off", "draft")
    )
    world.lead.is_supervisor = True  # the lead took the author over before this release
    world.lead.save()
    _move_author_to(world, world.lead)
    ReflectiveEntry.objects.update(submitted_to=None)  # as the rows stood before the migration
    migration.fill_submitted_to(django_apps, None)
    submitted_to = dict(ReflectiveEntry.objects.values_list("pk", "submitted_to"))
    assert submitted_to[signed.pk] == world.supervisor.pk  # the signer
    assert submitted_to[asked.pk] == world.supervisor.pk  # who asked for changes
    assert (
        submitted_to[waiting.pk] == world.lead.pk
    )  # nothing says who it was sent to: the supervisor of the day
    assert submitted_to[draft.pk] is None


@pytest.mark.parametrize("count", [1, 4])
def test_a_new_supervisor_links_an_old_entry_to_a_session_only_once_shared(
    world, client, make_entry, count, django_assert_max_num_queries
):
    old = [make_entry("signed_off") for _ in range(count)]
    _move_author_to(world, world.other_supervisor)
    new = world.other_supervisor.user
    with pytest.raises(ServiceError) as refused:
        session_save(
            user=new, supervisees=[world.author], held_on=date(2026, 3, 2), kind="individual", reflections=old
        )
    assert refused.value.code == "reflections"
    for entry in old:
        reflection_share(entry=entry, user=world.author.user)
    session = session_save(
        user=new, supervisees=[world.author], held_on=date(2026, 3, 2), kind="individual", reflections=old
    )
    client.force_login(new)
    with django_assert_max_num_queries(14):  # the rule reads prefetched rows: flat however many are linked
        page = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert all(reverse("reflection_detail", args=[e.pk]) in page for e in old)
