"""The account hub, as a person finds it: Account in the navigation, then two-factor and password from there,
every page in the site's own look, axe clean and readable on a 360 px phone."""

import pytest

from tests.browser.conftest import MEMBER_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def person(member):
    return member(first_name="Morag", last_name="Mackay", email="morag.mackay@example.org")


def _clean(page, axe_check):
    assert page.get_by_role("navigation", name="Your account").is_visible(), page.url
    assert axe_check(page) == [], page.url


def test_a_person_reaches_two_factor_and_password_from_the_account_hub(
    page, person, sign_in, axe_check, docs_screenshots
):
    sign_in(page, person.email, MEMBER_PASSWORD)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account").click()
    assert page.get_by_role("heading", level=1, name="Your account").is_visible()
    _clean(page, axe_check)
    page.screenshot(path=str(docs_screenshots / "account-hub.png"), full_page=True)

    page.get_by_role("link", name="Set up two-factor authentication").click()
    assert page.get_by_role("heading", level=1, name="Two-Factor Authentication").is_visible()
    _clean(page, axe_check)
    page.get_by_role("link", name="Activate").click()  # allauth asks for the password again first
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_role("heading", level=1, name="Activate Authenticator App").is_visible()
    _clean(page, axe_check)

    page.get_by_role("navigation", name="Your account").get_by_role("link", name="Overview").click()
    page.get_by_role("link", name="Change your password").click()
    assert page.get_by_role("heading", level=1, name="Change Password").is_visible()
    _clean(page, axe_check)

    page.set_viewport_size(PHONE)
    for path in ("/accounts/", "/accounts/profile/", "/accounts/2fa/", "/accounts/password/change/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        _clean(page, axe_check)
