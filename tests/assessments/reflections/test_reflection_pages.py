"""The reflection pages end to end through HTTP: starting, writing, submitting, reviewing, updates."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from assessments.models import Notification, ReflectiveEntry
from learning.organisations.factories import MembershipFactory, UserFactory
from modules.factories import ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db
Status = ReflectiveEntry.Status
GIBBS = {
    "description": "a",
    "feelings": "b",
    "evaluation": "c",
    "analysis": "d",
    "conclusion": "e",
    "action_plan": "f",
}


def test_start_a_reflection_on_a_module(world, client):
    module = ModulePageFactory(
        parent=site_structure_ensure(),
        title="GIRFEC in practice",
        reflective_prompt=("Think of a family where the child's needs & the parent's recovery pulled apart."),
    )
    client.force_login(world.author.user)
    html = client.get(reverse("reflection_new"), {"module": module.pk}).content.decode()
    assert 'type="hidden" name="membership"' in html  # one organisation: nothing to choose
    assert f'<option value="{module.pk}" selected>' in html
    response = client.post(
        reverse("reflection_new"),
        {
            "membership": world.author.pk,
            "module": module.pk,
            "template": "gibbs",
            "title": "Worried about a child",
        },
    )
    entry = ReflectiveEntry.objects.get()
    assert response.url == reverse("reflection_edit", args=[entry.pk])
    assert entry.module == module and entry.prompt == module.reflective_prompt
    html = client.get(response.url).content.decode()
    assert "Keep people anonymous" in html and escape(module.reflective_prompt[:40]) in html
    assert 'aria-describedby="id_feelings_helptext"' in html and "Be honest" in html


def test_choosing_between_organisations_and_not_someone_elses(world, client):
    MembershipFactory(user=world.author.user, organisation=world.other)
    client.force_login(world.author.user)
    html = client.get(reverse("reflection_new")).content.decode()
    assert 'type="radio" name="membership"' in html and "<legend>Organisation" in html
    response = client.post(
        reverse("reflection_new"), {"membership": world.colleague.pk, "template": "free", "title": "x"}
    )
    assert response.status_code == 200 and 'id="id_membership_error"' in response.content.decode()
    assert not ReflectiveEntry.objects.exists()


def test_people_without_an_organisation_are_told_why_they_cannot_write_one(client):
    client.force_login(UserFactory())
    assert "Once a workforce lead adds you" in client.get(reverse("reflection_new")).content.decode()
    assert "Once a workforce lead adds you" in client.get(reverse("reflection_list")).content.decode()


def test_submitting_with_empty_parts_marks_each_one(world, make_entry, client):
    entry = make_entry("draft", stages={})
    client.force_login(world.author.user)
    response = client.post(
        reverse("reflection_edit", args=[entry.pk]),
        {"title": entry.title, "description": "Something", "action": "submit"},
    )
    html = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in html
    assert 'id="id_feelings_error"' in html and 'href="#id_feelings"' in html
    assert 'aria-describedby="id_feelings_helptext id_feelings_error"' in html
    entry.refresh_from_db()
    assert entry.status == Status.DRAFT and entry.stages["description"] == "Something"


def test_submit_review_changes_resubmit_sign_off(world, make_entry, client):
    entry = make_entry("draft", stages={})
    client.force_login(world.author.user)
    response = client.post(
        reverse("reflection_edit", args=[entry.pk]),
        {"title": entry.title, **GIBBS, "action": "submit"},
        follow=True,
    )
    assert "sent to Sam Reid for review" in response.content.decode()

    client.force_login(world.supervisor.user)
    review = reverse("reflection_review", args=[entry.pk])
    response = client.post(review, {"decision": "changes", "body": ""})
    assert response.status_code == 400 and 'id="id_body_error"' in response.content.decode()
    response = client.post(review, {"decision": "changes", "body": "Tell me more about the feelings."})
    assert response.url == reverse("review_queue")

    client.force_login(world.author.user)
    html = client.get(reverse("reflection_edit", args=[entry.pk])).content.decode()
    assert "Sam Reid asked for changes" in html and "Tell me more about the feelings." in html
    client.post(
        reverse("reflection_edit", args=[entry.pk]),
        {"title": entry.title, **GIBBS, "feelings": "More", "action": "submit"},
    )

    client.force_login(world.supervisor.user)
    client.post(review, {"decision": "sign_off", "body": "Well done."})
    entry.refresh_from_db()
    assert entry.status == Status.SIGNED_OFF and entry.stages["feelings"] == "More"

    client.force_login(world.author.user)
    html = client.get(reverse("reflection_detail", args=[entry.pk])).content.decode()
    assert "Signed off by <strong>Sam Reid</strong>, Team leader, NHS Home" in html and "Well done." in html
    assert reverse("reflection_edit", args=[entry.pk]) not in html and "Comments are closed" in html
    assert client.get(reverse("reflection_edit", args=[entry.pk])).url == reverse(
        "reflection_detail", args=[entry.pk]
    )
    client.post(reverse("reflection_edit", args=[entry.pk]), {"title": "Changed", **GIBBS, "action": "save"})
    entry.refresh_from_db()
    assert entry.title != "Changed"


def test_no_supervisor_means_no_submit_button(world, client):
    lone = MembershipFactory(organisation=world.home)
    client.force_login(lone.user)
    client.post(reverse("reflection_new"), {"membership": lone.pk, "template": "free", "title": "Alone"})
    entry = ReflectiveEntry.objects.get()
    html = client.get(reverse("reflection_edit", args=[entry.pk])).content.decode()
    assert "You have no supervisor recorded" in html and 'value="submit"' not in html


def test_withdraw_and_delete(world, make_entry, client):
    entry = make_entry("submitted")
    client.force_login(world.author.user)
    client.post(reverse("reflection_withdraw", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.status == Status.DRAFT
    assert "cannot be undone" in client.get(reverse("reflection_delete", args=[entry.pk])).content.decode()
    assert client.post(reverse("reflection_delete", args=[entry.pk])).url == reverse("reflection_list")
    assert not ReflectiveEntry.objects.filter(pk=entry.pk).exists()


def test_updates_are_kept_until_read(world, make_entry, client):
    make_entry("submitted")
    client.force_login(world.supervisor.user)
    note = Notification.objects.get(user=world.supervisor.user)
    assert "sent you a reflection to review" in client.get(reverse("reflection_list")).content.decode()
    response = client.get(reverse("notification_open", args=[note.pk]))
    assert response.url == note.url
    note.refresh_from_db()
    assert note.read_at is not None
    client.force_login(world.author.user)
    assert client.get(reverse("notification_open", args=[note.pk])).status_code == 404


def test_reading_the_reflection_reads_its_updates(world, make_entry, client):
    entry = make_entry("submitted")
    client.force_login(world.supervisor.user)
    client.get(reverse("reflection_detail", args=[entry.pk]))
    assert not Notification.objects.filter(user=world.supervisor.user, read_at__isnull=True).exists()


def test_the_updates_page_marks_what_it_shows_as_read(world, make_entry, client):
    make_entry("submitted"), make_entry("submitted")
    client.force_login(world.supervisor.user)
    assert client.get(reverse("notification_list")).content.decode().count(">New</strong>") == 2
    assert not Notification.objects.filter(user=world.supervisor.user, read_at__isnull=True).exists()


@pytest.mark.parametrize("count", [3, 30])
def test_reflection_list_query_count_is_flat(world, make_entry, client, count, django_assert_max_num_queries):
    for _ in range(count):
        make_entry("draft")
    client.force_login(world.author.user)
    with django_assert_max_num_queries(10):
        html = client.get(reverse("reflection_list")).content.decode()
    assert len(re.findall(r'name="entries" value="\d+"', html)) == min(count, 25)
