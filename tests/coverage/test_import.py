"""Staff import: every row checked first, errors by row and column, all or nothing, idempotent re-import,
invitations after commit."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning.core.errors import ServiceError
from learning.coverage import services
from learning.coverage.models import StaffImport
from learning.coverage.staff_csv import TEMPLATE_ROWS
from learning.organisations.models import Membership, Team

pytestmark = pytest.mark.django_db

GOOD = """Name,Email,Team,Job title,Supervisor email,Roles
Robin Hay,robin.hay@example.org,Outreach,Recovery worker,sam.lead@example.org,learner
Sam Lead,Sam.Lead@example.org,outreach,Team leader,,learner; supervisor
Ash Khan,ash.khan@example.org,Red,Nurse,,
"""


def _upload(client, organisation, text, name="staff.csv"):
    return client.post(
        reverse("coverage_import", args=[organisation.pk]),
        {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")},
    )


def _counts():
    return (
        get_user_model().objects.count(),
        Membership.objects.count(),
        Team.objects.count(),
        StaffImport.objects.count(),
    )


def test_lead_previews_confirms_and_new_people_are_invited(client, org, django_capture_on_commit_callbacks):
    client.force_login(org.lead.user)
    before = _counts()
    page = _upload(client, org.organisation, GOOD).content.decode()
    assert (
        "3 people in the file." in page and "will be created:" in page and "<strong>Outreach</strong>" in page
    )
    assert _counts()[:3] == before[:3]  # nothing but the pending file is written before confirming
    pending = StaffImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("coverage_import_confirm", args=[org.organisation.pk, pending.pk]))
    assert response.url == reverse("organisation_staff", args=[org.organisation.pk])
    robin = Membership.objects.select_related("user", "team", "supervisor__user").get(
        user__email="robin.hay@example.org"
    )
    assert (robin.team.name, robin.job_title, robin.supervisor.user.email) == (
        "Outreach",
        "Recovery worker",
        "sam.lead@example.org",
    )
    assert not robin.user.has_usable_password()
    assert Team.objects.filter(organisation=org.organisation, name__iexact="outreach").count() == 1
    assert Membership.objects.get(user__email="ash.khan@example.org").team == org.red
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ash.khan@example.org",
        "robin.hay@example.org",
        "sam.lead@example.org",
    ]
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    assert 'name="password1"' in client.get(link, follow=True).content.decode()  # the set-password form
    assert StaffImport.objects.get().content == ""  # the personal data is not kept once applied


def test_one_bad_row_shows_each_error_by_row_and_column_and_writes_nothing(client, org):
    client.force_login(org.lead.user)
    before = _counts()
    text = GOOD + "Bad Row,not-an-email,Red,Nurse,nobody@example.org,learner; boss\n"
    page = _upload(client, org.organisation, text).content.decode()
    assert "There are 3 problems in the file" in page and "Nothing has been imported" in page
    for column, message in [
        ("email", "is not an email address"),
        ("supervisor_email", "Nobody with the supervisor role"),
        ("roles", "is not a role"),
    ]:
        assert re.search(
            rf'<th scope="row">5</th><td>{column}</td><td>[^<]*{message}', page.replace("&ldquo;", "“")
        ), column
    assert _counts() == before


def test_reimporting_updates_by_email_and_changes_nothing_the_second_time(
    org, django_capture_on_commit_callbacks
):
    def run(text):
        _staff_file, pending = services.staff_import_check(
            organisation=org.organisation, uploaded_by=org.lead.user, filename="staff.csv", text=text
        )
        with django_capture_on_commit_callbacks(execute=True):
            return services.staff_import_apply(staff_import=pending, actor=org.lead.user)

    first = run(GOOD)
    snapshot = list(Membership.objects.order_by("pk").values())
    emails = len(mail.outbox)
    second = run(GOOD)
    assert (first.created_count, first.updated_count, second.created_count, second.updated_count) == (
        3,
        0,
        0,
        3,
    )
    assert list(Membership.objects.order_by("pk").values()) == snapshot
    assert len(mail.outbox) == emails  # nobody is invited twice
    run(
        GOOD.replace(
            "Ash Khan,ash.khan@example.org,Red,Nurse", "Ash Khan,ash.khan@example.org,Blue,Charge nurse"
        )
    )
    ash = Membership.objects.get(user__email="ash.khan@example.org")
    assert (ash.team, ash.job_title) == (org.blue, "Charge nurse")


def test_a_failure_part_way_through_leaves_nothing_behind(org, monkeypatch):
    _file, pending = services.staff_import_check(
        organisation=org.organisation, uploaded_by=org.lead.user, filename="staff.csv", text=GOOD
    )
    before = _counts()
    calls = []
    real = services.imports.membership_upsert

    def flaky(**kwargs):
        calls.append(kwargs["user"].email)
        if len(calls) == 3:
            raise ServiceError("The database went away.")
        return real(**kwargs)

    monkeypatch.setattr(services.imports, "membership_upsert", flaky)
    with pytest.raises(ServiceError):
        services.staff_import_apply(staff_import=pending, actor=org.lead.user)
    assert _counts() == before and len(calls) == 3


def test_the_file_is_checked_again_when_confirmed(org):
    text = f"name,email,supervisor email\nPat Doe,pat@example.org,{org.supervisor.user.email}\n"
    _file, pending = services.staff_import_check(
        organisation=org.organisation, uploaded_by=org.lead.user, filename="staff.csv", text=text
    )
    Membership.objects.filter(pk=org.supervisor.pk).update(is_supervisor=False)
    with pytest.raises(ServiceError):
        services.staff_import_apply(staff_import=pending, actor=org.lead.user)
    assert not Membership.objects.filter(user__email="pat@example.org").exists()


@pytest.mark.parametrize(
    "text,message",
    [
        ("name\nPat\n", "The first row must name the columns"),
        (
            "name,email,supervisor email,roles\n"
            "A B,a@example.org,b@example.org,supervisor\n"
            "B C,b@example.org,a@example.org,supervisor\n",
            "goes round in a circle",
        ),
        ("name,email\nA B,a@example.org\nA B,A@example.org\n", "also on row 2"),
    ],
)
def test_file_level_and_cross_row_errors(org, text, message):
    staff_file, pending = services.staff_import_check(
        organisation=org.organisation, uploaded_by=org.lead.user, filename="x.csv", text=text
    )
    assert pending is None and any(message in e.message for e in staff_file.errors)


def test_a_lead_cannot_remove_their_own_lead_role(org):
    text = f"name,email,roles\nMe,{org.lead.user.email},learner\n"
    staff_file, pending = services.staff_import_check(
        organisation=org.organisation, uploaded_by=org.lead.user, filename="x.csv", text=text
    )
    assert pending is None and staff_file.errors[0].column == "roles"


def test_the_template_downloads_and_imports_cleanly(client, org):
    client.force_login(org.lead.user)
    response = client.get(reverse("coverage_import_template", args=[org.organisation.pk]))
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(TEMPLATE_ROWS[0])
    staff_file, pending = services.staff_import_check(
        organisation=org.organisation, uploaded_by=org.lead.user, filename="t.csv", text=text
    )
    assert staff_file.errors == [] and pending is not None
