"""Every admin page loads the fixes for what Wagtail's admin leaves unnamed (learning/core/admin_a11y.py); the
browser leg (tests/browser/test_admin_module_form.py) checks what they do."""

import pytest
from django.contrib.auth.models import Group

from learning.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_loads_its_accessibility_script_and_style(client):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    page = client.get("/admin/").content.decode()

    assert '<script src="/static/js/admin-a11y.js" defer></script>' in page
    assert '<link rel="stylesheet" href="/static/css/admin-a11y.css">' in page
