"""Erasure: nothing that names the person is left anywhere, their organisation's coverage figures do not move,
the verify page says "record erased" without a name, and only a superuser can do it (from the admin)."""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from assessments.models import ReflectionComment, ReflectionExport, ReflectiveEntry
from assessments.models.supervision import SessionNote, SupervisionSession
from assessments.quizzes.factories import ReflectiveEntryFactory
from certificates.models import Certificate
from learning.core.errors import ServiceError
from learning.coverage import services as coverage
from learning.coverage.models import CoverageRollup, CoverageSnapshot, FrameworkRollup
from learning.coverage.selectors.dashboard import dashboard_for
from learning.coverage.selectors.scope import scope_for
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.privacy.erasure import ERASED_NAME, REMOVED, erasure_request_create, person_erase
from learning.privacy.models import ErasureRecord, ErasureRequest
from learning.progress.services import lesson_complete
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db

NAME, SURNAME, EMAIL = "Morven", "Quigleyson", "morven.quigleyson@example.org"
NEEDLES = (NAME, SURNAME, EMAIL)


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    """A supervisor (the person to erase) with a certificate, reflections, a comment and a sign-off on a
    supervisee's reflection, a session they recorded and a session note, in an organisation with an
    assignment."""
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="Fife Family Service")
        lead = MembershipFactory(organisation=organisation, is_learner=False, is_lead=True)
        person = MembershipFactory(
            organisation=organisation,
            is_supervisor=True,
            job_title="Senior practitioner",
            user=UserFactory(first_name=NAME, last_name=SURNAME, email=EMAIL),
        )
        supervisee = MembershipFactory(organisation=organisation, supervisor=person)
        module = ModulePageFactory(parent=site_structure_ensure(), title="Hidden harm", validity_months=36)
        LessonPageFactory(parent=module)
        coverage.assignment_create(
            organisation=organisation,
            module=module,
            created_by=lead.user,
            due_on=date.today() + timedelta(days=30),
        )
        for lesson in LessonPage.objects.child_of(module).live():
            lesson_complete(user=person.user, lesson=lesson)
    own = ReflectiveEntryFactory(membership=person, stages={"description": f"I am {NAME} {SURNAME}."})
    export = ReflectionExport.objects.create(
        author=person.user,
        status="ready",
        file_path=default_storage.save("reflections/x.pdf", ContentFile(b"%PDF")),
    )
    export.entries.add(own)
    theirs = ReflectiveEntryFactory(
        membership=supervisee,
        signed_off_by=person.user,
        signed_off_name=f"{NAME} {SURNAME}",
        signed_off_role="Senior practitioner",
    )
    ReflectionComment.objects.create(entry=theirs, author=person.user, body=f"Well done. {NAME}")
    recorded = SupervisionSession.objects.create(
        supervisor=person, held_on=date.today(), summary=f"{NAME} led it"
    )
    recorded.supervisees.add(supervisee)
    attended = SupervisionSession.objects.create(supervisor=lead, held_on=date.today(), summary="Caseload")
    attended.supervisees.add(person)
    SessionNote.objects.create(session=attended, author=person, body=f"My note, {NAME} {SURNAME}")
    coverage.snapshot_take(organisation_id=organisation.pk)
    return organisation, lead, person, module


def _personal_rows(needles):
    """Every text, char, email and JSON column of every table, searched for each needle."""
    found = []
    for model in apps.get_models():
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]
        for f in fields:
            for needle in needles:
                if model._default_manager.filter(**{f"{f.name}__icontains": needle}).exists():
                    found.append(f"{model._meta.label}.{f.name} holds {needle!r}")
    return found


def _figures(organisation, lead, module):
    rollups = [
        {n: getattr(r, n) for n in CoverageRollup.COUNTS} | {"team": r.team_key}
        for r in CoverageRollup.objects.filter(organisation=organisation).order_by("team_key")
    ]
    levels = list(FrameworkRollup.objects.filter(organisation=organisation).values("team_key", "staff"))
    snapshots = list(CoverageSnapshot.objects.filter(organisation=organisation).values())
    dashboard = dashboard_for(scope_for(user=lead.user, organisation=organisation))
    totals = {m: {n: getattr(r, n) for n in CoverageRollup.COUNTS} for m, r in dashboard.totals.items()}
    return rollups, levels, snapshots, totals


