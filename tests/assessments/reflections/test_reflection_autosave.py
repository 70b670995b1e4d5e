"""Drafts save as the author types: the endpoint the editor's script posts to, and what it refuses."""

import pytest
from django.urls import reverse

from assessments.models import ReflectiveEntry

pytestmark = pytest.mark.django_db


def _autosave(client, entry, **fields):
    return client.post(reverse("reflection_autosave", args=[entry.pk]), {"title": entry.title, **fields})


def test_autosave_stores_the_text_as_it_stands(world, make_entry, client):
    entry = make_entry("draft", stages={})
    client.force_login(world.author.user)
    response = _autosave(client, entry, description="So far I have written this", feelings="")
    assert response.status_code == 200 and response.json()["saved"] is True
    entry.refresh_from_db()
    assert entry.stages["description"] == "So far I have written this" and entry.stages["feelings"] == ""


def test_autosave_keeps_the_title_when_it_is_blanked_midway(world, make_entry, client):
    entry = make_entry("draft")
    client.force_login(world.author.user)
    client.post(reverse("reflection_autosave", args=[entry.pk]), {"title": "", "description": "x"})
    entry.refresh_from_db()
    assert entry.title.startswith("Reflection")


def test_autosave_is_refused_once_submitted_or_signed_off(world, make_entry, client):
    client.force_login(world.author.user)
    for status in ("submitted", "signed_off"):
        entry = make_entry(status)
        response = _autosave(client, entry, description="An old tab's text")
        assert response.status_code == 409 and response.json()["saved"] is False
        entry.refresh_from_db()
        assert entry.stages["description"] == "What I wrote for Description."


def test_autosave_works_again_when_changes_are_requested(world, make_entry, client):
    entry = make_entry("changes")
    client.force_login(world.author.user)
    assert _autosave(client, entry, description="Revised").json()["saved"] is True
    entry.refresh_from_db()
    assert (
        entry.stages["description"] == "Revised" and entry.status == ReflectiveEntry.Status.CHANGES_REQUESTED
    )


@pytest.mark.parametrize("actor", ["supervisor", "other_supervisor", "lead", "editor", "admin", "stranger"])
def test_nobody_else_can_autosave(world, make_entry, client, person, actor):
    entry = make_entry("draft")
    client.force_login(person(world, actor))
    assert _autosave(client, entry, description="Not mine").status_code == 404
    entry.refresh_from_db()
    assert entry.stages["description"] == "What I wrote for Description."


def test_autosave_needs_post_and_sign_in(world, make_entry, client):
    entry = make_entry("draft")
    assert _autosave(client, entry).status_code == 302  # to sign in
    client.force_login(world.author.user)
    assert client.get(reverse("reflection_autosave", args=[entry.pk])).status_code == 405


def test_too_long_text_is_refused_with_a_message(world, make_entry, client):
    entry = make_entry("draft")
    client.force_login(world.author.user)
    response = _autosave(client, entry, description="x" * 20001)
    assert response.status_code == 400 and "too long" in response.json()["message"]


def test_save_draft_button_works_without_javascript(world, make_entry, client):
    entry = make_entry("draft", stages={})
    client.force_login(world.author.user)
    response = client.post(
        reverse("reflection_edit", args=[entry.pk]),
        {"title": "Kept", "description": "Typed with no script", "action": "save"},
        follow=True,
    )
    assert "Draft saved" in response.content.decode()
    entry.refresh_from_db()
    assert (entry.title, entry.stages["description"]) == ("Kept", "Typed with no script")
