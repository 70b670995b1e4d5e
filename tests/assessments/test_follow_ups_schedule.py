"""Follow-ups fall due: the daily schedule makes exactly one per completion once the module's weeks have
passed (none before, none for modules without the setting, nothing twice), and the invitation is emailed
once, in a text and an HTML part, or re-queued by the owed-work sweep when its message was lost."""

import email
import email.policy
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from follow_up_world import WEEKS, completed_weeks_ago, world_build

from assessments import tasks
from assessments.models import FollowUp, Notification
from assessments.practice.owed import notification_emails_owed
from assessments.practice.services.follow_ups import CATCH_UP_DAYS, follow_up_invite, follow_ups_schedule
from learning.core.owed import owed_requeue
from learning.progress.factories import ModuleCompletionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return world_build()


def _completed_on(world, membership, module, **kwargs):
    completion = ModuleCompletionFactory(user=membership.user, module=module, **kwargs)
    return completion, timezone.localdate(completion.completed_at)


def test_one_follow_up_per_completion_once_the_weeks_have_passed_and_never_twice(world):
    completion, day = _completed_on(world, world.learner, world.module)
    _completed_on(world, world.other_learner, world.plain)  # its module asks for no follow-up
    due = day + timedelta(weeks=WEEKS)
    assert follow_ups_schedule(today=due - timedelta(days=1)) == 0
    assert not FollowUp.objects.exists()
    assert follow_ups_schedule(today=due) == 1
    assert follow_ups_schedule(today=due) == 0  # the second run finds nothing left to make
    assert follow_ups_schedule(today=due + timedelta(days=3)) == 0
    follow_up = FollowUp.objects.get()
    assert (follow_up.completion, follow_up.user, follow_up.module) == (
        completion,
        world.learner.user,
        world.module,
    )
    assert (follow_up.due_on, follow_up.status, follow_up.invited_at) == (due, FollowUp.Status.DUE, None)


def test_each_cycle_of_a_module_has_its_own_follow_up(world):
    first, day = _completed_on(world, world.learner, world.module, cycle=1)
    second, _ = _completed_on(world, world.learner, world.module, cycle=2, completed_at=first.completed_at)
    assert follow_ups_schedule(today=day + timedelta(weeks=WEEKS)) == 2
    assert sorted(FollowUp.objects.values_list("completion_id", flat=True)) == sorted([first.pk, second.pk])


def test_a_completion_long_past_is_not_followed_up_nor_a_person_no_longer_active(world):
    _old, day = _completed_on(world, world.learner, world.module)
    too_late = day + timedelta(weeks=WEEKS, days=CATCH_UP_DAYS + 1)
    assert follow_ups_schedule(today=too_late) == 0
    world.other_learner.user.is_active = False
    world.other_learner.user.save()
    completed_weeks_ago(world.other_learner.user, world.module)
    assert follow_ups_schedule(today=timezone.localdate()) == 0
    assert not FollowUp.objects.exists()


def _parts(message):
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.strict)
    parts = list(
        next(p for p in parsed.walk() if p.get_content_type() == "multipart/alternative").iter_parts()
    )
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    return parts[0].get_content(), parts[1].get_content()


def test_the_daily_task_invites_once_by_email_in_text_and_html(
    world, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.test"
    completed_weeks_ago(world.learner.user, world.module)
    for _run in range(2):  # the beat task runs twice (a retry, a duplicate message): one email
        with django_capture_on_commit_callbacks(execute=True):
            tasks.follow_ups_daily.delay()
    follow_up = FollowUp.objects.get()
    assert follow_up.invited_at is not None
    assert tasks.follow_up_invite.delay(follow_up.pk).get() is False  # re-queued after it was sent
    assert [m.to for m in mail.outbox] == [[world.learner.user.email]]
    text, html = _parts(mail.outbox[0])
    link = f"https://learning.example.test/follow-ups/{follow_up.pk}/"
    assert "Working with families" in mail.outbox[0].subject
    for part in (text, html):
        assert "Working with families" in part and link in part
        assert "What have you done differently since you completed this module?" in part
    assert "&#x27;" not in text and '<a href="' + link in html
    # The update in the app counts beside Reflections; it is this email, so it is never emailed again.
    update = Notification.objects.get(user=world.learner.user)
    assert update.url == f"/follow-ups/{follow_up.pk}/" and update.emailed_at is not None
    assert not notification_emails_owed().filter(pk=update.pk).exists()


def test_a_lost_invitation_is_owed_and_the_sweep_sends_it_once(world, django_capture_on_commit_callbacks):
    completed_weeks_ago(world.learner.user, world.module)
    with django_capture_on_commit_callbacks() as lost:  # the broker lost the invitation's message
        follow_ups_schedule(today=timezone.localdate())
    assert len(lost) == 1 and not mail.outbox
    follow_up = FollowUp.objects.get()
    assert owed_requeue()["follow-up invitation"] == 0  # just owed: its own task may still be on its way
    FollowUp.objects.filter(pk=follow_up.pk).update(created_at=timezone.now() - timedelta(minutes=6))
    assert owed_requeue()["follow-up invitation"] == 1
    assert len(mail.outbox) == 1 and FollowUp.objects.get().invited_at is not None
    assert owed_requeue(older_than=timedelta(0))["follow-up invitation"] == 0


def test_nobody_is_emailed_without_an_address_and_it_is_not_owed(world):
    world.learner.user.email = ""
    world.learner.user.save()
    completed_weeks_ago(world.learner.user, world.module)
    follow_ups_schedule(today=timezone.localdate())
    follow_up = FollowUp.objects.get()
    assert follow_up_invite(follow_up_id=follow_up.pk) is False and not mail.outbox
    assert owed_requeue(older_than=timedelta(0))["follow-up invitation"] == 0
