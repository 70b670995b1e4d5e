"""Reviewing a reflection: the comment thread, asking for changes, and the sign-off that locks the entry."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import ReflectionComment, ReflectiveEntry
from assessments.practice.services.notifications import notification_send
from assessments.practice.services.reflections import about, locked_entry, require_rule
from learning.core import audit
from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.progress.services import completion_check_request


def _required_text(body, message) -> str:
    body = (body or "").strip()
    if not body:
        raise ServiceError(message, code="empty")
    return body


def _tell_the_other_side(*, entry, actor, message_for_author, message_for_supervisor):
    """Notify the author when the supervisor acts, and the supervisor it was submitted to when the author
    does."""
    url = reverse("reflection_detail", args=[entry.pk])
    if actor.pk == entry.author_id:
        supervisor = entry.submitted_to
        if supervisor is not None:
            notification_send(user=supervisor.user, url=url, message=message_for_supervisor)
    else:
        notification_send(user=entry.author, url=url, message=message_for_author)


@transaction.atomic
def reflection_comment(*, entry, user, body: str) -> ReflectionComment:
    """Add to the thread while the entry is in review; the author and the supervisor may both write."""
    entry = locked_entry(entry)
    require_rule("assessments.comment_entry", user, entry)
    body = _required_text(body, _("Write a comment first."))
    comment = ReflectionComment.objects.create(
        entry=entry, author=user, kind=ReflectionComment.Kind.COMMENT, body=body
    )
    _tell_the_other_side(
        entry=entry,
        actor=user,
        message_for_author=_("%(name)s commented on %(about)s.") % {"name": user, "about": about(entry)},
        message_for_supervisor=_("%(name)s replied on a reflection you are reviewing.") % {"name": user},
    )
    return comment


@transaction.atomic
def reflection_request_changes(*, entry, user, body: str) -> ReflectiveEntry:
    """Return a submitted entry to its author with a comment saying what to change."""
    entry = locked_entry(entry)
    require_rule("assessments.review_entry", user, entry)
    body = _required_text(body, _("Say what you would like changed, so the author knows what to do."))
    entry.status = ReflectiveEntry.Status.CHANGES_REQUESTED
    entry.save(update_fields=["status", "updated_at"])
    ReflectionComment.objects.create(
        entry=entry, author=user, kind=ReflectionComment.Kind.CHANGES_REQUESTED, body=body
    )
    notification_send(
        user=entry.author,
        url=reverse("reflection_detail", args=[entry.pk]),
        message=_("%(name)s asked for changes to %(about)s.") % {"name": user, "about": about(entry)},
    )
    return entry


def _stamp_role(membership) -> str:
    return ", ".join(
        part for part in [membership.job_title or str(_("Supervisor")), str(membership.organisation)]
    )


@transaction.atomic
def reflection_sign_off(*, entry, user, body: str = "") -> ReflectiveEntry:
    """Sign the entry off as the supervisor it was submitted to: stamp name, role and date, and lock it for
    good.

    Signing off twice changes nothing. If the entry answers a module's prompt, the module's completion rule is
    asked to be evaluated again, since a signed-off reflection may be what it was waiting for."""
    entry = locked_entry(entry)
    if entry.is_locked and entry.signed_off_by_id == user.pk:
        return entry
    require_rule("assessments.review_entry", user, entry)
    supervisor = entry.submitted_to  # the signer's own membership: review_entry allows nobody else
    entry.status = ReflectiveEntry.Status.SIGNED_OFF
    entry.signed_off_at, entry.signed_off_by = timezone.now(), user
    entry.signed_off_name = user.get_full_name() or user.email
    entry.signed_off_role = _stamp_role(supervisor)
    entry.save(
        update_fields=[
            "status",
            "signed_off_at",
            "signed_off_by",
            "signed_off_name",
            "signed_off_role",
            "updated_at",
        ]
    )
    ReflectionComment.objects.create(
        entry=entry, author=user, kind=ReflectionComment.Kind.SIGNED_OFF, body=(body or "").strip()
    )
    audit_log(entry, audit.REFLECTION_SIGNED_OFF, user=user, organisation_id=supervisor.organisation_id)
    notification_send(
        user=entry.author,
        url=reverse("reflection_detail", args=[entry.pk]),
        message=_("%(name)s signed off %(about)s.") % {"name": user, "about": about(entry)},
    )
    if entry.module_id:
        completion_check_request(user_id=entry.author_id, module_id=entry.module_id)
    return entry
