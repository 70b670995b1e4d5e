"""Issuing: once per completion, atomic, a PDF holding the name, module and code, emailed to the learner."""

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from certificates import services
from certificates.models import Certificate
from certificates.tasks import certificate_issue
from learning.progress.models import ModuleCompletion

pytestmark = pytest.mark.django_db


@pytest.fixture
def completion(member, module, complete_lessons):
    complete_lessons(member.user, module)  # eager Celery: this already issues the certificate
    return ModuleCompletion.objects.get(user=member.user, module=module)


def test_completing_issues_a_certificate_and_emails_a_link(
    member, module, complete_lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the email is sent after the issue commits
        complete_lessons(member.user, module)
    certificate = Certificate.objects.get(user=member.user)
    assert certificate.status == "valid" and certificate.cpd_minutes == 0  # no reflection asked: no CPD
    assert any("/certificates/" in m.body and certificate.code in m.body for m in mail.outbox)


def test_task_run_twice_gives_one_certificate(completion):
    certificate_issue.delay(completion.pk)
    certificate_issue.delay(completion.pk)
    assert Certificate.objects.filter(completion=completion).count() == 1


def test_pdf_holds_name_module_and_code(completion):
    certificate = services.certificate_issue(completion=completion)
    with certificate.pdf.open("rb") as handle:
        text = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    assert "Alex Morgan" in text and "Safe and Together basics" in text and certificate.code in text
    assert "/verify/" + certificate.code in text


@pytest.mark.parametrize(
    "failing",
    ["certificates.services.render_certificate_pdf", "django.core.files.storage.FileSystemStorage._save"],
)
def test_failure_while_rendering_or_storing_leaves_nothing_and_retry_succeeds(
    completion, monkeypatch, failing
):
    Certificate.objects.all().delete()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(failing, boom)
        with pytest.raises(OSError):
            services.certificate_issue(completion=completion)
    assert not Certificate.objects.exists()
    assert services.certificate_issue(completion=completion).pdf.size > 1000


def test_task_retries_transient_errors(completion, monkeypatch):
    Certificate.objects.all().delete()
    calls = {"n": 0}
    real = services.render_certificate_pdf

    def flaky(certificate):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("temporary")
        return real(certificate)

    monkeypatch.setattr(services, "render_certificate_pdf", flaky)
    monkeypatch.setattr(certificate_issue, "retry_backoff", False)
    certificate_issue.apply(args=[completion.pk], throw=False)  # the retry runs eagerly inside
    assert calls["n"] == 2 and Certificate.objects.filter(completion=completion).count() == 1
    assert certificate_issue.acks_late
