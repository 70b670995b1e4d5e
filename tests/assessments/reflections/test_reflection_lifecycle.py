"""Writing, submitting, reviewing and signing off a reflection via the services; the lock after sign-off."""

import pytest
from django.core import mail

from assessments.models import Notification, ReflectionComment, ReflectiveEntry
from assessments.practice.reflection_templates import stages_of
from assessments.practice.services import reflections, reviews
from assessments.quizzes.factories import ReflectiveEntryFactory
from learning.core.errors import ServiceError
from learning.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db
Status = ReflectiveEntry.Status


def test_create_files_the_entry_under_the_authors_own_membership(world):
    entry = reflections.reflection_create(
        author=world.author.user, membership=world.author, template="driscoll", title="  A home visit  "
    )
    assert (entry.status, entry.title, entry.prompt) == (Status.DRAFT, "A home visit", "")
    with pytest.raises(ServiceError):
        reflections.reflection_create(author=world.author.user, membership=world.colleague, template="gibbs")


def test_save_keeps_only_the_templates_stages_and_allows_a_partial_draft(world, make_entry):
    entry = make_entry("draft", template="driscoll", stages={})
    reflections.reflection_save(
        entry=entry,
        user=world.author.user,
        title="New title",
        stages={"what": "Line one\r\nLine two", "feelings": "not a Driscoll stage"},
    )
    entry.refresh_from_db()
    assert entry.stages == {"what": "Line one\nLine two", "so_what": "", "now_what": ""}
    assert entry.title == "New title"


def test_submit_needs_every_stage(world, make_entry):
    entry = make_entry("draft", stages={"description": "Only this."})
    with pytest.raises(reflections.IncompleteReflection) as caught:
        reflections.reflection_submit(entry=entry, user=world.author.user)
    assert [stage.key for stage in caught.value.stages] == [
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action_plan",
    ]


def test_submit_needs_a_supervisor(world):
    lone = MembershipFactory(organisation=world.home)
    entry = ReflectiveEntryFactory(membership=lone)
    with pytest.raises(ServiceError) as caught:
        reflections.reflection_submit(entry=entry, user=lone.user)
    assert caught.value.code == "no_supervisor"


def test_submit_tells_the_supervisor_in_app_and_by_email_after_commit(
    world, make_entry, django_capture_on_commit_callbacks
):
    entry = make_entry("draft", stages={stage.key: "Private words." for stage in stages_of("gibbs")})
    with django_capture_on_commit_callbacks(execute=True):
        entry = reflections.reflection_submit(entry=entry, user=world.author.user)
    assert entry.status == Status.SUBMITTED and entry.submitted_at
    note = Notification.objects.get(user=world.supervisor.user)
    assert note.url == f"/reflections/{entry.pk}/" and note.emailed_at
    [email] = mail.outbox
    assert email.to == [world.supervisor.user.email] and "sent you a reflection to review" in email.subject
    assert "Private words" not in email.body and entry.title not in email.body  # the text stays in the app


