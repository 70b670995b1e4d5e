"""A follow-up on practice from start to sign-off: the learner sees it on My learning and writes it (told who
will read it), the supervisor finds it in their review queue with the text, adds an observation and signs it
off; query counts stay flat on My learning's panel and the queue."""

import re

import pytest
from django.urls import reverse
from django.utils.timezone import localtime
from follow_up_world import TEXT, follow_up_due, follow_up_submitted, world_build

from assessments.models import FollowUp, Notification
from assessments.practice.services.follow_ups import follow_up_observe
from learning.core.errors import ServiceError
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db
PROMPT = "What have you done differently since you completed this module?"


@pytest.fixture
def world():
    return world_build()


def test_my_learning_shows_the_follow_up_due_and_its_page_says_who_will_read_it(world, client):
    follow_up = follow_up_due(world.learner.user, world.module)
    client.force_login(world.learner.user)
    page = client.get(reverse("my_learning")).content.decode()
    assert "Follow-up on practice" in page and f'href="/follow-ups/{follow_up.pk}/"' in page
    assert "Write your follow-up" in page
    html = client.get(reverse("follow_up_detail", args=[follow_up.pk])).content.decode()
    assert "Working with families" in html and PROMPT in html
    assert "What difference has it made for the people and families you work with?" in html
    assert localtime(follow_up.completion.completed_at).strftime("%-d %B %Y") in html
    assert "Only you and Sam Reid, your supervisor at NHS Home, will read it." in html
    assert "Your workforce lead sees only how many follow-ups were sent and signed off" in html


def test_the_learner_sends_it_to_their_supervisor_who_is_told(world, client):
    follow_up = follow_up_due(world.learner.user, world.module)
    client.force_login(world.learner.user)
    response = client.post(
        reverse("follow_up_submit", args=[follow_up.pk]),
        {"text": TEXT, "supervisor": world.supervisor.pk},
    )
    assert (response.status_code, response.url) == (302, f"/follow-ups/{follow_up.pk}/")
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.text, follow_up.submitted_to, follow_up.membership) == (
        FollowUp.Status.SUBMITTED,
        TEXT,
        world.supervisor,
        world.learner,
    )
    told = Notification.objects.get(user=world.supervisor.user)
    assert told.url == f"/follow-ups/{follow_up.pk}/" and TEXT not in told.message  # never the text
    html = client.get(reverse("follow_up_detail", args=[follow_up.pk])).content.decode()
    assert TEXT in html and "Waiting for sign-off" in html
    assert reverse("follow_up_submit", args=[follow_up.pk]) not in html  # sent: nothing more to write


def test_a_text_that_may_identify_someone_is_sent_only_once_confirmed(world, client):
    follow_up = follow_up_due(world.learner.user, world.module)
    client.force_login(world.learner.user)
    text = "Mrs Brown and I now plan visits together."
    url = reverse("follow_up_submit", args=[follow_up.pk])
    response = client.post(url, {"text": text, "supervisor": world.supervisor.pk})
    assert response.status_code == 200 and "Check before you send it" in response.content.decode()
    assert FollowUp.objects.get().status == FollowUp.Status.DUE
    response = client.post(url, {"text": text, "supervisor": world.supervisor.pk, "confirm": "on"})
    assert response.status_code == 302 and FollowUp.objects.get().status == FollowUp.Status.SUBMITTED


def test_someone_else_s_supervisor_cannot_be_chosen(world, client):
    follow_up = follow_up_due(world.learner.user, world.module)
    client.force_login(world.learner.user)
    response = client.post(
        reverse("follow_up_submit", args=[follow_up.pk]),
        {"text": TEXT, "supervisor": world.other_supervisor.pk},
    )
    assert response.status_code == 400 and "Choose one of your supervisors." in response.content.decode()
    assert FollowUp.objects.get().status == FollowUp.Status.DUE


def test_a_learner_in_two_organisations_chooses_which_supervisor_reads_it(world, client):
    elsewhere = OrganisationFactory(name="Second Org")
    second = MembershipFactory(organisation=elsewhere, is_supervisor=True)
    MembershipFactory(user=world.learner.user, organisation=elsewhere, supervisor=second)
    follow_up = follow_up_due(world.learner.user, world.module)
    client.force_login(world.learner.user)
    html = client.get(reverse("follow_up_detail", args=[follow_up.pk])).content.decode()
    assert "Only you and the supervisor you send it to will read it." in html
    assert html.count('name="supervisor"') == 2 and 'type="radio"' in html
    client.post(reverse("follow_up_submit", args=[follow_up.pk]), {"text": TEXT, "supervisor": second.pk})
    follow_up.refresh_from_db()
    assert follow_up.submitted_to == second and follow_up.membership.organisation == elsewhere


