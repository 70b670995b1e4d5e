"""Reflective-account PDFs: rendered by a task into private storage, downloadable by their author only."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from assessments.models import ReflectionExport
from assessments.practice.services import exports
from assessments.tasks import reflection_export_render
from learning.core.errors import ServiceError
from learning.core.pdf import PDFRenderError

pytestmark = pytest.mark.django_db


def _text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def test_export_is_rendered_after_commit_into_a_private_path(
    world, make_entry, django_capture_on_commit_callbacks
):
    signed, draft = make_entry("signed_off"), make_entry("draft")
    with django_capture_on_commit_callbacks(execute=True):
        export = exports.export_request(author=world.author.user, entries=[signed, draft])
    export.refresh_from_db()
    assert export.status == ReflectionExport.Status.READY
    assert export.file_path.startswith(f"private/reflection-exports/{world.author.user.pk}/")
    with default_storage.open(export.file_path, "rb") as handle:
        text = _text(handle.read())
    assert "Reflective account" in text and "What I wrote for Action plan." in text
    assert "Signed off by Sam Reid, Team leader, NHS Home" in text
    assert "Not signed off (Draft)" in text
    assert len(PdfReader(default_storage.open(export.file_path, "rb")).pages) >= 2  # one account per page


def test_running_the_task_twice_leaves_one_file(world, make_entry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = exports.export_request(author=world.author.user, entries=[make_entry("signed_off")])
    export.refresh_from_db()
    first_path = export.file_path
    reflection_export_render.delay(export.pk)
    export.refresh_from_db()
    assert export.file_path == first_path
    assert len(default_storage.listdir(f"private/reflection-exports/{world.author.user.pk}")[1]) == 1


def test_a_rendering_failure_is_recorded(world, make_entry, monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise PDFRenderError("bad template")

    monkeypatch.setattr(exports, "render_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        export = exports.export_request(author=world.author.user, entries=[make_entry("signed_off")])
    export.refresh_from_db()
    assert export.status == ReflectionExport.Status.FAILED and "bad template" in export.error


def test_only_your_own_reflections_can_be_exported(world, make_entry):
    theirs = make_entry("signed_off")
    for user in (world.supervisor.user, world.admin, world.lead.user):
        with pytest.raises(ServiceError):
            exports.export_request(author=user, entries=[theirs])
    with pytest.raises(ServiceError):
        exports.export_request(author=world.author.user, entries=[])


def test_download_is_served_to_the_author_only(
    world, make_entry, client, person, django_capture_on_commit_callbacks
):
    entry = make_entry("signed_off")
    client.force_login(world.author.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reflection_export_new"), {"entries": [entry.pk]})
    export = ReflectionExport.objects.get()
    assert response.url == reverse("reflection_export", args=[export.pk])
    assert "Download your PDF" in client.get(response.url).content.decode()
    assert client.get(reverse("reflection_export_status", args=[export.pk])).json() == {"status": "ready"}
    download = client.get(reverse("reflection_export_download", args=[export.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"] and "no-store" in download["Cache-Control"]
    assert "Signed off by Sam Reid" in _text(b"".join(download.streaming_content))
    for actor in ("supervisor", "lead", "editor", "admin", "stranger"):
        client.force_login(person(world, actor))
        for name in ("reflection_export", "reflection_export_status", "reflection_export_download"):
            assert client.get(reverse(name, args=[export.pk])).status_code == 404, (actor, name)


def test_someone_elses_entry_cannot_be_slipped_into_the_form(world, make_entry, client):
    client.force_login(world.supervisor.user)
    response = client.post(
        reverse("reflection_export_new"), {"entries": [make_entry("signed_off").pk]}, follow=True
    )
    assert ReflectionExport.objects.count() == 0 and "only download your own" in response.content.decode()


def test_pending_export_shows_preparing_and_the_download_waits(world, make_entry, client):
    export = ReflectionExport.objects.create(author=world.author.user)  # no task has run yet
    export.entries.set([make_entry("signed_off")])
    client.force_login(world.author.user)
    assert "Preparing your PDF" in client.get(reverse("reflection_export", args=[export.pk])).content.decode()
    response = client.get(reverse("reflection_export_download", args=[export.pk]))
    assert response.status_code == 302 and response.url == reverse("reflection_export", args=[export.pk])
