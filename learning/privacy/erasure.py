"""Erasing a person: what the organisation must keep stays as anonymised counts; everything that says who they
were, or what they wrote, goes.

- The account is kept (certificates, completions and attempts point at it, and coverage counts them) but it is
  anonymised: name "Erased person", an address that cannot receive mail, no password (which also ends every
  session: Django checks a session against the password), not active; allauth email addresses and MFA
  authenticators, email preferences and notifications are deleted.
- Reflections they wrote are deleted with their comments and export PDFs. Comments they wrote on other
  people's reflections keep their place in the thread (the author's evidence shows that a review happened) but
  their text becomes "[removed]"; sign-offs they gave keep the date but not their name or role.
- Follow-ups on practice they wrote are deleted; observations they wrote on other people's become "[removed]"
  and their sign-offs keep the date but not their name or role.
- Supervision: their own notes are deleted; the summaries and actions of sessions they recorded become
  "[removed]" (sessions stay, so supervisees' counts do not change).
- Certificates are revoked with the reason "record erased" (the verify page says so, with no name), and their
  PDFs, the organisation's certificate ZIPs that may hold them, and their data exports are deleted.
- Records of learning done elsewhere are deleted with their evidence; leads' reasons for completions recorded
  for them become "[removed]" (learning/records/erasure.py).
- The SCIM resources that name them (each organisation's user name and identifier for them) and the records of
  their sessions are deleted (learning/provisioning/erasure.py).
- Their xAPI key (the name statements give them) is deleted with the statements not yet sent, so later
  learning cannot be tied to what their organisation's LRS holds (learning/xapi/erasure.py).
- The LMS identities their account was launched as (with the name and email each LMS sent) are deleted with
  their grade links (learning/lti/erasure.py).
- Memberships end with a plain update, not a save: no recount is queued, so the organisation's rollups and
  snapshots keep counting the completions they had (numbers only, nothing that names the person).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from assessments.models import FollowUp, Notification, ReflectionComment, ReflectionExport, ReflectiveEntry
from assessments.models.supervision import SessionAction, SessionNote, SupervisionSession
from certificates.models import Certificate, CertificateBundle, CertificateEvent
from learning.core.audit import PERSON_ERASED, audit_log
from learning.core.errors import ServiceError
from learning.core.links import absolute_reverse
from learning.core.mail import email_send
from learning.core.retention import stored_files_delete
from learning.coverage.models import EmailPreference, StaffImport
from learning.lti.erasure import lti_erase
from learning.organisations.models import Invitation, Membership
from learning.provisioning.erasure import provisioning_erase
from learning.records.erasure import records_erase
from learning.xapi.erasure import xapi_erase

from .models import DataExport, ErasureRecord, ErasureRequest

ERASED_NAME = "Erased person"
REMOVED = "[removed]"


def _erased_email(user):
    # .invalid is reserved (RFC 2606): nothing is ever delivered there, and the id keeps it unique.
    return f"erased-{user.pk}@invalid"


def _scrub(model, field, needles, **filters):
    """Replace the person's name and address inside free text that others wrote
    (imports, notices, log titles)."""
    matches = Q()
    for needle in needles:
        matches |= Q(**{f"{field}__icontains": needle})
    for row in model.objects.filter(matches, **filters).distinct().only("pk", field):
        text = original = getattr(row, field) or ""
        for needle in needles:
            text = text.replace(needle, ERASED_NAME)
        if text != original:
            model.objects.filter(pk=row.pk).update(**{field: text})


def _erase_writing(user, memberships):
    counts = {"reflections": ReflectiveEntry.objects.filter(author=user).count()}
    exports = ReflectionExport.objects.filter(author=user)
    stored_files_delete(exports.values_list("file_path", flat=True))
    counts["reflection_exports"] = exports.count()
    exports.delete()
    ReflectiveEntry.objects.filter(author=user).delete()
    counts["comments"] = ReflectionComment.objects.filter(author=user).update(body=REMOVED)
    ReflectiveEntry.objects.filter(signed_off_by=user).update(signed_off_name=ERASED_NAME, signed_off_role="")
    counts["follow_ups"] = FollowUp.objects.filter(user=user).delete()[0]
    FollowUp.objects.filter(submitted_to__in=memberships).exclude(observation="").update(observation=REMOVED)
    FollowUp.objects.filter(signed_off_by=user).update(signed_off_name=ERASED_NAME, signed_off_role="")
    counts["session_notes"] = SessionNote.objects.filter(author__in=memberships).delete()[0]
    recorded = SupervisionSession.objects.filter(supervisor__in=memberships)
    counts["sessions_recorded"] = recorded.update(summary=REMOVED)
    SessionAction.objects.filter(session__in=recorded).update(description=REMOVED)
    return counts


def _erase_certificates(user, actor):
    certificates = Certificate.objects.filter(user=user)
    stored_files_delete(certificates.values_list("pdf", flat=True))
    for certificate in certificates.exclude(status=Certificate.Status.REVOKED):
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.REVOKED,
            actor=actor,
            reason=Certificate.ERASED_REASON,
        )
    certificates.update(
        status=Certificate.Status.REVOKED,
        revoked_reason=Certificate.ERASED_REASON,
        learner_name=ERASED_NAME,
        pdf="",
    )
    # An organisation's certificate ZIP may hold their PDF: gone too (leads can build a new one).
    bundles = CertificateBundle.objects.filter(organisation__memberships__user=user).distinct()
    stored_files_delete(bundles.values_list("file", flat=True))
    CertificateBundle.objects.filter(pk__in=list(bundles.values_list("pk", flat=True))).delete()
    return {"certificates": certificates.count()}


def _erase_account(user):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    # Invitations may be addressed to any of their addresses, so gather them all before the addresses go.
    addresses = {
        user.email.lower(),
        *(e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)),
    }
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    EmailPreference.objects.filter(user=user).delete()
    profiles = UserProfile.objects.filter(user=user)  # Wagtail's: an avatar photo is personal data
    stored_files_delete(profiles.values_list("avatar", flat=True))
    profiles.delete()
    Notification.objects.filter(user=user).delete()
    exports = DataExport.objects.filter(user=user)
    stored_files_delete(exports.values_list("file", flat=True))
    exports.delete()
    Invitation.objects.filter(email__in=addresses).delete()  # invitation addresses are stored lower-case
    user.first_name, user.last_name, user.email = ERASED_NAME, "", _erased_email(user)
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


@transaction.atomic
def person_erase(*, user, actor) -> ErasureRecord:
    """Erase `user`'s personal data (see the module docstring for what goes and what stays as counts).
    Atomic: all of it or nothing. Idempotent: erasing an erased person returns the first record."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if existing := ErasureRecord.objects.filter(user=user).first():
        return existing
    if actor is not None and actor.pk == user.pk:
        raise ServiceError(_("You cannot erase your own account; ask another administrator."))
    needles = [n for n in (user.get_full_name(), user.email) if n.strip()]
    memberships = list(Membership.objects.filter(user=user))
    counts = (
        _erase_writing(user, memberships)
        | _erase_certificates(user, actor)
        | records_erase(user=user)
        | provisioning_erase(user=user)
        | xapi_erase(user=user)
        | lti_erase(user=user)
    )
    _scrub(StaffImport, "content", needles, organisation__memberships__user=user)
    _scrub(Notification, "message", needles)
    _scrub(ModelLogEntry, "label", needles)
    # A plain update, not save():
    # saving would queue a recount that drops them from the organisation's figures.
    counts["memberships"] = Membership.objects.filter(user=user).update(is_active=False, job_title="")
    _erase_account(user)
    ErasureRequest.objects.filter(user=user, closed_at__isnull=True).update(closed_at=timezone.now())
    record = ErasureRecord.objects.create(user=user, erased_by=actor, counts=counts)
    audit_log(record, PERSON_ERASED, user=actor, erased_user=user.pk)
    return record


