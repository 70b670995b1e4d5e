"""Reflective-account PDFs in the regulators' own layouts (the NMC written reflective accounts form, an SSSC
continuous professional learning record), and the NMC Code themes the writer chooses in the editor."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from assessments.models import ReflectionExport
from assessments.practice.services import exports, reflections
from learning.core.errors import ServiceError
from learning.privacy.selectors import personal_data

pytestmark = pytest.mark.django_db

NMC_QUESTIONS = [
    "What was the nature of the CPD activity and/or practice-related feedback and/or event or experience in "
    "your practice?",
    "What did you learn from the CPD activity and/or feedback and/or event or experience in your practice?",
    "How did you change or improve your practice as a result?",
    "How is this relevant to the Code?",
]
NMC_THEMES = [
    "Prioritise people",
    "Practise effectively",
    "Preserve safety",
    "Promote professionalism and trust",
]


def _pdf_text(export) -> str:
    """The PDF's text with whitespace collapsed, so headings that wrap across lines still match."""
    export.refresh_from_db()
    assert export.status == ReflectionExport.Status.READY, export.error
    with default_storage.open(export.file_path, "rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _export(author, entries, layout, capture):
    with capture(execute=True):
        return exports.export_request(author=author, entries=entries, layout=layout)


def _with_code(entry, themes, relevance="It shows me keeping the family's safety first."):
    return reflections.reflection_save(
        entry=entry,
        user=entry.author,
        title=entry.title,
        stages={**entry.stages, "code_relevance": relevance},
        code_themes=themes,
    )


def test_nmc_layout_has_the_four_questions_and_marks_the_chosen_code_themes(
    world, make_entry, django_capture_on_commit_callbacks
):
    entry = _with_code(make_entry("draft"), ["prioritise_people", "preserve_safety"])
    text = _pdf_text(_export(world.author.user, [entry], "nmc", django_capture_on_commit_callbacks))
    for question in NMC_QUESTIONS:
        assert question in text
    assert "☒ Prioritise people (selected)" in text and "☒ Preserve safety (selected)" in text
    assert "☐ Practise effectively" in text and "☐ Promote professionalism and trust" in text
    assert "Practise effectively (selected)" not in text
    assert "It shows me keeping the family's safety first." in text
    assert "Reflective account number 1" in text
    assert "may identify another person" in text  # the NMC's reminder
    # Each question carries the writer's own text from the matching stages, in order.
    positions = [text.index(q) for q in NMC_QUESTIONS]
    assert positions == sorted(positions)
    assert positions[0] < text.index("What I wrote for Description.") < positions[1]
    assert positions[1] < text.index("What I wrote for Conclusion.") < positions[2]
    assert positions[2] < text.index("What I wrote for Action plan.") < positions[3]


def test_nmc_layout_of_a_free_text_reflection_prints_it_once(
    world, make_entry, django_capture_on_commit_callbacks
):
    entry = make_entry("draft", template="free", stages={"reflection": "All of it in one piece."})
    text = _pdf_text(_export(world.author.user, [entry], "nmc", django_capture_on_commit_callbacks))
    assert text.count("All of it in one piece.") == 1
    assert "Written as one piece: see the first question." in text
    for theme in NMC_THEMES:
        assert f"☐ {theme}" in text  # none chosen: all four listed, none marked


def test_sssc_layout_has_its_headings(world, make_entry, django_capture_on_commit_callbacks):
    stages = {"what": "A home visit.", "so_what": "Listening first.", "now_what": "I plan visits."}
    entry = make_entry("draft", template="driscoll", stages=stages)
    entry = _with_code(entry, [], relevance="Codes of Practice 1 and 2.")
    text = _pdf_text(_export(world.author.user, [entry], "sssc", django_capture_on_commit_callbacks))
    for heading in (
        "Continuous professional learning (CPL) record",
        "What activity you did",
        "What you learned",
        "How this learning has contributed to your professional development",
        "Working to the Codes of Practice",
    ):
        assert heading in text
    assert "don't include confidential or private information" in text
    for written in ("A home visit.", "Listening first.", "I plan visits.", "Codes of Practice 1 and 2."):
        assert written in text
    assert "Prioritise people" not in text  # the NMC's themes belong to the NMC form only


def test_the_layout_is_chosen_on_the_export_form_and_defaults_to_the_sites_own(
    world, make_entry, client, django_capture_on_commit_callbacks
):
    entry = make_entry("signed_off")
    client.force_login(world.author.user)
    page = client.get(reverse("reflection_list")).content.decode()
    assert 'name="layout" value="account"' in page and "checked" in page.split('value="account"')[1][:40]
    assert "NMC revalidation: written reflective accounts form" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reflection_export_new"), {"entries": [entry.pk], "layout": "nmc"})
    export = ReflectionExport.objects.get()
    assert export.layout == ReflectionExport.Layout.NMC and NMC_QUESTIONS[3] in _pdf_text(export)
    response = client.post(
        reverse("reflection_export_new"), {"entries": [entry.pk], "layout": "gmc"}, follow=True
    )
    assert ReflectionExport.objects.count() == 1
    assert "Choose a layout for the PDF." in response.content.decode()
    with pytest.raises(ServiceError):
        exports.export_request(author=world.author.user, entries=[entry], layout="gmc")


def test_the_editor_asks_for_code_themes_in_a_fieldset_and_saves_them(world, make_entry, client):
    entry = make_entry("draft")
    client.force_login(world.author.user)
    page = client.get(reverse("reflection_edit", args=[entry.pk])).content.decode()
    assert "<legend>Your professional code (optional)</legend>" in page
    assert "Themes of the NMC Code" in page and 'type="checkbox" name="code_themes"' in page
    data = {
        "title": entry.title,
        **entry.stages,
        "code_relevance": "Relevant to the Code.",
        "code_themes": ["practise_effectively"],
        "action": "save",
    }
    client.post(reverse("reflection_edit", args=[entry.pk]), data)
    entry.refresh_from_db()
    assert entry.code_themes == ["practise_effectively"] and entry.code_relevance == "Relevant to the Code."
    client.post(reverse("reflection_autosave", args=[entry.pk]), {**data, "code_themes": ["preserve_safety"]})
    entry.refresh_from_db()
    assert entry.code_themes == ["preserve_safety"]
    autosave = reverse("reflection_autosave", args=[entry.pk])
    response = client.post(autosave, {**data, "code_themes": ["nonsense"]})
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.code_themes == ["preserve_safety"]
    assert "Preserve safety" in client.get(reverse("reflection_detail", args=[entry.pk])).content.decode()


def test_the_service_refuses_themes_that_are_not_the_codes(world, make_entry):
    entry = make_entry("draft")
    with pytest.raises(ServiceError):
        reflections.reflection_save(
            entry=entry, user=world.author.user, title="T", stages=entry.stages, code_themes=["be_nice"]
        )


def test_the_writers_code_relevance_and_themes_are_in_their_personal_data(world, make_entry):
    _with_code(make_entry("draft"), ["preserve_safety"], relevance="Relevant to the Code.")
    (reflection,) = personal_data(user=world.author.user).sections["reflections"]
    assert reflection["relevance_to_a_professional_code"] == "Relevant to the Code."
    assert reflection["nmc_code_themes"] == ["Preserve safety"]
