"""Role and supervisor changes of a membership tell the person (what changed, who changed it, nothing about
anyone else) and are written to Wagtail's audit log, whichever way they happen: import, invitation, admin."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learning.coverage import services as coverage
from learning.organisations import services
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    organisation = OrganisationFactory(name="NHS Testshire")
    return {
        "organisation": organisation,
        "lead": MembershipFactory(
            organisation=organisation,
            is_lead=True,
            is_learner=False,
            user__first_name="Lee",
            user__last_name="Lead",
        ),
        "sam": MembershipFactory(
            organisation=organisation,
            is_supervisor=True,
            user__email="sam@example.org",
            user__first_name="Sam",
            user__last_name="Reid",
        ),
        "kim": MembershipFactory(
            organisation=organisation,
            user__email="kim@example.org",
            user__first_name="Kim",
            user__last_name="Lowe",
        ),
        "ash": MembershipFactory(
            organisation=organisation,
            user__email="ash@example.org",
            user__first_name="Ash",
            user__last_name="Khan",
        ),
    }


def _import(org, text, capture):
    _file, pending = coverage.staff_import_check(
        organisation=org["organisation"], uploaded_by=org["lead"].user, filename="staff.csv", text=text
    )
    with capture(execute=True):
        coverage.staff_import_apply(staff_import=pending, actor=org["lead"].user)


def _entries(membership):
    return list(
        ModelLogEntry.objects.filter(object_id=str(membership.pk))
        .order_by("pk")
        .values_list("action", "user_id", "data")
    )


def test_an_import_that_changes_roles_and_supervisor_tells_the_person_and_logs_it(
    org, django_capture_on_commit_callbacks
):
    kim, ash, sam, lead = org["kim"], org["ash"], org["sam"], org["lead"]
    text = (
        "name,email,supervisor email,roles\n"
        "Kim Lowe,kim@example.org,sam@example.org,learner; lead\n"
        "Ash Khan,ash@example.org,,learner; supervisor\n"
    )
    mail.outbox.clear()
    _import(org, text, django_capture_on_commit_callbacks)

    kim_mail = [m for m in mail.outbox if m.to == ["kim@example.org"]]
    assert len(kim_mail) == 1
    body = kim_mail[0].body
    assert "NHS Testshire" in kim_mail[0].subject
    for said in ("Lee Lead", "Learner, Workforce lead", "Sam Reid"):
        assert said in body, said
    html, mimetype = kim_mail[0].alternatives[0]
    assert mimetype == "text/html" and "Sam Reid" in html
    for other in ("Ash", "ash@example.org", "sam@example.org"):  # nothing about anyone else in the file
        assert other not in body, other

    organisation = kim.organisation_id  # every entry names its organisation, for the lead's audit log
    assert _entries(kim) == [
        (
            "organisations.membership.roles",
            lead.user.pk,
            {"old": ["learner"], "new": ["learner", "lead"], "organisation": organisation},
        ),
        (
            "organisations.membership.supervisor",
            lead.user.pk,
            {"old": None, "new": sam.pk, "organisation": organisation},
        ),
    ]
    assert [a for a, _u, _d in _entries(ash)] == ["organisations.membership.roles"]
    assert len([m for m in mail.outbox if m.to == ["ash@example.org"]]) == 1


def test_an_import_that_changes_nothing_sends_and_logs_nothing(org, django_capture_on_commit_callbacks):
    text = "name,email,job title,roles\nKim Lowe,kim@example.org,Nurse,learner\n"  # a new job title only
    mail.outbox.clear()
    _import(org, text, django_capture_on_commit_callbacks)
    assert mail.outbox == [] and _entries(org["kim"]) == []


def test_the_log_entry_reads_well_in_the_admin(org, django_capture_on_commit_callbacks):
    services.membership_upsert(
        user=org["kim"].user, organisation=org["organisation"], is_supervisor=True, actor=org["lead"].user
    )
    entry = ModelLogEntry.objects.get(action="organisations.membership.roles")
    assert entry.message == "Roles changed from Learner to Learner, Supervisor"


def test_an_admin_edit_of_roles_tells_the_person_and_logs_it(client, org, django_capture_on_commit_callbacks):
    admin = UserFactory(is_superuser=True, is_staff=True, first_name="Ada", last_name="Admin")
    kim = org["kim"]
    client.force_login(admin)
    url = reverse("wagtailsnippets_organisations_membership:edit", args=[kim.pk])
    data = {
        "user": kim.user.pk,
        "organisation": kim.organisation.pk,
        "team": "",
        "job_title": kim.job_title,
        "is_learner": "on",
        "is_supervisor": "on",
        "supervisor": org["sam"].pk,
        "joined_on": kim.joined_on.isoformat(),
        "is_active": "on",
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert [a for a, _u, _d in _entries(kim) if a.startswith("organisations.")] == [
        "organisations.membership.roles",
        "organisations.membership.supervisor",
    ]
    assert {u for a, u, _d in _entries(kim)} == {admin.pk}
    assert (
        len(mail.outbox) == 1
        and mail.outbox[0].to == ["kim@example.org"]
        and "Ada Admin" in mail.outbox[0].body
    )
