"""Issuing at scale (issue #17): the statements one certificate costs, many completions recorded together
issued by one task per batch, a second run issuing nothing, and a QR code that a real reader decodes."""

import base64
import io
import random
from datetime import timedelta

import pypdfium2
import pytest
import zxingcpp
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from certificates import services, tasks
from certificates.models import CODE_ALPHABET, Certificate, CertificateEvent
from certificates.pdf import qr_data_uri, verify_url
from learning.core.events import module_completed
from learning.core.owed import owed_requeue
from learning.organisations.factories import MembershipFactory
from learning.progress.models import ModuleCompletion
from modules.models import FrameworkLevel, FrameworkMapping

pytestmark = pytest.mark.django_db

# One certificate, or a batch of any size for one module: lock the completions, read their certificates, the
# people's memberships and the module's framework mappings; insert the certificates, where they were earned
# and their events. Two more here: the savepoint of the service's transaction inside the test's.
STATEMENTS = 9


@pytest.fixture
def completions(module):
    level = FrameworkLevel.objects.create(slug="informed", framework="NES", name="Trauma-informed")
    FrameworkMapping.objects.create(module=module, level=level, justification="Checked in a test.")

    def make(count):
        members = [MembershipFactory() for _ in range(count)]
        return [
            ModuleCompletion.objects.create(
                user=m.user, module=module, completed_at=timezone.now() - timedelta(minutes=10)
            )
            for m in members
        ]

    return make


@pytest.fixture
def renders(monkeypatch):
    """How many PDFs were rendered (the real renderer still runs)."""
    calls = []
    real = services.render_certificate_pdf

    def counted(certificate):
        calls.append(certificate.code)
        return real(certificate)

    monkeypatch.setattr(services, "render_certificate_pdf", counted)
    return calls


def test_one_certificate_costs_a_fixed_number_of_statements(completions, django_assert_num_queries):
    (completion,) = completions(1)
    with django_assert_num_queries(STATEMENTS):
        tasks.certificate_issue.apply(args=[completion.pk])
    certificate = Certificate.objects.get(completion=completion)
    assert certificate.framework_levels == "NES: Trauma-informed"
    assert certificate.organisation_name == completion.user.memberships.get().organisation.name
    assert list(certificate.earned_in.values_list("pk", flat=True)) == [
        completion.user.memberships.get().organisation_id
    ]
    assert list(certificate.events.values_list("action", flat=True)) == [CertificateEvent.Action.ISSUED]


def test_completions_recorded_together_are_issued_by_one_task_per_batch(
    completions, renders, django_capture_on_commit_callbacks, monkeypatch
):
    recorded = completions(services.ISSUE_BATCH + 3)
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for completion in recorded:  # as an import or an event's attendance records them
            module_completed.send(sender=ModuleCompletion, completion_id=completion.pk)
    (issue,) = [c for c in callbacks if getattr(c, "one", None) is tasks.certificate_issue]
    assert issue.task is tasks.certificate_issue_batch
    assert issue.items == [c.pk for c in recorded]
    sent = []
    real_delay = tasks.certificate_issue_batch.delay
    monkeypatch.setattr(
        tasks.certificate_issue_batch, "delay", lambda ids: sent.append(ids) or real_delay(ids)
    )
    with django_capture_on_commit_callbacks():
        issue()
    assert [len(ids) for ids in sent] == [services.ISSUE_BATCH, 3]
    assert Certificate.objects.filter(completion__in=recorded).count() == len(recorded) == len(renders)


def test_a_batch_costs_the_statements_of_one_certificate(completions, django_assert_num_queries):
    batch = completions(services.ISSUE_BATCH)
    with django_assert_num_queries(STATEMENTS):
        tasks.certificate_issue_batch.apply(args=[[c.pk for c in batch]])
    assert Certificate.objects.filter(completion__in=batch).count() == services.ISSUE_BATCH


