"""Finding 7: with DEBUG off, wrong addresses, refused pages, throttled attempts and server errors answer with
the site's own pages (and the right status), not Django's or allauth's bare text."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

from learning.organisations.factories import MembershipFactory, UserFactory
from learning.settings import base as base_settings

pytestmark = pytest.mark.django_db
SITE = "Whole Family Learning"


@pytest.fixture
def live_client(settings):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_a_wrong_address_gets_the_styled_404(live_client):
    response = live_client.get("/no-such-page/anywhere/")
    html = response.content.decode()
    assert response.status_code == 404 and "<h1>Page not found</h1>" in html and SITE in html
    assert 'href="/catalogue/"' in html


def test_a_refused_page_gets_the_styled_403(live_client):
    live_client.force_login(MembershipFactory().user)
    response = live_client.get(reverse("organisation_home"))
    html = response.content.decode()
    assert response.status_code == 403 and "<h1>You cannot open this page</h1>" in html
    assert "ask your workforce lead" in html and 'aria-label="Main"' in html


def test_too_many_attempts_get_the_styled_429(live_client, settings):
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    cache.clear()
    user = UserFactory()
    for _ in range(5):
        live_client.post(reverse("account_reset_password"), {"email": user.email})
    response = live_client.post(reverse("account_reset_password"), {"email": user.email})
    cache.clear()
    assert response.status_code == 429 and "<h1>Too many attempts</h1>" in response.content.decode()


def test_the_500_and_400_pages_need_no_request_context_or_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        server_error = defaults.server_error(request)
        bad_request = defaults.bad_request(request, exception=None)
    assert server_error.status_code == 500 and "Sorry, something went wrong" in server_error.content.decode()
    assert (
        bad_request.status_code == 400 and "<h1>Request not understood</h1>" in bad_request.content.decode()
    )
