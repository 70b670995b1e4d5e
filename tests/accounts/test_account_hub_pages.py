"""The account hub: one page leading to every part of a person's account, all of it in the site's own look."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from learning.accounts.selectors import account_overview
from learning.accounts.services import user_name_change
from learning.core.errors import ServiceError
from learning.organisations.factories import MembershipFactory

PASSWORD = "a-good-test-password"  # UserFactory's
HUB_LINKS = (
    "account_profile",
    "account_email",
    "account_change_password",
    "mfa_index",
    "coverage_preferences",
    "privacy_data_export",
    "privacy_erasure_request",
)


@pytest.fixture
def person(db):
    user = MembershipFactory().user
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def signed_in(client, person):
    """Signed in through allauth's own form, and the password confirmed again, as the two-factor pages ask."""
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302
    return client


def _hub_links(html):
    cards = html.split('<ul class="cards account-hub">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', cards)


def test_the_navigation_account_link_opens_the_hub(signed_in):
    html = signed_in.get(reverse("my_learning")).content.decode()
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert re.search(rf'<a href="{reverse("account_hub")}"[^>]*>Account</a>', header)


def test_the_hub_links_every_area_and_each_link_works(signed_in):
    response = signed_in.get(reverse("account_hub"))
    assert response.status_code == 200
    links = _hub_links(response.content.decode())
    for name in HUB_LINKS:
        assert reverse(name) in links, name
    for url in links:
        assert signed_in.get(url).status_code == 200, url


def test_the_hub_says_whether_two_factor_is_on_and_offers_the_recovery_codes(signed_in, person):
    assert "Off:" in signed_in.get(reverse("account_hub")).content.decode()
    TOTP.activate(person, generate_totp_secret())
    RecoveryCodes.activate(person)
    html = signed_in.get(reverse("account_hub")).content.decode()
    assert "On:" in html
    assert reverse("mfa_view_recovery_codes") in _hub_links(html)


def test_without_a_password_the_hub_offers_to_set_one(signed_in, person):
    person.set_unusable_password()
    person.save()
    signed_in.force_login(person)  # a password change ends the session it was made in
    links = _hub_links(signed_in.get(reverse("account_hub")).content.decode())
    assert reverse("account_set_password") in links
    assert reverse("account_change_password") not in links


ACCOUNT_PAGES = (
    "account_hub",
    "account_profile",
    "account_email",
    "account_change_password",
    "account_logout",
    "mfa_index",
    "mfa_activate_totp",
    "coverage_preferences",
    "privacy_data_export",
    "privacy_erasure_request",
)


def _in_site_layout(html):
    """The site's header navigation, and the hub's menu leading back to the hub."""
    if not re.search(r'<nav[^>]*aria-label="Main"', html) or 'class="account-nav"' not in html:
        return False
    menu = html.split('class="account-nav"', 1)[1].split("</nav>", 1)[0]
    return f'<a href="{reverse("account_hub")}"' in menu


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_share_the_site_layout_and_the_hub_menu(signed_in, name):
    response = signed_in.get(reverse(name))
    assert response.status_code == 200
    assert _in_site_layout(response.content.decode())


def test_two_factor_pages_once_it_is_on_share_the_layout(signed_in, person):
    TOTP.activate(person, generate_totp_secret())
    RecoveryCodes.activate(person)
    for name in ("mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"):
        response = signed_in.get(reverse(name))
        assert response.status_code == 200, name
        assert _in_site_layout(response.content.decode()), name


def test_setting_a_password_shares_the_layout(signed_in, person):
    person.set_unusable_password()
    person.save()
    signed_in.force_login(person)  # a password change ends the session it was made in
    response = signed_in.get(reverse("account_set_password"))
    assert response.status_code == 200
    assert _in_site_layout(response.content.decode())


def test_allauth_buttons_and_hints_take_the_site_look(signed_in):
    html = signed_in.get(reverse("mfa_activate_totp")).content.decode()
    assert 'aria-describedby="authenticator_secret_helptext"' in html
    assert 'id="authenticator_secret_helptext"' in html
    assert '<button class="button" type="submit">' in html
    assert 'class="button button-danger"' in signed_in.get(reverse("account_email")).content.decode()


def test_a_person_changes_their_name(signed_in, person):
    response = signed_in.post(reverse("account_profile"), {"first_name": " Morag ", "last_name": "Mackay"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_hub")
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Morag", "Mackay")
    assert "Your name: Morag Mackay" in signed_in.get(reverse("account_hub")).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"first_name": "", "last_name": "Mackay"},
        {"first_name": "Morag", "last_name": "   "},
        {"first_name": "M" * 151, "last_name": "Mackay"},
    ],
)
def test_a_name_must_have_both_parts_and_fit(signed_in, person, data):
    before = (person.first_name, person.last_name)
    response = signed_in.post(reverse("account_profile"), data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == before


def test_the_service_refuses_half_a_name(person):
    with pytest.raises(ServiceError):
        user_name_change(user=person, first_name="Morag", last_name=" ")


def test_the_overview_takes_two_queries_whatever_the_account_holds(person, django_assert_num_queries):
    TOTP.activate(person, generate_totp_secret())
    RecoveryCodes.activate(person)
    EmailAddress.objects.create(user=person, email="second@example.org", verified=True)
    with django_assert_num_queries(2):
        overview = account_overview(user=person)
    assert (overview["email_count"], overview["totp"], overview["recovery_codes"]) == (2, True, True)


@pytest.mark.parametrize("name", ["account_hub", "account_profile"])
def test_anonymous_people_are_sent_to_sign_in(client, db, name):
    path = reverse(name)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"
