"""A module exported as a cmi5 course package: cmi5.xml valid against the official CourseStructure.xsd, the
AU and every file it loads inside the ZIP, and the download only for editors and workforce leads."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from lxml import etree
from wagtail_factories import ImageFactory

from learning.core.links import site_root
from learning.organisations.factories import MembershipFactory, UserFactory
from learning.xapi.cmi5.package import cmi5_package
from modules.factories import LessonPageFactory
from modules.seed import site_structure_ensure
from tests.xapi.journey import module_with_quiz

pytestmark = pytest.mark.django_db
XSD = Path(__file__).resolve().parent / "schemas" / "CourseStructure.xsd"
NS = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}


@pytest.fixture
def content(db):
    content = module_with_quiz(site_structure_ensure())
    content.module.learning_outcomes = [("outcome", "Name two signs of hidden harm.")]
    content.module.save_revision().publish()
    return content


def package(module) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(cmi5_package(module=module)))


def test_cmi5_xml_is_valid_against_the_course_structure_schema(content):
    document = etree.fromstring(package(content.module).read("cmi5.xml"))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(document), schema.error_log
    module_id = site_root() + content.module.url
    assert document.find("c:course", NS).get("id") == module_id
    (au,) = document.findall("c:au", NS)
    assert (au.get("moveOn"), au.get("masteryScore")) == ("CompletedAndPassed", "0.5")
    assert au.find("c:url", NS).text == "au/index.html"
    assert document.find("c:objectives/c:objective/c:title/c:langstring", NS).text == (
        "Name two signs of hidden harm."
    )


def test_a_module_without_a_quiz_moves_on_when_completed(content):
    content.quiz.delete()
    document = etree.fromstring(package(content.module).read("cmi5.xml"))
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(document)
    au = document.find("c:au", NS)
    assert (au.get("moveOn"), au.get("masteryScore")) == ("Completed", None)


def test_the_package_holds_the_au_and_everything_it_loads(content):
    files = package(content.module)
    assert set(files.namelist()) == {"cmi5.xml", "au/index.html", "au/cmi5.js", "au/au.css"}
    index = files.read("au/index.html").decode()
    for lesson in content.lessons:
        assert lesson.title in index
    assert content.quiz.title in index and '"passMark": 50' in index
    loaded = re.findall(r'(?:src|href)="([^"]+)"', index)
    assert sorted(loaded) == ["au.css", "cmi5.js"]  # no CDN, nothing from another site
    script = files.read("au/cmi5.js").decode()
    assert "http" not in script.replace("http://adlnet.gov/expapi/verbs/", "").replace(
        "https://w3id.org/", ""
    )


def test_links_to_the_platform_are_made_full(content):
    lesson = LessonPageFactory(
        parent=content.module,
        body=[("rich_text", '<p>See <a href="/catalogue/">the catalogue</a>.</p>')],
    )
    lesson.save_revision().publish()
    index = package(content.module).read("au/index.html").decode()
    assert f'href="{site_root()}/catalogue/"' in index


def test_editors_and_leads_download_it(client, content):
    url = reverse("cmi5_export", args=[content.module.pk])
    editor = UserFactory(is_staff=True)
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    lead = MembershipFactory(is_lead=True).user
    for person in (editor, lead):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        assert f'filename="{content.module.slug}-cmi5.zip"' in response["Content-Disposition"]
        assert zipfile.ZipFile(io.BytesIO(response.content)).read("cmi5.xml")


def test_learners_and_supervisors_are_refused(client, content):
    url = reverse("cmi5_export", args=[content.module.pk])
    for membership in (MembershipFactory(), MembershipFactory(is_supervisor=True)):
        client.force_login(membership.user)
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_an_unpublished_module_is_not_found(client, content):
    content.module.unpublish()
    client.force_login(MembershipFactory(is_lead=True).user)
    assert client.get(reverse("cmi5_export", args=[content.module.pk])).status_code == 404


def test_the_admin_offers_the_download_on_a_live_module(client, content):
    editor = UserFactory(is_staff=True)
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    client.force_login(editor)
    url = reverse("cmi5_export", args=[content.module.pk])
    assert url in client.get(reverse("wagtailadmin_pages:edit", args=[content.module.pk])).content.decode()
    lesson = content.lessons[0]
    lesson_page = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert reverse("cmi5_export", args=[lesson.pk]) not in lesson_page  # only modules are packaged


def test_images_travel_inside_the_package(content):
    image = ImageFactory()
    lesson = LessonPageFactory(
        parent=content.module,
        body=[("image", {"image": image, "alt_text": "A family kitchen", "caption": ""})],
    )
    lesson.save_revision().publish()
    files = package(content.module)
    index = files.read("au/index.html").decode()
    (source,) = re.findall(r'<img[^>]*\ssrc="([^"]+)"', index)
    assert source.startswith("media/") and "srcset" not in index
    rendition = image.renditions.get()
    with rendition.file.open() as stored:
        assert files.read(f"au/{source}") == stored.read()  # the rendition the lesson shows, from storage
    assert 'alt="A family kitchen"' in index