def test_without_a_supervisor_it_waits_and_says_why(world, client):
    lone = MembershipFactory(organisation=world.home)
    follow_up = follow_up_due(lone.user, world.module)
    client.force_login(lone.user)
    html = client.get(reverse("follow_up_detail", args=[follow_up.pk])).content.decode()
    assert "You have no supervisor recorded" in html and "Send to my supervisor" not in html


def test_the_supervisor_reads_it_in_the_queue_observes_and_signs_off(world, client):
    follow_up = follow_up_submitted(world)
    client.force_login(world.supervisor.user)
    queue = client.get(reverse("review_queue")).content.decode()
    assert TEXT in queue and f'href="/follow-ups/{follow_up.pk}/"' in queue and "1 follow-up waiting" in queue
    url = reverse("follow_up_observe", args=[follow_up.pk])
    response = client.post(url, {"observation": "She now plans with the family.", "action": "save"})
    assert (response.status_code, response.url) == (302, f"/follow-ups/{follow_up.pk}/")
    assert FollowUp.objects.get().status == FollowUp.Status.SUBMITTED
    response = client.post(url, {"observation": "Plans are now made with the family.", "action": "sign_off"})
    assert (response.status_code, response.url) == (302, "/supervision/queue/")
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUp.Status.SIGNED_OFF
    assert (follow_up.observation, follow_up.signed_off_name, follow_up.signed_off_role) == (
        "Plans are now made with the family.",
        "Sam Reid",
        "Team leader, NHS Home",
    )
    assert Notification.objects.filter(user=world.learner.user, url=f"/follow-ups/{follow_up.pk}/").exists()
    assert TEXT not in client.get(reverse("review_queue")).content.decode()  # no longer waiting
    client.force_login(world.learner.user)
    html = client.get(reverse("follow_up_detail", args=[follow_up.pk])).content.decode()
    assert "Plans are now made with the family." in html and "Signed off by <strong>Sam Reid</strong>" in html


def test_a_sign_off_needs_an_observation_and_locks_the_follow_up(world, client):
    follow_up = follow_up_submitted(world)
    client.force_login(world.supervisor.user)
    url = reverse("follow_up_observe", args=[follow_up.pk])
    assert client.post(url, {"observation": "  ", "action": "sign_off"}).status_code == 400
    assert FollowUp.objects.get().status == FollowUp.Status.SUBMITTED
    signed = follow_up_observe(
        follow_up=follow_up, supervisor_user=world.supervisor.user, observation="Seen it.", sign_off=True
    )
    again = follow_up_observe(
        follow_up=follow_up, supervisor_user=world.supervisor.user, observation="Other.", sign_off=True
    )
    assert again.signed_off_at == signed.signed_off_at and again.observation == "Seen it."
    with pytest.raises(ServiceError) as refused:
        follow_up_observe(
            follow_up=follow_up, supervisor_user=world.supervisor.user, observation="Changed.", sign_off=False
        )
    assert refused.value.code == "locked" and FollowUp.objects.get().observation == "Seen it."


def test_the_navigation_counts_it(world, client):
    follow_up_submitted(world)
    client.force_login(world.supervisor.user)
    html = client.get(reverse("my_learning")).content.decode()
    assert '1<span class="visually-hidden"> reflection to review</span>' in html
    home = client.get(reverse("supervision")).content.decode()
    assert "1 follow-up on practice is waiting for your observation." in home


FOLLOW_UP_LINK = re.compile(r'href="/follow-ups/\d+/"')


@pytest.mark.parametrize("count", [2, 12])
def test_my_learning_panel_queries_stay_flat(world, client, count, django_assert_max_num_queries):
    index = site_structure_ensure()
    for module in [ModulePageFactory(parent=index, follow_up_after_weeks=6) for _ in range(count)]:
        follow_up_due(world.learner.user, module)
    client.force_login(world.learner.user)
    with django_assert_max_num_queries(9):  # the panel is one of them, however many follow-ups it lists
        response = client.get(reverse("my_learning"))
    assert len(set(FOLLOW_UP_LINK.findall(response.content.decode()))) == count


@pytest.mark.parametrize("count", [2, 12])
def test_the_queue_s_queries_stay_flat(world, client, count, django_assert_max_num_queries):
    for _ in range(count):
        learner = MembershipFactory(organisation=world.home, supervisor=world.supervisor)
        follow_up_submitted(world, membership=learner)
    client.force_login(world.supervisor.user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("review_queue"))
    assert response.content.decode().count(TEXT[:40]) == count