@transaction.atomic
def erasure_request_create(*, user) -> ErasureRequest:
    """A person asks to be erased: one open request each (asking again changes nothing), and every active
    administrator is emailed a link to the confirmation page. Nothing is erased until an admin confirms."""
    request, created = ErasureRequest.objects.get_or_create(user=user, closed_at=None)
    if created:
        url = absolute_reverse("privacy_person_erase", user.pk)
        admins = list(
            get_user_model().objects.filter(is_superuser=True, is_active=True).values_list("email", flat=True)
        )
        for email in admins:
            transaction.on_commit(
                lambda email=email: email_send(
                    to=email,
                    subject=_("A request to erase a person's data"),
                    template="privacy/email/erasure_requested",
                    context={"request_id": request.pk, "url": url},
                ),
                robust=True,
            )
    return request


def erasure_preview(*, user) -> dict:
    """What erasing `user` would remove, as numbers, for the admin's confirmation page."""
    memberships = Membership.objects.filter(user=user)
    return {
        "reflections": ReflectiveEntry.objects.filter(author=user).count(),
        "comments": ReflectionComment.objects.filter(author=user).count(),
        "session_notes": SessionNote.objects.filter(author__in=memberships).count(),
        "sessions_recorded": SupervisionSession.objects.filter(supervisor__in=memberships).count(),
        "certificates": Certificate.objects.filter(user=user).count(),
        "memberships": memberships.active().count(),
        "exports": ReflectionExport.objects.filter(author=user).count()
        + DataExport.objects.filter(user=user).count(),
    }
