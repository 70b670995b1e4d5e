"""Evidence files: PDF, PNG or JPEG by their bytes, within RECORDS_EVIDENCE_MAX_BYTES, never empty; kept out
of MEDIA_URL and served only to those who may see the record."""

import pytest
from django.urls import reverse

from learning.core.errors import ServiceError
from learning.records.models import ExternalRecord
from learning.records.services import record_submit
from tests.records.conftest import PDF, PNG, big_upload, record_data, upload

pytestmark = pytest.mark.django_db


def _submit(w, evidence):
    return record_submit(user=w.learner.user, membership=w.learner, data=record_data(), evidence=evidence)


def test_a_pdf_and_a_png_are_kept_privately_under_their_real_type(w):
    record = _submit(w, upload())
    assert record.evidence.name.startswith(f"private/records-evidence/{w.learner.user.pk}/")
    assert record.evidence.name.endswith(".pdf") and record.evidence_name == "certificate.pdf"
    # A PNG sent with a .pdf name is stored as the PNG it is.
    png = _submit(w, upload(PNG, name="scan.pdf"))
    assert png.evidence.name.endswith(".png")


@pytest.mark.parametrize(
    ("evidence", "code"),
    [
        (upload(b"", name="empty.pdf"), "evidence_empty"),
        (upload(b"MZ\x90\x00 a program", name="certificate.pdf"), "evidence_type"),
        (
            upload(
                b"<html><script>alert(1)</script>", name="certificate.pdf", content_type="application/pdf"
            ),
            "evidence_type",
        ),
    ],
)
def test_empty_files_and_other_types_disguised_as_pdf_are_refused(w, evidence, code):
    with pytest.raises(ServiceError) as refused:
        _submit(w, evidence)
    assert refused.value.code == code
    assert not ExternalRecord.objects.exists()


def test_the_size_limit_follows_the_setting(w, settings):
    settings.RECORDS_EVIDENCE_MAX_BYTES = 1024
    assert _submit(w, big_upload(1024)).evidence
    with pytest.raises(ServiceError) as refused:
        _submit(w, big_upload(1025))
    assert refused.value.code == "evidence_too_large"


def test_the_form_shows_the_refusal_on_the_evidence_field(w, client, settings):
    settings.RECORDS_EVIDENCE_MAX_BYTES = 1024
    client.force_login(w.learner.user)
    data = {**record_data(), "membership": w.learner.pk, "level": "", "module": "", "equivalence": ""}
    response = client.post(reverse("records_new"), {**data, "evidence": big_upload(2048)})
    assert response.status_code == 200
    assert "larger than 1.0" in response.context["form"].errors["evidence"][0]
    assert not ExternalRecord.objects.exists()
    response = client.post(reverse("records_new"), {**data, "evidence": upload(PDF)})
    record = ExternalRecord.objects.get()
    assert response.status_code == 302 and record.evidence_name == "certificate.pdf"


def test_evidence_is_served_only_to_those_who_may_see_the_record(w, client):
    record = _submit(w, upload())
    url = reverse("records_evidence", args=[record.pk])
    for person in (w.learner, w.supervisor, w.lead):
        client.force_login(person.user)
        response = client.get(url)
        assert response.status_code == 200, person
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF
    for person in (w.colleague, w.lead_b, w.learner_b):
        client.force_login(person.user)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(f"/media/{record.evidence.name}").status_code == 404  # never a public media URL