def test_erasure_leaves_no_personal_data_and_the_coverage_figures_unchanged(
    world, django_capture_on_commit_callbacks
):
    organisation, lead, person, module = world
    assert _personal_rows(NEEDLES)  # the scan finds the person before
    certificate = Certificate.objects.get(user=person.user)
    files = [certificate.pdf.name, ReflectionExport.objects.get().file_path]
    assert all(default_storage.exists(name) for name in files)
    before = _figures(organisation, lead, module)
    assert before[0] and before[3][module.pk]["completed"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        record = person_erase(user=person.user, actor=lead.user)

    assert _personal_rows(NEEDLES) == []
    assert _figures(organisation, lead, module) == before
    assert not any(default_storage.exists(name) for name in files)
    user = record.user
    user.refresh_from_db()
    assert (user.get_full_name(), user.email, user.is_active) == (
        ERASED_NAME,
        f"erased-{user.pk}@invalid",
        False,
    )
    assert not user.has_usable_password()
    assert not ReflectiveEntry.objects.filter(author=user).exists()
    assert ReflectionComment.objects.get(author=user).body == REMOVED
    assert SupervisionSession.objects.get(supervisor=person).summary == REMOVED
    assert not SessionNote.objects.exists()
    assert not user.memberships.filter(is_active=True).exists()
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revoked_reason) == (Certificate.Status.REVOKED, "record erased")


def test_erasing_twice_returns_the_first_record(world):
    _organisation, lead, person, _module = world
    first = person_erase(user=person.user, actor=lead.user)
    assert person_erase(user=person.user, actor=lead.user) == first
    assert ErasureRecord.objects.count() == 1


def test_nobody_erases_themselves(world):
    _organisation, _lead, person, _module = world
    with pytest.raises(ServiceError):
        person_erase(user=person.user, actor=person.user)
    assert not ErasureRecord.objects.exists()


def test_verify_page_after_erasure_says_record_erased_with_no_name(world, client):
    _organisation, lead, person, _module = world
    code = Certificate.objects.get(user=person.user).code
    assert NAME in client.get(reverse("certificate_verify", args=[code])).content.decode()
    person_erase(user=person.user, actor=lead.user)
    page = client.get(reverse("certificate_verify", args=[code])).content.decode()
    assert "Revoked: record erased" in page
    assert NAME not in page and ERASED_NAME not in page and ">Name<" not in page


def test_only_a_superuser_reaches_the_erase_page_and_confirms_it(world, client):
    _organisation, _lead, person, _module = world
    url = reverse("privacy_person_erase", args=[person.user.pk])
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.post(url)  # Wagtail's admin turns PermissionDenied into a redirect home with a message
    assert (refused.status_code, refused.url, ErasureRecord.objects.exists()) == (302, "/admin/", False)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get(url)
    assert page.status_code == 200 and "record erased" in page.content.decode()
    assert client.post(url).status_code == 302
    assert ErasureRecord.objects.get().erased_by == admin


def test_a_person_asks_once_and_every_admin_is_emailed(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    _organisation, _lead, person, _module = world
    UserFactory(is_staff=True, is_superuser=True, email="dpo@example.org")
    mailoutbox.clear()  # the certificate's email
    client.force_login(person.user)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("privacy_erasure_request")).status_code == 302
        erasure_request_create(user=person.user)
    assert ErasureRequest.objects.filter(user=person.user, closed_at=None).count() == 1
    assert [m.to for m in mailoutbox] == [["dpo@example.org"]]
    assert NAME not in mailoutbox[0].body
    assert "You asked on" in client.get(reverse("privacy_erasure_request")).content.decode()


def test_the_admin_offers_erasure_where_deleting_is_refused(world, client):
    _organisation, _lead, person, _module = world
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    erase_url = reverse("privacy_person_erase", args=[person.user.pk])
    assert erase_url in client.get(reverse("wagtailusers_users:index")).content.decode()
    refused = client.get(reverse("wagtailusers_users:delete", args=[person.user.pk]), follow=True)
    message = str(next(iter(refused.context["messages"])))
    assert "use “Erase this person" in message and f'href="{erase_url}"' in message


def test_erasure_signs_the_person_out_everywhere(world, client):
    _organisation, lead, person, _module = world
    client.force_login(person.user)
    assert client.get(reverse("my_learning")).status_code == 200
    person_erase(user=person.user, actor=lead.user)
    response = client.get(reverse("my_learning"))
    assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


def test_invitations_to_any_of_the_persons_addresses_are_erased(world, django_capture_on_commit_callbacks):
    from allauth.account.models import EmailAddress

    from learning.organisations.models import Invitation
    from learning.organisations.services import invitation_create

    _organisation, lead, person, _module = world
    other = OrganisationFactory(name="Tayside Recovery")
    other_lead = MembershipFactory(organisation=other, is_learner=False, is_lead=True)
    EmailAddress.objects.create(user=person.user, email="m.q@home.example.org", verified=True, primary=False)
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(
            organisation=other,
            email="m.q@home.example.org",
            invited_by=other_lead.user,
            first_name=NAME,
            last_name=SURNAME,
        )
    person_erase(user=person.user, actor=lead.user)
    assert not Invitation.objects.filter(email__iexact="m.q@home.example.org").exists()
