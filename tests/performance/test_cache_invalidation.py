"""What the pages cache is forgotten by the events that change it: the navigation's counts and roles, a
lesson's body and module outline, the catalogue, the site root paths, the request's site and home page, the
two-factor check and the one-query routing; and the one-query view restrictions say what Wagtail's say."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Site

from assessments.models import Notification
from assessments.practice.services import notifications, reflections
from assessments.quizzes.factories import ReflectiveEntryFactory
from learning.core.person_cache import person_cache_forget, person_cache_get
from learning.organisations.factories import MembershipFactory
from modules.caching import CONTENT_VERSION_KEY
from modules.factories import LessonPageFactory
from modules.models import HomePage, LessonPage, ModulePage, Topic

pytestmark = pytest.mark.django_db

REVIEW_BADGE = '<span class="badge">1<span class="visually-hidden"> reflection to review</span></span>'
UNREAD_BADGE = '<span class="badge">1<span class="visually-hidden"> new update</span></span>'


def _settled():
    """As some seconds after the set-up: the markers its saves left (person_cache) are gone, so the next page
    caches what it reads and only the change under test can make it read again."""
    cache.clear()


def _page(client, url=None):
    response = client.get(url or reverse("my_learning"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_review_count_moves_when_a_reflection_is_submitted(client):
    supervisor = MembershipFactory(is_supervisor=True)
    author = MembershipFactory(organisation=supervisor.organisation, supervisor=supervisor)
    client.force_login(supervisor.user)
    _settled()
    assert REVIEW_BADGE not in _page(client)  # the count (none) is now cached
    reflections.reflection_submit(entry=ReflectiveEntryFactory(membership=author), user=author.user)
    assert REVIEW_BADGE in _page(client)


def test_the_unread_count_moves_when_an_update_arrives_and_when_it_is_read(client):
    person = MembershipFactory()
    client.force_login(person.user)
    _settled()
    assert UNREAD_BADGE not in _page(client)
    notification = notifications.notification_send(user=person.user, message="Signed off", url="/somewhere/")
    assert UNREAD_BADGE in _page(client)
    notifications.notifications_mark_read(user=person.user, ids=[notification.pk])  # a bulk update
    assert Notification.objects.get().read_at is not None and UNREAD_BADGE not in _page(client)


def test_roles_follow_membership_and_organisation_changes(client):
    membership = MembershipFactory(organisation__name="Riverside")
    client.force_login(membership.user)
    _settled()
    assert 'href="/supervision/"' not in _page(client)
    membership.is_supervisor, membership.is_lead = True, True
    membership.save()
    html = _page(client)
    assert 'href="/supervision/"' in html and ">Coverage</a>" in html
    MembershipFactory(user=membership.user, is_lead=True, organisation__name="Hillfoot")
    assert "Coverage: Riverside" in _page(client)
    membership.organisation.name = "Riverside ADP"
    membership.organisation.save()
    assert "Coverage: Riverside ADP" in _page(client)


def test_a_new_lesson_revision_shows_its_new_body(client, make_module):
    lesson = LessonPage.objects.child_of(make_module(lessons=2)).live().first()
    client.force_login(MembershipFactory().user)
    _settled()
    assert "<p>Lesson text.</p>" in _page(client, lesson.url)  # the body is now a cached fragment
    lesson.body = [("rich_text", "<p>A new paragraph on family-inclusive practice.</p>")]
    lesson.save_revision().publish()
    html = _page(client, lesson.url)
    assert "A new paragraph on family-inclusive practice." in html and "Lesson text." not in html


def test_a_new_lesson_in_the_module_shows_in_its_outline(client, make_module):
    module = make_module(lessons=2)
    lesson = LessonPage.objects.child_of(module).live().first()
    client.force_login(MembershipFactory().user)
    _settled()
    assert "Lesson 1 of 2" in _page(client, lesson.url)
    version = cache.get(CONTENT_VERSION_KEY)
    LessonPageFactory(parent=module)
    assert cache.get(CONTENT_VERSION_KEY) != version and "Lesson 1 of 3" in _page(client, lesson.url)


def test_the_mfa_check_follows_enrolment_and_roles(client, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    membership = MembershipFactory()
    client.force_login(membership.user)
    _settled()
    assert client.get(reverse("my_learning")).status_code == 200  # a learner: not asked, and now cached
    membership.is_lead = True
    membership.save()
    assert client.get(reverse("my_learning")).url == reverse("mfa_activate_totp")  # promoted: asked at once
    TOTP.activate(membership.user, generate_totp_secret())  # enrolled: now asked for a code
    assert client.get(reverse("my_learning")).url == f"{reverse('mfa_reauthenticate')}?next=/my-learning/"
    membership.is_lead = False
    membership.save()
    assert client.get(reverse("my_learning")).status_code == 200


def test_site_root_paths_come_from_memory_and_follow_a_site_change(client, make_module, monkeypatch):
    make_module(lessons=1)
    client.force_login(MembershipFactory().user)
    _settled()
    _page(client, reverse("catalogue"))
    reads = []
    original_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: reads.append(key) or original_get(key, *a, **k))
    _page(client, reverse("catalogue"))
    assert reads and not [key for key in reads if "site_root_paths" in str(key)]  # not once per module
    site = Site.objects.get(is_default_site=True)
    site.port = 8080
    site.save()  # Wagtail clears its cached copy, and this process's memory with it
    assert [path.root_url for path in Site.get_site_root_paths()] == ["http://localhost:8080"]


def test_a_new_module_and_a_new_topic_name_show_in_the_catalogue(client, make_module):
    module = make_module(lessons=1)
    client.force_login(MembershipFactory().user)
    _settled()
    assert "1 module<" in _page(client, reverse("catalogue"))  # the modules and lessons are now cached
    make_module(lessons=2)
    module.topic.name = "Whole family support"
    module.topic.save()
    Topic.objects.create(name="Recovery communities", slug="recovery-communities")
    html = _page(client, reverse("catalogue"))
    assert "2 modules<" in html and "Whole family support" in html
    assert ">Recovery communities</option>" in html  # the filters' choices, cached while nothing changed
    searched = _page(client, reverse("catalogue") + "?q=kinship&topic=999999")
    assert 'value="kinship"' in searched  # a bound form (here an invalid one) is rendered afresh


def test_the_site_and_its_home_page_come_from_memory_and_follow_an_edit(client, make_module):
    lesson = LessonPage.objects.child_of(make_module(lessons=1)).get()
    client.force_login(MembershipFactory().user)
    _settled()
    _page(client, lesson.url)
    with CaptureQueriesContext(connection) as queries:
        _page(client, lesson.url)
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]
    home = HomePage.objects.get()
    home.title = "Whole Family Learning, renewed"
    home.save_revision().publish()
    assert "Whole Family Learning, renewed" in _page(client, "/")


def test_view_restrictions_in_one_query_are_wagtails_and_hold(client, make_module):
    module = make_module(lessons=1)
    lesson = LessonPage.objects.child_of(module).get()
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="family"
    )
    alias = module.create_alias(recursive=True, update_slug="another-route")
    alias_lesson = LessonPage.objects.child_of(alias).get()
    for page in (module, lesson, alias, alias_lesson, ModulePage.objects.get(pk=module.pk).get_parent()):
        ours = set(page.specific.get_view_restrictions())
        assert ours == set(Page.get_view_restrictions(page)), page
    assert restriction in alias_lesson.get_view_restrictions()  # the source module's, through the alias
    client.force_login(MembershipFactory().user)
    for url in (lesson.url, alias_lesson.url):
        response = client.get(url)
        assert response.status_code == 200 and 'name="password"' in response.content.decode()
        assert "Lesson text." not in response.content.decode()


def test_routing_in_one_query_follows_moves_and_unpublishing(client, make_module):
    first, second = make_module(lessons=1), make_module(lessons=0)
    lesson = LessonPage.objects.child_of(first).get()
    old_url = lesson.url
    client.force_login(MembershipFactory().user)
    _settled()
    assert client.get(old_url).status_code == 200  # the process now knows this path
    lesson.move(second, pos="last-child")
    lesson.refresh_from_db()
    moved = client.get(old_url)  # not served from what the process knew: Wagtail's redirect to the new path
    assert (moved.status_code, moved.url) == (301, lesson.url) and client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_record_read_just_before_a_change_commits_is_not_kept():
    user = MembershipFactory().user
    _settled()
    person_cache_forget([user.pk])  # a membership saved, its transaction not yet committed
    assert person_cache_get("roles", user.pk, lambda: "read before the commit") == "read before the commit"
    assert person_cache_get("roles", user.pk, lambda: "read after") == "read after"  # the first was not kept
