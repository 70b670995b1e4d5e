"""My certificates, downloads, managing and ZIP bundles: who may do what (role x own/other organisation)."""

import io
import zipfile

import pytest
from django.urls import reverse

from certificates.models import Certificate, CertificateBundle, CertificateEvent
from learning.organisations.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(member):
    supervisor = MembershipFactory(organisation=member.organisation, is_supervisor=True)
    member.supervisor = supervisor
    member.save()
    return {
        "owner": member.user,
        "supervisor": supervisor.user,
        "lead": MembershipFactory(organisation=member.organisation, is_lead=True).user,
        "colleague": MembershipFactory(organisation=member.organisation).user,
        "other_lead": MembershipFactory(is_lead=True).user,
        "admin": UserFactory(is_superuser=True),
    }


@pytest.mark.parametrize(
    "who,view,manage",
    [
        ("owner", True, False),
        ("supervisor", True, False),
        ("lead", True, True),
        ("colleague", False, False),
        ("other_lead", False, False),
        ("admin", True, True),
    ],
)
def test_certificate_permission_matrix(client, certificate, people, who, view, manage):
    client.force_login(people[who])
    assert (client.get(reverse("certificate_pdf", args=[certificate.code])).status_code == 200) is view
    assert (client.get(reverse("certificate_badge", args=[certificate.code])).status_code == 200) is view
    assert (client.get(reverse("certificate_manage", args=[certificate.code])).status_code == 200) is manage


@pytest.mark.parametrize(
    "who,status",
    [
        ("owner", 200),
        ("supervisor", 200),
        ("lead", 200),
        ("colleague", 404),
        ("other_lead", 404),
        ("admin", 200),
    ],
)
def test_certificate_web_page_is_for_those_who_may_see_it(client, certificate, people, who, status):
    url = reverse("certificate_page", args=[certificate.code])
    assert client.get(url).status_code == 302  # anonymous: sent to sign in
    client.force_login(people[who])
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert html.count("<h1") == 1 and "Certificate of completion" in html
        assert "Alex Morgan" in html and "Safe and Together basics" in html and certificate.code in html
        assert reverse("certificate_verify", args=[certificate.code]) in html
        assert reverse("certificate_pdf", args=[certificate.code]) in html


def test_verify_page_links_the_web_page_only_for_those_who_may_see_it(client, certificate, people):
    verify = reverse("certificate_verify", args=[certificate.code])
    page = reverse("certificate_page", args=[certificate.code])
    assert page not in client.get(verify).content.decode()
    client.force_login(people["colleague"])
    assert page not in client.get(verify).content.decode()
    client.force_login(people["owner"])
    assert page in client.get(verify).content.decode()
    assert page in client.get(reverse("my_certificates")).content.decode()

    client.force_login(people["owner"])
    html = client.get(reverse("my_certificates")).content.decode()
    assert certificate.code in html
    client.force_login(people["colleague"])
    assert certificate.code not in client.get(reverse("my_certificates")).content.decode()


def test_lead_reissues_and_revokes_with_audit(client, certificate, people):
    client.force_login(people["lead"])
    url = reverse("certificate_manage", args=[certificate.code])
    assert "This field is required" in client.post(url, {"action": "revoke", "reason": " "}).content.decode()
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    response = client.post(url, {"action": "reissue", "reason": "Name change"})
    replacement = Certificate.objects.get(completion=certificate.completion, version=2)
    assert response.url == reverse("certificate_manage", args=[replacement.code])
    client.post(
        reverse("certificate_manage", args=[replacement.code]),
        {"action": "revoke", "reason": "Issued in error"},
    )
    replacement.refresh_from_db()
    assert replacement.status == "revoked"
    assert list(CertificateEvent.objects.filter(certificate=replacement).values_list("action", "actor")) == [
        ("reissued", people["lead"].pk),
        ("revoked", people["lead"].pk),
    ]


def test_lead_downloads_zip_of_organisation(
    client, certificate, people, member, django_capture_on_commit_callbacks
):
    client.force_login(people["lead"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("bundle_create", args=[member.organisation.pk]))
    bundle = CertificateBundle.objects.get()
    assert response.url == reverse("bundle_detail", args=[bundle.pk])
    assert client.get(reverse("bundle_status", args=[bundle.pk])).json()["percent"] == 100
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(reverse("bundle_download", args=[bundle.pk])).streaming_content))
    )
    assert [n for n in archive.namelist() if certificate.code in n]
    client.force_login(people["other_lead"])
    assert client.get(reverse("bundle_download", args=[bundle.pk])).status_code == 403
    assert client.post(reverse("bundle_create", args=[member.organisation.pk])).status_code == 403


def test_jwks_publishes_only_the_public_key(client):
    keys = client.get(reverse("certificate_jwks")).json()["keys"]
    assert keys and "d" not in keys[0]


def test_a_failed_zip_job_says_so_instead_of_waiting_forever(
    client, certificate, people, member, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ValueError("corrupt archive")

    monkeypatch.setattr("certificates.bundles.zipfile.ZipFile", broken)
    client.force_login(people["lead"])
    with django_capture_on_commit_callbacks(
        execute=True
    ):  # the task's error is logged, the request is not failed
        assert client.post(reverse("bundle_create", args=[member.organisation.pk])).status_code == 302
    bundle = CertificateBundle.objects.get()
    assert client.get(reverse("bundle_status", args=[bundle.pk])).json()["status"] == "failed"
    page = client.get(reverse("bundle_detail", args=[bundle.pk])).content.decode()
    retry = reverse("bundle_retry", args=[bundle.pk])
    assert (
        "Something went wrong" in page and f'action="{retry}" data-bundle-retry>' in page
    )  # shown, not hidden
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(retry).url == reverse("bundle_detail", args=[bundle.pk])
    assert client.get(reverse("bundle_status", args=[bundle.pk])).json()["status"] == "ready"
