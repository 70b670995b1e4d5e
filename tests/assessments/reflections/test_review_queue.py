"""The supervisor's review queue: across supervisees (and organisations), oldest first, overdue marked, paged,
and a query count that does not grow with the number of entries."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import ReflectiveEntry
from assessments.practice.selectors.reflections import nav_counts, review_queue
from learning.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db
ENTRY_LINK = re.compile(r'href="/reflections/\d+/"')


def _age(entry, days):
    ReflectiveEntry.objects.filter(pk=entry.pk).update(submitted_at=timezone.now() - timedelta(days=days))


def test_queue_is_oldest_first_across_supervisees_and_marks_overdue(world, make_entry, settings):
    settings.REFLECTION_REVIEW_DAYS = 14
    second = MembershipFactory(organisation=world.home, supervisor=world.supervisor)
    recent, old, middle = (
        make_entry("submitted"),
        make_entry("submitted", membership=second),
        make_entry("submitted"),
    )
    _age(recent, 1), _age(old, 20), _age(middle, 10)
    make_entry("draft"), make_entry("signed_off"), make_entry("changes")  # not waiting for review
    make_entry("submitted", membership=world.colleague)  # someone else's supervisee
    rows = list(review_queue(user=world.supervisor.user))
    assert [e.pk for e in rows] == [old.pk, middle.pk, recent.pk]
    assert [e.is_overdue for e in rows] == [True, False, False]


def test_queue_page_shows_overdue_in_words_not_only_colour(world, make_entry, client):
    _age(make_entry("submitted"), 30)
    client.force_login(world.supervisor.user)
    html = client.get(reverse("review_queue")).content.decode()
    assert "Overdue: waiting" in html and 'class="overdue"' in html


@pytest.mark.parametrize("count", [3, 30])
def test_queue_query_count_is_flat(world, make_entry, client, count, django_assert_max_num_queries):
    for _ in range(count):
        make_entry("submitted")
    client.force_login(world.supervisor.user)
    with django_assert_max_num_queries(11):  # 9, and the follow-ups on practice below: counted and listed
        response = client.get(reverse("review_queue"))
    assert len(ENTRY_LINK.findall(response.content.decode())) == min(count, 25)  # one page


def test_queue_pages_by_25(world, make_entry, client):
    for _ in range(27):
        make_entry("submitted")
    client.force_login(world.supervisor.user)
    html = client.get(reverse("review_queue")).content.decode()
    assert len(ENTRY_LINK.findall(html)) == 25 and "Page 1 of 2" in html
    assert len(ENTRY_LINK.findall(client.get(reverse("review_queue"), {"page": 2}).content.decode())) == 2


def test_nav_counts_come_in_one_query(world, make_entry, django_assert_num_queries):
    make_entry("submitted"), make_entry("submitted"), make_entry("draft")
    with django_assert_num_queries(1):
        counts = nav_counts(user=world.supervisor.user)
    assert counts == {"review": 2, "unread": 2}  # two submissions, each also a notification


def test_nav_shows_the_queue_count_and_unread_updates(world, make_entry, client):
    make_entry("submitted")
    client.force_login(world.supervisor.user)
    html = client.get(reverse("my_learning")).content.decode()
    assert '1<span class="visually-hidden"> reflection to review</span>' in html
    assert '1<span class="visually-hidden"> new update</span>' in html
    client.force_login(world.author.user)
    html = client.get(reverse("my_learning")).content.decode()
    assert 'href="/reflections/"' in html and "reflection to review" not in html


def test_supervision_home_summarises_the_queue_and_supervisees(world, make_entry, client):
    _age(make_entry("submitted"), 30)
    make_entry("signed_off")
    client.force_login(world.supervisor.user)
    html = client.get(reverse("supervision")).content.decode()
    assert "1 reflection is waiting for your review." in html and "1 is overdue." in html
    assert str(world.author.user) in html
