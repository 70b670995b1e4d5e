"""Finding 7: the front door has no dead ends: "sign up" explains invitations, and the public catalogue's
modules open a public overview with a way in, not a bare sign-in form."""

import pytest
from django.urls import reverse

from learning.organisations.factories import UserFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(db):
    module = ModulePageFactory(parent=site_structure_ensure(), summary="Working with whole families.")
    LessonPageFactory(parent=module), LessonPageFactory(parent=module)
    return module


def test_sign_up_without_an_invitation_explains_invitations(client, settings):
    settings.ACCOUNT_OPEN_SIGNUP = False
    html = client.get(reverse("account_signup")).content.decode()
    assert "<h1>Sign-up is by invitation</h1>" in html and "Sign Up Closed" not in html
    assert "ask your workforce lead" in html and "invitation email" in html
    assert f'href="{reverse("account_login")}"' in html


def test_the_public_catalogue_links_to_each_modules_overview(client, module):
    html = client.get(reverse("catalogue")).content.decode()
    overview = reverse("module_overview", args=[module.pk])
    assert f'href="{overview}"' in html and f'href="{module.url}"' not in html


def test_the_overview_is_public_and_offers_sign_in_to_start(client, module):
    response = client.get(reverse("module_overview", args=[module.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and module.title in html and "Working with whole families." in html
    assert "2 lessons" in html and "Sign in to start" in html
    assert f'href="{reverse("account_login")}?next={module.url}"' in html


def test_signed_in_people_go_from_the_overview_to_the_module_itself(client, module):
    client.force_login(UserFactory())
    assert client.get(reverse("module_overview", args=[module.pk])).url == module.url
    assert f'href="{module.url}"' in client.get(reverse("catalogue")).content.decode()


def test_an_unpublished_or_unknown_module_has_no_overview(client, module):
    module.unpublish()
    assert client.get(reverse("module_overview", args=[module.pk])).status_code == 404
