"""The audit trail: each audited action writes exactly one entry on Wagtail's audit log, of a registered
action (so the site history report lists and filters it), carrying the organisation's id and no personal
name."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from assessments.models import ReflectionExport
from assessments.practice.services import reflections, reviews
from assessments.quizzes.factories import ReflectiveEntryFactory
from certificates import services as certificates
from certificates.models import Certificate, CertificateBundle
from learning.core import audit
from learning.coverage import services as coverage
from learning.organisations import services as organisations
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.privacy.erasure import person_erase
from learning.privacy.models import DataExport
from learning.progress.services import lesson_complete
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db

STAFF_CSV = "Name,Email,Roles\nRobin Hay,robin.hay@example.org,learner\n"


@pytest.fixture
def w(django_capture_on_commit_callbacks):
    """An organisation with a lead, a supervisor and their supervisee, who holds a certificate."""
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory()
        lead = MembershipFactory(organisation=organisation, is_learner=False, is_lead=True)
        supervisor = MembershipFactory(organisation=organisation, is_supervisor=True)
        learner = MembershipFactory(organisation=organisation, supervisor=supervisor)
        module = ModulePageFactory(parent=site_structure_ensure(), validity_months=36)
        LessonPageFactory(parent=module)
        for lesson in LessonPage.objects.child_of(module).live():
            lesson_complete(user=learner.user, lesson=lesson)
    return SimpleNamespace(
        organisation=organisation,
        lead=lead,
        supervisor=supervisor,
        learner=learner,
        module=module,
        certificate=Certificate.objects.get(user=learner.user),
    )


def _invite(w):
    return organisations.invitation_create(
        organisation=w.organisation, email="new.person@example.org", invited_by=w.lead.user
    )


def _invitee(w, invitation):
    return UserFactory(email=invitation.email)


def _assignment(w):
    return coverage.assignment_create(
        organisation=w.organisation,
        module=w.module,
        created_by=w.lead.user,
        due_on=date.today() + timedelta(days=30),
    )


def _submitted(w):
    entry = ReflectiveEntryFactory(membership=w.learner)
    return reflections.reflection_submit(entry=entry, user=w.learner.user)


def _download(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    b"".join(response.streaming_content if response.streaming else [response.content])


def _stored(name):
    return default_storage.save(name, ContentFile(b"file"))


# (action, what happens first (not counted), the audited action itself)
CASES = {
    audit.INVITATION_CREATED: (lambda w, c: None, lambda w, c, _: _invite(w)),
    audit.INVITATION_RESENT: (
        lambda w, c: _invite(w),
        lambda w, c, inv: organisations.invitation_resend(invitation=inv),
    ),
    audit.INVITATION_CANCELLED: (
        lambda w, c: _invite(w),
        lambda w, c, inv: organisations.invitation_cancel(invitation=inv),
    ),
    audit.INVITATION_ACCEPTED: (
        lambda w, c: _invite(w),
        lambda w, c, inv: organisations.invitation_accept(invitation=inv, user=_invitee(w, inv)),
    ),
    audit.INVITATION_DECLINED: (
        lambda w, c: _invite(w),
        lambda w, c, inv: organisations.invitation_decline(invitation=inv, user=_invitee(w, inv)),
    ),
    audit.IMPORT_APPLIED: (
        lambda w, c: coverage.staff_import_check(
            organisation=w.organisation, uploaded_by=w.lead.user, filename="staff.csv", text=STAFF_CSV
        )[1],
        lambda w, c, pending: coverage.staff_import_apply(staff_import=pending, actor=w.lead.user),
    ),
    audit.ASSIGNMENT_CREATED: (lambda w, c: None, lambda w, c, _: _assignment(w)),
    audit.ASSIGNMENT_CHANGED: (
        lambda w, c: _assignment(w),
        lambda w, c, a: coverage.assignment_update(assignment=a, due_on=date.today() + timedelta(days=60)),
    ),
    audit.ASSIGNMENT_REMOVED: (
        lambda w, c: _assignment(w),
        lambda w, c, a: coverage.assignment_delete(assignment=a),
    ),
    audit.REFLECTION_SIGNED_OFF: (
        lambda w, c: _submitted(w),
        lambda w, c, entry: reviews.reflection_sign_off(entry=entry, user=w.supervisor.user),
    ),
    audit.CERTIFICATE_REVOKED: (
        lambda w, c: None,
        lambda w, c, _: certificates.certificate_revoke(
            certificate=w.certificate, actor=w.lead.user, reason="Issued in error"
        ),
    ),
    audit.CERTIFICATE_REISSUED: (
        lambda w, c: None,
        lambda w, c, _: certificates.certificate_reissue(
            certificate=w.certificate, actor=w.lead.user, reason="Name changed"
        ),
    ),
    audit.RECORDS_EXPORTED: (
        lambda w, c: None,
        lambda w, c, _: _download(c, w.lead.user, reverse("coverage_export_csv", args=[w.organisation.pk])),
    ),
    audit.RECORD_DOWNLOADED: (
        lambda w, c: None,
        lambda w, c, _: _download(
            c, w.lead.user, reverse("coverage_record_export_xlsx", args=[w.learner.pk])
        ),
    ),
    audit.REFLECTIONS_DOWNLOADED: (
        lambda w, c: ReflectionExport.objects.create(
            author=w.learner.user, status="ready", file_path=_stored("reflection-exports/a.pdf")
        ),
        lambda w, c, export: _download(
            c, w.learner.user, reverse("reflection_export_download", args=[export.pk])
        ),
    ),
    audit.CERTIFICATES_DOWNLOADED: (
        lambda w, c: CertificateBundle.objects.create(
            organisation=w.organisation,
            requested_by=w.lead.user,
            status="ready",
            file=_stored("certificate-bundles/a.zip"),
        ),
        lambda w, c, bundle: _download(c, w.lead.user, reverse("bundle_download", args=[bundle.pk])),
    ),
    audit.DATA_DOWNLOADED: (
        lambda w, c: DataExport.objects.create(
            user=w.learner.user,
            status="ready",
            file=_stored("data-exports/a.zip"),
            expires_at=timezone.now() + timedelta(hours=1),
        ),
        lambda w, c, export: _download(
            c, w.learner.user, reverse("privacy_data_export_download", args=[export.pk])
        ),
    ),
    audit.PERSON_ERASED: (
        lambda w, c: None,
        lambda w, c, _: person_erase(user=w.learner.user, actor=w.lead.user),
    ),
    organisations.ROLES_CHANGED: (
        lambda w, c: None,
        lambda w, c, _: organisations.membership_upsert(
            user=w.learner.user, organisation=w.organisation, is_supervisor=True, actor=w.lead.user
        ),
    ),
    organisations.SUPERVISOR_CHANGED: (
        lambda w, c: None,
        lambda w, c, _: organisations.membership_upsert(
            user=w.learner.user, organisation=w.organisation, supervisor=None, actor=w.lead.user
        ),
    ),
}


def test_every_project_action_is_registered_for_the_site_history_report():
    assert set(audit.ACTIONS) <= {action for action, _label in registry.get_choices()}
    assert set(audit.ACTIONS) <= set(CASES)  # and each is tested below


@pytest.mark.parametrize("action", list(CASES))
def test_each_audited_action_writes_exactly_one_entry(action, w, client):
    prepare, act = CASES[action]
    thing = prepare(w, client)
    before = set(ModelLogEntry.objects.values_list("pk", flat=True))
    act(w, client, thing)
    entries = list(ModelLogEntry.objects.filter(action=action).exclude(pk__in=before))
    assert len(entries) == 1
    entry = entries[0]
    assert registry.action_exists(action)
    names = {w.learner.user.get_full_name(), w.lead.user.get_full_name(), "new.person@example.org"}
    assert not any(name in entry.label for name in names)
    if action not in (audit.REFLECTIONS_DOWNLOADED, audit.DATA_DOWNLOADED, audit.PERSON_ERASED):
        assert (
            entry.data["organisation"] == w.organisation.pk
        )  # a person's own downloads belong to no organisation


def test_a_lead_sees_their_organisations_entries_and_no_others(w, client, django_assert_max_num_queries):
    other = OrganisationFactory()
    for organisation in (w.organisation, other):
        for n in range(3):
            coverage.assignment_create(
                organisation=organisation,
                module=w.module,
                created_by=None,
                job_title=f"Role {n}",
                scope="job_title",
                due_on=date.today() + timedelta(days=30),
            )
    client.force_login(w.lead.user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("privacy_organisation_audit", args=[w.organisation.pk]))
    assert page.status_code == 200
    assert [e.data["organisation"] for e in page.context["page_obj"]] == [w.organisation.pk] * 3
    assert "Assignment created" in page.content.decode()
    assert client.get(reverse("privacy_organisation_audit", args=[other.pk])).status_code == 403
    client.force_login(w.supervisor.user)
    assert client.get(reverse("privacy_organisation_audit", args=[w.organisation.pk])).status_code == 403
