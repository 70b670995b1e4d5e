"""Searching the snippets in the Wagtail admin (finding 3 of issue #15: the question bank answered 500 on
SQLite, "no such column: name", because the listing named fields the SQLite full-text table does not have)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models

from assessments.models import Question, Quiz
from learning.organisations.factories import UserFactory
from modules.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.parametrize("query", ["hand", "hygiene", "washing"])
def test_question_bank_search_finds_the_question(client, editor, quiz, fill_bank, query):
    fill_bank(quiz, count=3)
    Question.objects.filter(name="q001").update(name="hand-hygiene", text="<p>When is hand washing due?</p>")
    for question in Question.objects.all():  # the import writes in bulk; index them as an edit would
        question.save()
    client.force_login(editor)

    response = client.get(reverse(Question.snippet_viewset.get_url_name("list")), {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert "hand-hygiene" in html and "q002" not in html


def test_every_indexed_snippet_listing_can_be_searched(client, quiz):
    """SQLite answers an empty full-text table without looking at the columns, so each listing has a row."""
    Topic.objects.create(name="Trauma care", slug="trauma-care")
    Quiz.objects.create(title="Trauma quiz")
    Question.objects.create(quiz=quiz, name="trauma-q1", qtype="single", text="<p>What helps?</p>")
    found = {Topic: "Trauma care", Quiz: "Trauma quiz", Question: "trauma-q1"}
    assert set(found) == {m for m in get_snippet_models() if class_is_indexed(m)}
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for model, name in found.items():
        response = client.get(reverse(model.snippet_viewset.get_url_name("list")), {"q": "trau"})
        assert response.status_code == 200, model
        assert name in response.content.decode(), model
