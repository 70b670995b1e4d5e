"""Response headers and private files: a strict Content-Security-Policy, a Permissions-Policy, no caching of
anything shown to a signed-in person, and no private file reachable at /media/ (in development too)."""

import importlib
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import clear_url_caches, reverse

from assessments.models import ReflectionExport
from assessments.practice.services import exports
from assessments.quizzes.factories import ReflectiveEntryFactory
from certificates.bundles import bundle_request
from certificates.models import Certificate, CertificateBundle
from learning.organisations.factories import MembershipFactory, UserFactory
from learning.progress import services as progress
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
PRIVATE = "private, no-store"


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    """A learner with a certificate, a reflection and a ready reflective PDF; their lead with a ready ZIP."""
    member = MembershipFactory()
    lead = MembershipFactory(organisation=member.organisation, is_learner=False, is_lead=True)
    module = ModulePageFactory(parent=site_structure_ensure(), title="Safe and Together basics")
    lesson = LessonPageFactory(parent=module)
    entry = ReflectiveEntryFactory(membership=member)
    with django_capture_on_commit_callbacks(execute=True):
        progress.lesson_complete(user=member.user, lesson=lesson)
    with django_capture_on_commit_callbacks(execute=True):
        export = exports.export_request(author=member.user, entries=[entry])
        bundle = bundle_request(organisation=member.organisation, team=None, requested_by=lead.user)
    export.refresh_from_db()
    bundle.refresh_from_db()
    assert export.status == ReflectionExport.Status.READY and bundle.status == CertificateBundle.Status.READY
    return SimpleNamespace(
        member=member,
        lead=lead,
        certificate=Certificate.objects.get(user=member.user),
        entry=entry,
        export=export,
        bundle=bundle,
    )


def _policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def test_learner_page_has_a_strict_content_security_policy(client, world):
    client.force_login(world.member.user)
    policy = _policy(client.get(reverse("my_learning")))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not [source for sources in policy.values() for source in sources if "unsafe" in source]


def test_public_page_has_the_same_policy(client, world):
    response = client.get(reverse("certificate_verify", args=[world.certificate.code]))
    assert _policy(response)["script-src"] == ["'self'"]


def test_only_the_wagtail_admin_gets_its_looser_policy(client, world):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    admin = _policy(client.get("/admin/"))
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"] and admin["frame-ancestors"] == ["'self'"]
    assert admin["object-src"] == ["'none'"] and admin["form-action"] == ["'self'"]
    assert _policy(client.get(reverse("my_certificates")))["script-src"] == ["'self'"]


@pytest.mark.parametrize("url", ["/verify/", "/accounts/login/"])
def test_every_response_has_a_permissions_policy(client, url):
    features = dict(re.findall(r"([a-z-]+)=(\([^)]*\))", client.get(url)["Permissions-Policy"]))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()", feature


# Every private download and private page: (who opens it, URL name, its arguments from the world).
PRIVATE_VIEWS = {
    "certificate pdf": ("member", "certificate_pdf", lambda w: [w.certificate.code]),
    "badge": ("member", "certificate_badge", lambda w: [w.certificate.code]),
    "my certificates": ("member", "my_certificates", lambda w: []),
    "learning record page": ("member", "coverage_record", lambda w: [w.member.pk]),
    "learning record csv": ("member", "coverage_record_export_csv", lambda w: [w.member.pk]),
    "learning record xlsx": ("lead", "coverage_record_export_xlsx", lambda w: [w.member.pk]),
    "coverage csv": ("lead", "coverage_export_csv", lambda w: [w.member.organisation_id]),
    "coverage xlsx": ("lead", "coverage_export_xlsx", lambda w: [w.member.organisation_id]),
    "reflection list": ("member", "reflection_list", lambda w: []),
    "reflection page": ("member", "reflection_detail", lambda w: [w.entry.pk]),
    "reflection edit": ("member", "reflection_edit", lambda w: [w.entry.pk]),
    "reflection export page": ("member", "reflection_export", lambda w: [w.export.pk]),
    "reflection export pdf": ("member", "reflection_export_download", lambda w: [w.export.pk]),
    "certificate zip": ("lead", "bundle_download", lambda w: [w.bundle.pk]),
}


@pytest.mark.parametrize("name", list(PRIVATE_VIEWS))
def test_private_downloads_and_pages_are_never_cached(client, world, name):
    who, url_name, args = PRIVATE_VIEWS[name]
    client.force_login(getattr(world, who).user)
    response = client.get(reverse(url_name, args=args(world)))
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_public_verify_page_keeps_no_private_cache_policy(client, world):
    response = client.get(reverse("certificate_verify", args=[world.certificate.code]))
    assert response.status_code == 200
    assert "Cache-Control" not in response


@pytest.fixture
def debug_urls(settings):
    """The URL conf as `DEBUG=True` builds it (it is built once, at import)."""
    import learning.urls

    settings.DEBUG = True
    importlib.reload(learning.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(learning.urls)
    clear_url_caches()


def test_private_files_are_not_served_at_media_in_debug(client, world, settings, debug_urls):
    media = Path(settings.MEDIA_ROOT)
    image = media / "images" / "lesson.max-800x600.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\x89PNG picture")
    assert client.get("/media/images/lesson.max-800x600.png").status_code == 200  # the dev conf is in force
    private = [world.certificate.pdf.name, world.bundle.file.name, world.export.file_path]
    assert all((media / name).exists() for name in private)
    for name in private:
        assert client.get(f"/media/{name}").status_code == 404, name
    client.raise_request_exception = False  # Django refuses a path that climbs out of images/ as suspicious
    assert client.get(f"/media/images/../{private[0]}").status_code == 400
    client.force_login(MembershipFactory(organisation=world.member.organisation).user)  # a colleague
    for name in private:
        assert client.get(f"/media/{name}").status_code == 404, name


# --- Templates: nothing inline that the policy would block, so a regression fails here before in a browser.
HTML_TEMPLATES = [p for p in TEMPLATES.rglob("*.html") if "pdf" not in p.relative_to(TEMPLATES).parts]
INLINE = {
    # A JSON data block (json_script) is not run, so the policy allows it.
    "inline <script>": re.compile(
        r"""<script\b(?![^>]*\bsrc=)(?![^>]*type=["']?application/json)[^>]*>""", re.I
    ),
    "event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"""=\s*["']?\s*javascript:""", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "<style> element": re.compile(r"<style\b", re.I),
}


def test_html_templates_exist_to_be_scanned():
    assert len(HTML_TEMPLATES) > 50


@pytest.mark.parametrize("what", list(INLINE))
def test_templates_have_nothing_inline_that_the_policy_blocks(what):
    offenders = [
        str(path.relative_to(TEMPLATES)) for path in HTML_TEMPLATES if INLINE[what].search(path.read_text())
    ]
    assert offenders == []
