from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from learning.coverage import services as coverage
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run an action's on-commit work (certificates, coverage recounts, emails: eager Celery) as if it had
    committed."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def w(db, django_capture_on_commit_callbacks):
    """Organisation A with a lead, a supervisor and their supervisee (required to take the trauma module), a
    second learner with no supervisor; organisation B with its own lead and learner."""
    index = site_structure_ensure()
    with django_capture_on_commit_callbacks(execute=True):
        module = ModulePageFactory(parent=index, title="Trauma-informed practice", validity_months=36)
        LessonPageFactory(parent=module)
        other_module = ModulePageFactory(parent=index, title="Safe and Together basics")
        a = OrganisationFactory(name="Organisation A")
        b = OrganisationFactory(name="Organisation B")
        lead = MembershipFactory(organisation=a, is_learner=False, is_lead=True, job_title="Lead")
        supervisor = MembershipFactory(organisation=a, is_supervisor=True, job_title="Team leader")
        learner = MembershipFactory(organisation=a, supervisor=supervisor, job_title="Nurse")
        colleague = MembershipFactory(organisation=a, job_title="Nurse")
        lead_b = MembershipFactory(organisation=b, is_learner=False, is_lead=True, job_title="Lead")
        learner_b = MembershipFactory(organisation=b, job_title="Nurse")
    with django_capture_on_commit_callbacks(execute=True):
        coverage.assignment_create(
            organisation=a, module=module, created_by=lead.user, due_on=date.today() + timedelta(days=30)
        )
    return SimpleNamespace(
        module=module,
        other_module=other_module,
        a=a,
        b=b,
        lead=lead,
        supervisor=supervisor,
        learner=learner,
        colleague=colleague,
        lead_b=lead_b,
        learner_b=learner_b,
    )


def record_data(**changes):
    data = {
        "title": "Trauma-Skilled e-module",
        "provider": "NES",
        "completed_on": date.today() - timedelta(days=10),
        "hours": Decimal("3.5"),
        "participatory_hours": Decimal("1"),
        "level": None,
        "module": None,
        "equivalence": None,
    }
    return {**data, **changes}


def upload(content=PDF, name="certificate.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type)


def big_upload(size, head=PDF):
    return SimpleUploadedFile("big.pdf", head + b"0" * (size - len(head)), "application/pdf")
