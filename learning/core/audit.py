"""The project's own actions on Wagtail's audit log (its site history report, filters and spreadsheet export).

Every audited write calls `audit_log`: with one of ACTIONS (learning/privacy/wagtail_hooks.py registers them),
or with an action its own app registers (organisations' role and supervisor changes, assessments' sharing).
Entries carry the organisation's id in `data` so that a lead's view can be limited to their organisation, and
a title made of the kind of record and its number, never a person's name (the log outlives an erasure)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogContext, log

INVITATION_CREATED = "learning.invitation.created"
INVITATION_RESENT = "learning.invitation.resent"
INVITATION_CANCELLED = "learning.invitation.cancelled"
INVITATION_ACCEPTED = "learning.invitation.accepted"
INVITATION_DECLINED = "learning.invitation.declined"
IMPORT_APPLIED = "learning.import.applied"
ASSIGNMENT_CREATED = "learning.assignment.created"
ASSIGNMENT_CHANGED = "learning.assignment.changed"
ASSIGNMENT_REMOVED = "learning.assignment.removed"
REFLECTION_SIGNED_OFF = "learning.reflection.signed_off"
CERTIFICATE_REVOKED = "learning.certificate.revoked"
CERTIFICATE_REISSUED = "learning.certificate.reissued"
RECORDS_EXPORTED = "learning.records.exported"
RECORD_DOWNLOADED = "learning.record.downloaded"
REFLECTIONS_DOWNLOADED = "learning.reflections.downloaded"
CERTIFICATES_DOWNLOADED = "learning.certificates.downloaded"
DATA_DOWNLOADED = "learning.data.downloaded"
PERSON_ERASED = "learning.person.erased"

ACTIONS = {
    INVITATION_CREATED: _("Invitation sent"),
    INVITATION_RESENT: _("Invitation re-sent"),
    INVITATION_CANCELLED: _("Invitation cancelled"),
    INVITATION_ACCEPTED: _("Invitation accepted"),
    INVITATION_DECLINED: _("Invitation declined"),
    IMPORT_APPLIED: _("Staff import applied"),
    ASSIGNMENT_CREATED: _("Assignment created"),
    ASSIGNMENT_CHANGED: _("Assignment changed"),
    ASSIGNMENT_REMOVED: _("Assignment removed"),
    REFLECTION_SIGNED_OFF: _("Reflection signed off"),
    CERTIFICATE_REVOKED: _("Certificate revoked"),
    CERTIFICATE_REISSUED: _("Certificate re-issued"),
    RECORDS_EXPORTED: _("Coverage exported"),
    RECORD_DOWNLOADED: _("Learning record downloaded"),
    REFLECTIONS_DOWNLOADED: _("Reflections PDF downloaded"),
    CERTIFICATES_DOWNLOADED: _("Certificates ZIP downloaded"),
    DATA_DOWNLOADED: _("Personal data downloaded"),
    PERSON_ERASED: _("Person erased"),
}


def audit_log(instance, action, *, organisation_id=None, user=None, **data):
    """Write one entry for `action` on `instance`, by `user` (default: the request's user, set by
    AuditContextMiddleware), with `data` (ids and labels only, no personal text)."""
    if organisation_id is not None:
        data["organisation"] = organisation_id
    title = f"{instance._meta.verbose_name.capitalize()} {instance.pk}"
    return log(instance, action, user=user, title=title, data=data)


class AuditContextMiddleware:
    """Entries written while answering a request name the signed-in person as the actor, without every service
    having to be handed them (Wagtail's admin does the same for its own views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        with LogContext(user=user):
            return self.get_response(request)
