"""The question editor of the Wagtail admin: an editor opens a question, posts the form back as the page holds
it (the rich-text editor's own HTML, the options' inline formset with its management data), and it saves."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import Question
from assessments.quizzes.formats import bank
from assessments.quizzes.formats.sanitise import plain_to_html
from assessments.quizzes.services.imports import questions_write
from learning.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.fixture
def seed_question(quiz):
    """A question as the seed writes it (assessments/quizzes/seed.py): plain text made HTML, thirds as Moodle
    writes them, and a link in the text."""
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question(
                name="Thirds",
                qtype="multi",
                text=plain_to_html("Which three? See")
                + ' <a href="https://example.org/guide?a=1&amp;b=2">the guide</a>',
                explanation=plain_to_html("Because & so."),
                tags=["lesson-1"],
                options=[
                    bank.Option(plain_to_html(t), f, plain_to_html(fb))
                    for t, f, fb in [
                        ("A", "33.33333", "Yes."),
                        ("B", "33.33333", ""),
                        ("C & D", "33.33333", ""),
                        ("E", "-100", "No."),
                    ]
                ],
            )
        ],
    )
    return Question.objects.get(quiz=quiz)


def form_data(html):
    """What the browser would post: every field of the edit form as the page renders it."""
    form = next(
        form
        for form in BeautifulSoup(html, "html.parser").find_all("form")
        if form.find(attrs={"name": "options-TOTAL_FORMS"})
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.text.removeprefix("\n")  # as browsers read a textarea
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    return data


def edit_url(question):
    return reverse("wagtailsnippets_assessments_question:edit", args=[question.pk])


def snapshot(question):
    question.refresh_from_db()
    return (
        question.name,
        question.text,
        question.explanation,
        sorted(t.name for t in question.tags.all()),
        [(o.text, o.fraction, o.feedback) for o in question.options.all()],
    )


def test_an_unchanged_seed_question_saves_and_keeps_its_content(client, editor, seed_question):
    before = snapshot(seed_question)
    response = client.post(
        edit_url(seed_question), form_data(client.get(edit_url(seed_question)).content.decode())
    )
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").get_text(
        " ", strip=True
    )[:2000]
    after = snapshot(seed_question)
    assert after[0] == before[0] and after[3:] == before[3:]
    # The editor wraps text in paragraphs; the link and its address survive, nothing of the editor's own is
    # kept.
    assert after[1] == (
        '<p>Which three? See <a href="https://example.org/guide?a=1&amp;b=2">the guide</a></p>'
    )
    assert after[2] == "<p>Because &amp; so.</p>"


def test_a_second_save_changes_nothing(client, editor, seed_question):
    for _ in range(2):
        client.post(edit_url(seed_question), form_data(client.get(edit_url(seed_question)).content.decode()))
    once = snapshot(seed_question)
    assert (
        client.post(
            edit_url(seed_question), form_data(client.get(edit_url(seed_question)).content.decode())
        ).status_code
        == 302
    )
    assert snapshot(seed_question) == once


def test_the_options_being_saved_are_the_ones_checked(client, editor, seed_question):
    """The options are checked as posted, not as stored: a grade Moodle refuses is refused with the nearest
    one named, and a fixed grade saves."""
    data = form_data(client.get(edit_url(seed_question)).content.decode())
    data["options-0-fraction"], data["options-1-fraction"] = "35", "31.66666"
    html = client.post(edit_url(seed_question), data).content.decode()
    assert "35% is not a grade Moodle accepts: the nearest is 33.33333%." in html
    assert "31.66666% is not a grade Moodle accepts: the nearest is 30%." in html
    assert [o.fraction for o in seed_question.options.all()][:2] == [Decimal("33.33333")] * 2
    data["options-0-fraction"], data["options-1-fraction"], data["options-2-fraction"] = "50", "25", "25"
    assert client.post(edit_url(seed_question), data).status_code == 302
    assert [o.fraction for o in seed_question.options.all()] == [50, 25, 25, -100]


def test_a_new_question_is_created_with_its_options(client, editor, seed_question):
    add = reverse("wagtailsnippets_assessments_question:add")
    data = form_data(client.get(add).content.decode())
    data.update(
        {
            "quiz": seed_question.quiz_id,
            "name": "Thirds",
            "qtype": "single",
            "text": _draftail("Pick one"),
            "options-TOTAL_FORMS": "2",
        }
    )
    for i, (text, fraction) in enumerate([("Right", "100"), ("Wrong <b>really</b>", "0")]):
        data.update(
            {
                f"options-{i}-text": text,
                f"options-{i}-fraction": fraction,
                f"options-{i}-feedback": "",
                f"options-{i}-ORDER": str(i + 1),
                f"options-{i}-id": "",
                f"options-{i}-DELETE": "",
            }
        )
    response = client.post(add, data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").get_text(
        " ", strip=True
    )[:2000]
    new = Question.objects.exclude(pk=seed_question.pk).get()  # the same name as another: names are not keys
    assert new.name == "Thirds" and new.text == "<p>Pick one</p>"
    assert [(o.text, o.fraction) for o in new.options.all()] == [("Right", 100), ("Wrong <b>really</b>", 0)]


def _draftail(text):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )
