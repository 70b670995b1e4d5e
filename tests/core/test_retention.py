"""The nightly cleanup (learning.core.retention): what is past its limit goes with its files; nothing else."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse
from django.utils import timezone

from assessments.models import Notification, ReflectionExport
from assessments.practice.services.reflections import reflection_delete
from assessments.quizzes.factories import ReflectiveEntryFactory
from certificates.models import CertificateBundle
from learning.core.models import HealthPing
from learning.core.retention import retention_apply, retention_kept, retention_rules
from learning.core.tasks import retention_cleanup
from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.models import Invitation

pytestmark = pytest.mark.django_db
NOW = timezone.now()
A_MINUTE = timedelta(minutes=1)


def _rule(name):
    return next(rule for rule in retention_rules() if rule.name == name)


def _run(name, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return retention_apply(_rule(name), now=NOW)


def _file(name):
    return default_storage.save(name, ContentFile(b"%PDF- someone's words"))


def _days(setting):
    return timedelta(days=getattr(settings, setting))


def test_reflection_pdfs_past_the_limit_are_deleted_with_their_files(django_capture_on_commit_callbacks):
    limit, author, other = _days("REFLECTION_EXPORT_RETENTION_DAYS"), UserFactory(), UserFactory()

    def export(user, finished_ago, status=ReflectionExport.Status.READY):
        path = _file(f"private/reflection-exports/{user.pk}/x.pdf")
        row = ReflectionExport.objects.create(
            author=user, status=status, file_path=path, finished_at=NOW - finished_ago
        )
        return row, row.file_path

    _due, due_path = export(author, limit + A_MINUTE)
    kept, kept_path = export(author, limit - A_MINUTE)
    others, others_path = export(other, limit - A_MINUTE)
    stuck = ReflectionExport.objects.create(author=author)  # never finished, asked for before the limit
    ReflectionExport.objects.filter(pk=stuck.pk).update(created_at=NOW - limit - A_MINUTE, finished_at=None)

    assert _run("reflective-account PDFs", django_capture_on_commit_callbacks) == 2
    assert set(ReflectionExport.objects.values_list("pk", flat=True)) == {kept.pk, others.pk}
    assert not default_storage.exists(due_path)
    assert default_storage.exists(kept_path) and default_storage.exists(others_path)


def test_certificate_zips_past_the_limit_are_deleted_with_their_files(django_capture_on_commit_callbacks):
    limit, lead = _days("CERTIFICATE_BUNDLE_RETENTION_DAYS"), MembershipFactory(is_lead=True)

    def bundle(updated_ago):
        row = CertificateBundle.objects.create(
            organisation=lead.organisation,
            requested_by=lead.user,
            status=CertificateBundle.Status.READY,
            updated_at=NOW - updated_ago,
        )
        row.file.save("bundle.zip", ContentFile(b"PK"), save=True)
        return row

    due, kept = bundle(limit + A_MINUTE), bundle(limit - A_MINUTE)
    due_path = due.file.name

    assert _run("certificate ZIPs", django_capture_on_commit_callbacks) == 1
    assert list(CertificateBundle.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not default_storage.exists(due_path) and default_storage.exists(kept.file.name)


def _notification(user, *, created_ago, read_ago=None):
    row = Notification.objects.create(user=user, message="Sam sent you a reflection", url="/")
    Notification.objects.filter(pk=row.pk).update(
        created_at=NOW - created_ago, read_at=None if read_ago is None else NOW - read_ago
    )
    return row.pk


def test_read_notifications_go_after_their_limit_and_unread_ones_stay(django_capture_on_commit_callbacks):
    limit, user, other = _days("NOTIFICATION_READ_RETENTION_DAYS"), UserFactory(), UserFactory()
    _notification(user, created_ago=limit * 2, read_ago=limit + A_MINUTE)
    kept = {
        _notification(user, created_ago=limit * 2, read_ago=limit - A_MINUTE),
        _notification(user, created_ago=limit * 2),  # unread: waits for the longer limit
        _notification(other, created_ago=limit * 2, read_ago=limit - A_MINUTE),
    }

    assert _run("read notifications", django_capture_on_commit_callbacks) == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == kept


def test_every_notification_goes_after_the_longer_limit(django_capture_on_commit_callbacks):
    limit, user = _days("NOTIFICATION_RETENTION_DAYS"), UserFactory()
    _notification(user, created_ago=limit + A_MINUTE)
    kept = {
        _notification(user, created_ago=limit - A_MINUTE),
        _notification(UserFactory(), created_ago=timedelta(0)),
    }

    assert _run("notifications", django_capture_on_commit_callbacks) == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == kept


def test_invitations_not_accepted_go_after_their_limit_and_accepted_ones_stay(
    django_capture_on_commit_callbacks,
):
    limit, organisation = _days("INVITATION_RETENTION_DAYS"), OrganisationFactory()

    def invitation(email, expired_ago, **closed):
        return Invitation.objects.create(
            organisation=organisation,
            email=email,
            expires_at=NOW - expired_ago,
            **{field: NOW - ago for field, ago in closed.items()},
        ).pk

    invitation("expired@example.org", limit + A_MINUTE)
    invitation("declined@example.org", -timedelta(days=7), declined_at=limit + A_MINUTE)
    invitation("cancelled@example.org", -timedelta(days=7), cancelled_at=limit + A_MINUTE)
    kept = {
        invitation("recent@example.org", limit - A_MINUTE),
        invitation("declined-lately@example.org", -timedelta(days=7), declined_at=limit - A_MINUTE),
        invitation("accepted@example.org", limit * 2, accepted_at=limit * 2),
        invitation("open@example.org", -timedelta(days=7)),
    }

    assert _run("invitations not accepted", django_capture_on_commit_callbacks) == 3
    assert set(Invitation.objects.values_list("pk", flat=True)) == kept


def test_heartbeats_past_the_limit_are_deleted(django_capture_on_commit_callbacks):
    limit = _days("HEARTBEAT_RETENTION_DAYS")
    for token, ago in (("beat-old", limit + A_MINUTE), ("beat-recent", limit - A_MINUTE)):
        HealthPing.objects.filter(pk=HealthPing.objects.create(token=token).pk).update(created_at=NOW - ago)

    assert _run("beat heartbeats", django_capture_on_commit_callbacks) == 1
    assert list(HealthPing.objects.values_list("token", flat=True)) == ["beat-recent"]


def test_expired_sessions_are_cleared_and_live_ones_kept(django_capture_on_commit_callbacks):
    store = import_module(settings.SESSION_ENGINE).SessionStore
    live, expired = store(), store()
    live.create()
    expired.set_expiry(-60)
    expired.create()

    _run("expired sessions", django_capture_on_commit_callbacks)
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_deleting_a_reflection_deletes_the_exports_that_hold_its_text(django_capture_on_commit_callbacks):
    entry = ReflectiveEntryFactory()
    other = ReflectiveEntryFactory(membership=entry.membership)
    holding, unrelated = (
        ReflectionExport.objects.create(
            author=entry.author,
            status=ReflectionExport.Status.READY,
            file_path=_file(f"private/reflection-exports/{entry.author.pk}/{n}.pdf"),
            finished_at=NOW,
        )
        for n in ("holding", "unrelated")
    )
    holding.entries.set([entry, other])
    unrelated.entries.set([other])

    with django_capture_on_commit_callbacks(execute=True):
        reflection_delete(entry=entry, user=entry.author)

    assert list(ReflectionExport.objects.values_list("pk", flat=True)) == [unrelated.pk]
    assert not default_storage.exists(holding.file_path)
    assert default_storage.exists(unrelated.file_path)


def test_the_pages_say_how_long_a_pdf_and_a_zip_are_kept(client, settings):
    settings.REFLECTION_EXPORT_RETENTION_DAYS, settings.CERTIFICATE_BUNDLE_RETENTION_DAYS = 5, 3
    lead = MembershipFactory(is_lead=True)
    export = ReflectionExport.objects.create(author=lead.user)
    bundle = CertificateBundle.objects.create(organisation=lead.organisation, requested_by=lead.user)
    client.force_login(lead.user)

    assert "We delete it here after 5 days" in client.get(reverse("reflection_export", args=[export.pk])).text
    assert "we delete it here after 3 days" in client.get(reverse("bundle_detail", args=[bundle.pk])).text


def test_the_nightly_task_runs_every_registered_rule():
    names = {rule.name for rule in retention_rules()}
    assert names >= {
        "reflective-account PDFs",
        "certificate ZIPs",
        "read notifications",
        "notifications",
        "invitations not accepted",
        "expired sessions",
        "beat heartbeats",
    }
    assert set(retention_cleanup.delay().get()) == names


def test_a_failing_rule_does_not_stop_the_others(monkeypatch, django_capture_on_commit_callbacks):
    from learning.core import retention

    def broken(cutoff):
        raise RuntimeError("a broken query")

    old = HealthPing.objects.create(token="beat-old")
    HealthPing.objects.filter(pk=old.pk).update(created_at=NOW - timedelta(days=365))
    # First, so that every rule after it shows it did not stop them.
    monkeypatch.setattr(
        retention, "_RULES", {"broken": retention.Retention("broken", None, broken), **retention._RULES}
    )

    with (
        pytest.raises(retention.RetentionFailed, match="broken"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        retention.retention_run(now=NOW)
    assert not HealthPing.objects.filter(pk=old.pk).exists()


def _holds_files(model):
    return any(
        isinstance(field, models.FileField) or field.name.endswith("file_path")
        for field in model._meta.get_fields()
    )


def test_every_project_model_that_holds_files_has_a_retention_rule_or_a_reason_to_keep():
    """A new model with a file (a FileField or a storage path) must say how long its files are kept."""
    project = str(settings.BASE_DIR)
    covered = {rule.due(NOW).model._meta.label for rule in retention_rules() if rule.due} | set(
        retention_kept()
    )
    holding = {
        model._meta.label
        for config in apps.get_app_configs()
        if config.path.startswith(project) and ".venv" not in config.path
        for model in config.get_models()
        if _holds_files(model)
    }
    assert holding >= {
        "assessments.ReflectionExport",
        "certificates.CertificateBundle",
        "certificates.Certificate",
    }
    assert holding - covered == set(), "register a retention rule or retention_keep(model, reason=...)"
