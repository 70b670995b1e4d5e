"""Who reads a follow-up's text: its learner, and the supervisor it was submitted to while they hold the role.
Everyone else (another learner, another supervisor here or elsewhere, the workforce lead, a platform admin)
gets 404, so nobody learns it exists; refused writes change nothing."""

import pytest
from django.urls import reverse
from follow_up_world import TEXT, follow_up_due, follow_up_submitted, world_build

from assessments.models import FollowUp

pytestmark = pytest.mark.django_db

OTHERS = ["other_learner", "other_supervisor", "stranger", "lead", "admin"]


@pytest.fixture
def world():
    return world_build()


def _login(client, world, actor):
    person = getattr(world, actor)
    client.force_login(person if actor == "admin" else person.user)


def _snapshot():
    return list(FollowUp.objects.order_by("pk").values())


@pytest.mark.parametrize(
    ("actor", "status"),
    [("learner", 200), ("supervisor", 200), *((actor, 404) for actor in OTHERS)],
)
def test_the_text_of_a_submitted_follow_up(world, client, actor, status):
    follow_up = follow_up_submitted(world)
    _login(client, world, actor)
    response = client.get(reverse("follow_up_detail", args=[follow_up.pk]))
    assert response.status_code == status
    assert (TEXT in response.content.decode()) is (status == 200)


@pytest.mark.parametrize(
    ("actor", "status"),
    [("learner", 200), ("supervisor", 404), *((actor, 404) for actor in OTHERS)],
)
def test_a_due_follow_up_is_the_learner_s_alone(world, client, actor, status):
    """Not yet sent, it is with nobody: not even the learner's supervisor sees that it exists."""
    follow_up = follow_up_due(world.learner.user, world.module)
    _login(client, world, actor)
    assert client.get(reverse("follow_up_detail", args=[follow_up.pk])).status_code == status


@pytest.mark.parametrize("actor", ["supervisor", *OTHERS])
def test_only_the_learner_may_send_it(world, client, actor):
    follow_up = follow_up_due(world.learner.user, world.module)
    before = _snapshot()
    _login(client, world, actor)
    response = client.post(
        reverse("follow_up_submit", args=[follow_up.pk]),
        {"text": "Not mine.", "supervisor": world.supervisor.pk},
    )
    assert response.status_code == 404 and _snapshot() == before


@pytest.mark.parametrize(("actor", "status"), [("learner", 302), *((actor, 404) for actor in OTHERS)])
def test_only_the_supervisor_it_was_sent_to_may_observe_or_sign_off(world, client, actor, status):
    follow_up = follow_up_submitted(world)
    before = _snapshot()
    _login(client, world, actor)
    response = client.post(
        reverse("follow_up_observe", args=[follow_up.pk]), {"observation": "Signed.", "action": "sign_off"}
    )
    assert response.status_code == status and _snapshot() == before  # the learner is told no, on their page


def test_a_supervisor_who_gave_up_the_role_no_longer_reads_it(world, client):
    follow_up = follow_up_submitted(world)
    world.supervisor.is_supervisor = False
    world.supervisor.save()
    client.force_login(world.supervisor.user)
    assert client.get(reverse("follow_up_detail", args=[follow_up.pk])).status_code == 404


def test_a_new_supervisor_does_not_inherit_it(world, client):
    follow_up = follow_up_submitted(world)
    world.learner.supervisor = world.other_supervisor
    world.learner.save()
    client.force_login(world.other_supervisor.user)
    assert client.get(reverse("follow_up_detail", args=[follow_up.pk])).status_code == 404
    assert TEXT not in client.get(reverse("review_queue")).content.decode()


def test_each_learner_lists_only_their_own(world, client):
    mine = follow_up_submitted(world)
    theirs = follow_up_due(world.other_learner.user, world.module)
    client.force_login(world.learner.user)
    html = client.get(reverse("follow_up_list")).content.decode()
    assert f"/follow-ups/{mine.pk}/" in html and f"/follow-ups/{theirs.pk}/" not in html
    assert f"/follow-ups/{theirs.pk}/" not in client.get(reverse("my_learning")).content.decode()
