"""Download my data: a person asks from their account pages, a Celery task builds a ZIP (data.json and their
PDFs) with progress the page shows, only they can download it, and it is deleted once it expires."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from data_export_world import person_with_records
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from learning.core.owed import _REGISTRY, owed_rows
from learning.organisations.factories import OrganisationFactory
from learning.privacy.models import DataExport
from learning.privacy.selectors import personal_data
from learning.privacy.services import data_export_request
from learning.privacy.tasks import data_exports_cleanup

pytestmark = pytest.mark.django_db

GATHER_QUERIES = 34  # one query (or prefetch) per kind of row, whatever the person has


def _ask(client, user, capture):
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("privacy_data_export_ask"))
    assert response.status_code == 302 and response["Location"] == reverse("privacy_data_export")
    return DataExport.objects.get(user=user)


def _zip(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_the_persons_data_and_not_anothers(client, django_capture_on_commit_callbacks):
    shared = OrganisationFactory(name="Shared service")
    ailsa = person_with_records("ailsa", organisation=shared)
    person_with_records("bruce", organisation=shared)
    export = _ask(client, ailsa, django_capture_on_commit_callbacks)
    assert (export.status, export.progress) == ("ready", 100)

    response = client.get(reverse("privacy_data_export_download", args=[export.pk]))
    assert response.status_code == 200
    archive = _zip(response)
    data = json.loads(archive.read("data.json"))
    text = json.dumps(data)
    assert data["account"]["email"] == "ailsa@example.org"
    assert [m["supervisor"] for m in data["memberships"]] == ["Supervisor ailsa 0"]
    assert data["memberships"][0]["required_training"][0]["module"] == "Module ailsa 0"
    assert data["enrolments"][0]["lessons_completed"][0]["lesson"] == "Lesson ailsa 0"
    assert data["quiz_attempts"][0]["questions"][0]["your_answer"] == []
    assert data["reflections"][0]["text"]["Description"] == "What happened ailsa 0."
    assert [c["text"] for c in data["reflections"][0]["comments"]] == ["Comment for ailsa 0"]
    session = data["supervision_sessions"][0]
    assert session["summary"] == "Session ailsa 0"
    assert [n["text"] for n in session["your_note"]] == ["Note ailsa 0"]
    assert data["certificates"][0]["events"][0]["action"] == "Issued"
    assert [n["message"] for n in data["notifications"]] == ["Notification ailsa 0"]
    assert [i["email"] for i in data["invitations_received"]] == ["AILSA@EXAMPLE.ORG"]
    assert data["files_missing"] == []
    for section in data["certificates"] + data["reflective_account_exports"]:
        assert archive.read(section["pdf"]).startswith(b"%PDF") and b"ailsa" in archive.read(section["pdf"])
    assert "bruce" not in text.lower()
    assert not [name for name in archive.namelist() if b"bruce" in archive.read(name)]


def test_a_stranger_gets_404_and_a_signed_out_person_is_sent_to_sign_in(
    client, django_capture_on_commit_callbacks
):
    export = _ask(client, person_with_records("owner"), django_capture_on_commit_callbacks)
    client.logout()
    download = reverse("privacy_data_export_download", args=[export.pk])
    assert client.get(download)["Location"] == f"{reverse('account_login')}?next={download}"
    client.force_login(person_with_records("stranger"))
    assert client.get(download).status_code == 404
    assert client.get(reverse("privacy_data_export_status", args=[export.pk])).status_code == 404


def test_an_expired_export_is_deleted_with_its_file_and_nothing_else(
    client, django_capture_on_commit_callbacks
):
    expired = _ask(client, person_with_records("expired"), django_capture_on_commit_callbacks)
    kept = _ask(client, person_with_records("kept"), django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(expired.user)
    assert client.get(reverse("privacy_data_export_download", args=[expired.pk])).status_code == 404

    assert data_exports_cleanup.delay().get() == 1
    assert list(DataExport.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not default_storage.exists(expired.file.name)
    assert default_storage.exists(kept.file.name)


def test_the_page_shows_the_progress_and_polls_for_it(client, django_capture_on_commit_callbacks):
    user = person_with_records("waiting")
    client.force_login(user)
    page = client.get(reverse("privacy_data_export"))
    assert b"Prepare my data" in page.content and b'aria-current="page"' in page.content
    with django_capture_on_commit_callbacks(execute=False):  # the worker has not picked it up yet
        export = data_export_request(user=user)
    DataExport.objects.filter(pk=export.pk).update(status="running", progress=40)

    page = client.get(reverse("privacy_data_export")).content.decode()
    assert 'role="progressbar"' in page and 'aria-valuenow="40"' in page
    assert f'data-bundle-status-url="{reverse("privacy_data_export_status", args=[export.pk])}"' in page
    assert "js/bundle-progress.js" in page and "<script>" not in page  # the strict CSP: no inline script
    status = client.get(reverse("privacy_data_export_status", args=[export.pk]))
    assert status.json() == {"status": "running", "percent": 40}


def test_asking_again_while_it_is_prepared_starts_nothing_new_and_a_lost_one_is_owed(
    django_capture_on_commit_callbacks,
):
    user = person_with_records("twice")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first, second = data_export_request(user=user), data_export_request(user=user)
    assert first == second and len(queued) == 1
    later = timezone.now() + timedelta(seconds=1)
    rows = owed_rows(_REGISTRY["data export"], older_than=timedelta(0), now=later)
    assert [args for args, _since in rows] == [(first.pk,)]


def test_the_account_menu_links_to_download_my_data(client):
    client.force_login(person_with_records("menu"))
    page = client.get(reverse("account_email")).content.decode()
    assert f'href="{reverse("privacy_data_export")}"' in page


@pytest.mark.parametrize("items", [1, 10])
def test_gathering_a_persons_data_takes_the_same_queries_for_1_and_10_of_everything(
    items, django_assert_max_num_queries
):
    user = person_with_records(f"n{items}", items)
    with django_assert_max_num_queries(GATHER_QUERIES) as captured:
        data = personal_data(user=user)
    assert len(data.sections["reflections"]) == len(data.sections["supervision_sessions"]) == items
    assert len(data.files) == 2 * items  # a certificate and a reflective account each
    assert len(captured) == GATHER_QUERIES