def test_email_waits_for_the_commit(world, make_entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        make_entry("submitted")
    assert len(callbacks) == 1 and mail.outbox == []  # queued for after commit, not sent inside it


def test_changes_then_resubmit_then_sign_off(world, make_entry):
    entry = make_entry("submitted")
    supervisor = world.supervisor.user
    with pytest.raises(ServiceError):
        reviews.reflection_request_changes(entry=entry, user=supervisor, body="  ")
    entry = reviews.reflection_request_changes(
        entry=entry, user=supervisor, body="Add what you will do next."
    )
    assert entry.status == Status.CHANGES_REQUESTED
    reflections.reflection_save(
        entry=entry,
        user=world.author.user,
        title=entry.title,
        stages={**entry.stages, "action_plan": "Book a case review with my team."},
    )
    entry = reflections.reflection_submit(entry=entry, user=world.author.user)
    entry = reviews.reflection_sign_off(entry=entry, user=supervisor, body="Thoughtful work.")
    assert entry.status == Status.SIGNED_OFF
    assert entry.signed_off_name == "Sam Reid" and entry.signed_off_role == "Team leader, NHS Home"
    assert entry.signed_off_by == supervisor and entry.signed_off_at
    kinds = list(entry.comments.values_list("kind", flat=True))
    assert kinds == ["submitted", "changes", "submitted", "signed_off"]
    messages = list(Notification.objects.filter(user=world.author.user).values_list("message", flat=True))
    assert any("signed off" in m for m in messages) and any("asked for changes" in m for m in messages)


def test_signed_off_entry_is_locked_in_every_service(world, make_entry):
    entry = make_entry("signed_off")
    before = (entry.title, dict(entry.stages))
    author, supervisor = world.author.user, world.supervisor.user
    attempts = [
        lambda: reflections.reflection_save(
            entry=entry, user=author, title="Changed", stages={"description": "x"}
        ),
        lambda: reflections.reflection_submit(entry=entry, user=author, anonymised_confirmed=True),
        lambda: reflections.reflection_withdraw(entry=entry, user=author),
        lambda: reflections.reflection_delete(entry=entry, user=author),
        lambda: reviews.reflection_comment(entry=entry, user=author, body="Later thought"),
        lambda: reviews.reflection_comment(entry=entry, user=supervisor, body="Later thought"),
        lambda: reviews.reflection_request_changes(entry=entry, user=supervisor, body="Change it"),
    ]
    for attempt in attempts:
        with pytest.raises(ServiceError) as caught:
            attempt()
        assert caught.value.code == "locked"
    entry.refresh_from_db()
    assert (entry.title, entry.stages, entry.status) == (*before, Status.SIGNED_OFF)


def test_a_stale_object_cannot_sneak_an_edit_past_the_lock(world, make_entry):
    """The service reads the row again under a lock, so an old copy in memory (an old tab) changes nothing."""
    entry = make_entry("submitted")
    stale = ReflectiveEntry.objects.get(pk=entry.pk)
    stale.status = Status.DRAFT  # what the old tab believed
    reviews.reflection_sign_off(entry=entry, user=world.supervisor.user)
    with pytest.raises(ServiceError):
        reflections.reflection_save(entry=stale, user=world.author.user, title="x", stages={})


def test_sign_off_twice_changes_nothing_and_only_the_supervisor_may(world, make_entry):
    entry = make_entry("submitted")
    with pytest.raises(ServiceError):
        reviews.reflection_sign_off(entry=entry, user=world.other_supervisor.user)
    with pytest.raises(ServiceError):
        reviews.reflection_sign_off(entry=entry, user=world.author.user)
    first = reviews.reflection_sign_off(entry=entry, user=world.supervisor.user)
    again = reviews.reflection_sign_off(entry=entry, user=world.supervisor.user)
    assert again.signed_off_at == first.signed_off_at
    assert entry.comments.filter(kind=ReflectionComment.Kind.SIGNED_OFF).count() == 1


def test_sign_off_asks_for_the_modules_completion_check(world, make_entry, monkeypatch, seeded_site):
    calls = []
    monkeypatch.setattr(
        "assessments.practice.services.reviews.completion_check_request", lambda **kw: calls.append(kw)
    )
    module = seeded_site.get(slug="girfec")
    reviews.reflection_sign_off(entry=make_entry("submitted", module=module), user=world.supervisor.user)
    reviews.reflection_sign_off(
        entry=make_entry("submitted"), user=world.supervisor.user
    )  # no module: not asked
    assert calls == [{"user_id": world.author.user.pk, "module_id": module.pk}]


def test_signed_off_reflection_completes_a_module_that_requires_one(
    world, make_entry, seeded_site, django_capture_on_commit_callbacks
):
    """The interface with learning.progress: completion waits for the sign-off, then records the module."""
    from learning.progress.models import ModuleCompletion
    from learning.progress.services import lesson_complete
    from modules.models import LessonPage

    module = seeded_site.get(slug="girfec")
    module.require_signed_reflection, module.require_quiz_pass = True, False
    module.save()
    with django_capture_on_commit_callbacks(execute=True):  # the completion check is queued on commit
        for lesson in LessonPage.objects.child_of(module).live():
            lesson_complete(user=world.author.user, lesson=lesson)
    assert not ModuleCompletion.objects.filter(user=world.author.user, module=module).exists()
    entry = make_entry("submitted", module=module)
    with django_capture_on_commit_callbacks(execute=True):
        reviews.reflection_sign_off(entry=entry, user=world.supervisor.user)
    assert ModuleCompletion.objects.filter(user=world.author.user, module=module).exists()


def test_withdraw_makes_it_private_again(world, make_entry):
    entry = reflections.reflection_withdraw(entry=make_entry("submitted"), user=world.author.user)
    assert entry.status == Status.DRAFT
    with pytest.raises(ServiceError):
        reviews.reflection_comment(entry=entry, user=world.supervisor.user, body="Hello?")


def test_comments_go_both_ways_and_notify_the_other_side(world, make_entry):
    entry = make_entry("submitted")
    reviews.reflection_comment(entry=entry, user=world.supervisor.user, body="Could you say more?")
    reviews.reflection_comment(entry=entry, user=world.author.user, body="Yes, I will.")
    assert Notification.objects.filter(user=world.author.user, message__contains="commented").count() == 1
    assert Notification.objects.filter(user=world.supervisor.user, message__contains="replied").count() == 1
    with pytest.raises(ServiceError):
        reviews.reflection_comment(entry=entry, user=world.lead.user, body="I'm the lead")


def test_only_drafts_can_be_deleted(world, make_entry):
    draft, shared = make_entry("draft"), make_entry("submitted")
    reflections.reflection_delete(entry=draft, user=world.author.user)
    assert not ReflectiveEntry.objects.filter(pk=draft.pk).exists()
    with pytest.raises(ServiceError):
        reflections.reflection_delete(entry=shared, user=world.author.user)