def test_a_second_run_issues_and_renders_nothing(completions, renders, django_assert_num_queries):
    batch = completions(5)
    ids = [c.pk for c in batch]
    first = services.certificates_issue_batch(completion_ids=ids)
    with django_assert_num_queries(4):  # savepoint, lock, the certificates found, release
        second = services.certificates_issue_batch(completion_ids=ids)
    assert second == first and len(renders) == 5
    assert Certificate.objects.count() == CertificateEvent.objects.count() == 5


def test_one_failing_render_leaves_the_rest_of_its_batch_issued(completions, monkeypatch):
    batch = completions(4)
    real = services.render_certificate_pdf
    failing = batch[2].user.get_full_name() or batch[2].user.email

    def flaky(certificate):
        if certificate.learner_name == failing:
            raise OSError("disk full")
        return real(certificate)

    monkeypatch.setattr(services, "render_certificate_pdf", flaky)
    with pytest.raises(OSError):
        services.certificates_issue_batch(completion_ids=[c.pk for c in batch])
    assert set(Certificate.objects.values_list("completion_id", flat=True)) == {
        c.pk for c in batch if c is not batch[2]
    }
    monkeypatch.setattr(services, "render_certificate_pdf", real)
    services.certificates_issue_batch(completion_ids=[c.pk for c in batch])  # the retry: only what is owed
    assert Certificate.objects.count() == 4


def test_the_owed_sweep_queues_batches_and_each_completion_once(completions, monkeypatch):
    owed = completions(services.ISSUE_BATCH + 1)
    sent = []
    real_delay = tasks.certificate_issue_batch.delay
    monkeypatch.setattr(
        tasks.certificate_issue_batch, "delay", lambda ids: sent.append(ids) or real_delay(ids)
    )
    assert owed_requeue()["certificate"] == len(owed)
    assert sorted(pk for ids in sent for pk in ids) == sorted(c.pk for c in owed) and len(sent) == 2
    assert Certificate.objects.filter(completion__in=owed).count() == len(owed)
    assert owed_requeue(older_than=timedelta(0))["certificate"] == 0


def _batches_sent(monkeypatch):
    """The lists of ids each certificate_issue_batch message carried (the messages are still sent)."""
    sent, real_delay = [], tasks.certificate_issue_batch.delay

    def delay(ids):
        sent.append(ids)
        return real_delay(ids)

    monkeypatch.setattr(tasks.certificate_issue_batch, "delay", delay)
    return sent


def _decoded(image):
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_the_printed_qr_code_reads_as_the_verify_url(completions):
    (completion,) = completions(1)
    certificate = services.certificate_issue(completion=completion)
    with certificate.pdf.open("rb") as handle:
        page = pypdfium2.PdfDocument(handle.read())[0]
    for scale in (1, 3):  # a screen at 72 dpi, and a print
        assert _decoded(page.render(scale=scale).to_pil()) == [verify_url(certificate.code)]


def test_the_qr_code_reads_back_for_any_code():
    """One fixed mask for every code: it must still read, whatever the code."""
    rng = random.Random(17)
    for _ in range(40):
        raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(16))
        url = verify_url("-".join(raw[i : i + 4] for i in range(0, 16, 4)))
        png = qr_data_uri(url).split(",", 1)[1]
        image = Image.open(io.BytesIO(base64.b64decode(png)))
        image = image.convert("L").resize((image.width * 4, image.height * 4), Image.NEAREST)
        assert _decoded(image) == [url]


def test_many_completions_in_one_transaction_leave_one_callback(
    completions, django_capture_on_commit_callbacks
):
    """Statements stay flat however many completions one transaction records: the receiver only adds ids."""
    recorded = completions(3)
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks() as callbacks,
        transaction.atomic(),
    ):
        for completion in recorded:
            module_completed.send(sender=ModuleCompletion, completion_id=completion.pk)
    issuing = [c for c in callbacks if getattr(c, "one", None) is tasks.certificate_issue]
    assert len(issuing) == 1 and issuing[0].items == [c.pk for c in recorded]
    certificate_queries = [q for q in queries.captured_queries if "certificates_" in q["sql"]]
    assert certificate_queries == []  # nothing is read: the receiver only adds ids
