"""Editors import, export and analyse quiz banks in the Wagtail admin; others cannot."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from assessments.models import Question
from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from learning.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "formats" / "data"
LOGIN = "/accounts/login/"  # WAGTAILADMIN_LOGIN_URL: allauth's sign-in page


@pytest.fixture
def editor():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_imports_from_the_admin(client, editor, quiz):
    client.force_login(editor)
    upload = SimpleUploadedFile("bank.gift", (DATA / "all_types.gift").read_bytes())
    response = client.post(reverse("assessments_quiz_tools:import", args=[quiz.pk]), {"file": upload})
    assert response.status_code == 200 and "imported: " in response.content.decode()
    assert Question.objects.filter(quiz=quiz).count() == 13


def test_admin_rejects_an_invalid_file_and_says_why(client, editor, quiz):
    client.force_login(editor)
    upload = SimpleUploadedFile("bad.gift", (DATA / "invalid_fractions.gift").read_bytes())
    html = client.post(
        reverse("assessments_quiz_tools:import", args=[quiz.pk]), {"file": upload}
    ).content.decode()
    assert "Nothing was imported" in html and "invalid: " in html
    assert not Question.objects.exists()


def test_item_analysis_and_csv(client, editor, quiz, fill_bank):
    fill_bank(quiz, count=4, qtypes=("single",))
    for good in (True, True, False):
        attempt = attempt_start(user=UserFactory(), quiz=quiz)
        answers = {i.position: scoring.correct_keys(i.snapshot) for i in attempt.items.all()} if good else {}
        attempt_submit(attempt=attempt, answers=answers)
    client.force_login(editor)
    html = client.get(reverse("assessments_quiz_tools:analysis", args=[quiz.pk])).content.decode()
    assert "3 graded attempts" in html and "pass rate 66.7%" in html
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("assessments_quiz_tools:analysis", args=[quiz.pk]), {"format": "csv"}
                ).content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0] == ["question", "attempts", "facility_percent", "discrimination"]
    assert rows[1][1:3] == ["3", "66.7"]


def test_export_downloads_gift(client, editor, quiz, fill_bank):
    fill_bank(quiz, count=2)
    client.force_login(editor)
    response = client.get(reverse("assessments_quiz_tools:export", args=[quiz.pk, "gift"]))
    assert "::q000::" in response.content.decode()


QUIZ_TOOLS = [
    ("assessments_quiz_tools:index", False),
    ("assessments_quiz_tools:import", True),
    ("assessments_quiz_tools:analysis", True),
]


def test_learners_cannot_use_quiz_tools(client, quiz):
    """Without Wagtail admin access (is_staff alone gives none), Wagtail sends them to sign in, as for any
    admin page; with admin access but not the editors' question permission, the tools refuse
    (PermissionDenied), which Wagtail's admin turns into a redirect to the dashboard with its "no permission"
    message, never the page."""
    client.force_login(UserFactory(is_staff=True))
    for name, needs_quiz in QUIZ_TOOLS:
        url = reverse(name, args=[quiz.pk] if needs_quiz else [])
        response = client.get(url)
        sign_in = redirect_to_login(url, login_url=LOGIN).url
        assert (response.status_code, response["Location"]) == (302, sign_in)
    admin_only = Group.objects.create(name="Admin access only")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    admin_only.permissions.add(access_admin)
    user = UserFactory()
    user.groups.add(admin_only)
    client.force_login(user)
    for name, needs_quiz in QUIZ_TOOLS:
        response = client.get(reverse(name, args=[quiz.pk] if needs_quiz else []))
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_only_editors_see_the_quiz_tools_in_the_admin_menu(rf, editor):
    """The menu item asks the viewset's permission policy, as the pages do: admin access alone shows none."""

    def menu_urls(user):
        request = rf.get("/admin/")
        request.user = user
        return {item.url for item in admin_menu.menu_items_for_request(request)}

    tools = reverse("assessments_quiz_tools:index")
    admin_only = Group.objects.create(name="Admin access only")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    admin_only.permissions.add(access_admin)
    admin_access_only = UserFactory()
    admin_access_only.groups.add(admin_only)
    assert tools in menu_urls(editor)
    assert tools not in menu_urls(admin_access_only)


def test_lead_sees_only_their_organisations_attempts(client, quiz, fill_bank):
    from learning.organisations.factories import MembershipFactory

    fill_bank(quiz, count=4)
    lead = MembershipFactory(is_lead=True)
    colleague = MembershipFactory(organisation=lead.organisation)
    attempt_submit(attempt=attempt_start(user=colleague.user, quiz=quiz))
    attempt_submit(attempt=attempt_start(user=MembershipFactory().user, quiz=quiz))  # another organisation
    client.force_login(lead.user)
    url = reverse("organisation_quiz_analysis", args=[lead.organisation.pk, quiz.pk])
    assert "1 graded attempt" in client.get(url).content.decode()
    client.force_login(colleague.user)
    assert client.get(url).status_code == 403
