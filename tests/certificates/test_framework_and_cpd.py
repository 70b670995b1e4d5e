"""What a certificate says about frameworks and CPD time (issue #16): the framework levels its module's
mappings claim, named with their framework; CPD time only when completing asked for a signed-off
reflection."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import Certificate
from modules.models import FrameworkLevel, FrameworkMapping

pytestmark = pytest.mark.django_db
NES = "NES Transforming Psychological Trauma"


def _map(module, *levels):
    for slug, framework, name, order in levels:
        level = FrameworkLevel.objects.create(slug=slug, framework=framework, name=name, order=order)
        FrameworkMapping.objects.create(module=module, level=level, justification="Checked in a test.")


def _pdf_text(certificate):
    with certificate.pdf.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()


def test_the_framework_line_follows_the_mappings_grouped_by_framework(member, module, complete_lessons):
    _map(
        module,
        ("safe-and-together-introduction", "Safe and Together Model", "Introduction", 0),
        ("skilled", NES, "Trauma-skilled", 1),  # mapped before Trauma-informed, shown after it
        ("informed", NES, "Trauma-informed", 0),
    )
    complete_lessons(member.user, module)
    certificate = Certificate.objects.get(user=member.user)
    assert certificate.framework_levels == (
        "NES Transforming Psychological Trauma: Trauma-informed, Trauma-skilled; "
        "Safe and Together Model: Introduction"
    )


def test_a_module_without_mappings_claims_no_framework_level(client, member, module, complete_lessons):
    FrameworkLevel.objects.create(slug="informed", framework=NES, name="Trauma-informed")
    complete_lessons(member.user, module)
    certificate = Certificate.objects.get(user=member.user)
    assert certificate.framework_levels == ""
    client.force_login(member.user)
    html = client.get(reverse("certificate_page", args=[certificate.code])).content.decode()
    assert "Framework level" not in html


def test_no_cpd_line_when_no_reflection_is_required(client, member, module, complete_lessons):
    assert not module.require_signed_reflection
    complete_lessons(member.user, module)
    certificate = Certificate.objects.get(user=member.user)
    assert certificate.cpd_minutes == 0
    client.force_login(member.user)
    html = client.get(reverse("certificate_page", args=[certificate.code])).content.decode()
    assert "CPD time" not in html
    assert "CPD time" not in _pdf_text(certificate)


def test_cpd_line_when_a_signed_off_reflection_is_required(
    client, member, module, complete_lessons, monkeypatch
):
    module.require_signed_reflection, module.cpd_minutes = True, 60
    module.save_revision().publish()
    # The sign-off itself is tested with reflections; here only that the rule asked for one and it was met.
    monkeypatch.setattr(
        "learning.completion.services.reflection_signed_off", lambda *, user, module, since=None: True
    )
    complete_lessons(member.user, module)
    certificate = Certificate.objects.get(user=member.user)
    assert certificate.cpd_minutes == 60
    client.force_login(member.user)
    html = client.get(reverse("certificate_page", args=[certificate.code])).content.decode()
    assert "CPD time" in html and "60 minutes, with a reflection signed off by a supervisor" in html
    assert "CPD time: 60 minutes" in _pdf_text(certificate)
