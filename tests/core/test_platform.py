import pytest
from django.urls import reverse

from learning.core.models import HealthPing
from learning.core.tasks import health_ping
from learning.demo.install import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_data_install
from learning.organisations.factories import MembershipFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


def test_health_task_is_idempotent():
    health_ping.delay("abc")
    health_ping.delay("abc")
    assert HealthPing.objects.filter(token="abc").count() == 1


def test_health_view(client):
    assert client.get(reverse("health")).json()["database"] == "ok"


def test_demo_data_is_idempotent_and_every_demo_account_signs_in(client):
    demo_data_install()
    from learning.organisations.models import Membership
    from modules.models import LessonPage, ModulePage

    counts = (Membership.objects.count(), ModulePage.objects.count(), LessonPage.objects.count())
    demo_data_install()
    assert counts == (Membership.objects.count(), ModulePage.objects.count(), LessonPage.objects.count())
    for email, _role in DEMO_ACCOUNTS:
        response = client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        client.logout()


def test_home_and_login_pages_render(client):
    site_structure_ensure()  # the home page, as `load_seed_modules` sets it up
    assert client.get("/").status_code == 200
    assert client.get(reverse("account_login")).status_code == 200


def test_navigation_follows_roles(client):
    supervisor = MembershipFactory(is_supervisor=True)
    client.force_login(supervisor.user)
    html = client.get(reverse("my_learning")).content.decode()
    assert 'href="/supervision/"' in html and 'href="/organisation/"' not in html


def test_mfa_required_for_leads_when_switched_on(client, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    lead = MembershipFactory(is_lead=True)
    learner = MembershipFactory()
    client.force_login(lead.user)
    assert client.get(reverse("my_learning")).url == reverse("mfa_activate_totp")
    client.force_login(learner.user)
    assert client.get(reverse("my_learning")).status_code == 200
