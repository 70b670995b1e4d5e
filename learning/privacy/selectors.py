"""Everything held about one person, gathered for "Download my data" (services.data_export_build_run).

One query (or one prefetch) per kind of row, whatever the person has: the query count stays flat as their
record grows (tests/privacy/test_data_export.py pins it). What each section covers, and what is left out and
why, is declared in export_scope.py. Other people's data stays out: a supervisor appears by name, but a group
session's other notes and the addresses of people the person invited do not appear at all.
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Prefetch, Q

from assessments.models import (
    Attempt,
    FollowUp,
    Notification,
    ReflectionComment,
    ReflectionExport,
    ReflectiveEntry,
)
from assessments.models.supervision import SessionNote, SupervisionSession
from assessments.practice.reflection_templates import stages_of
from certificates.models import Certificate, CertificateBundle
from learning.coverage.models import Assignment, EmailPreference, NotificationSent, Requirement, StaffImport
from learning.events.models import Attendance, Booking
from learning.organisations.models import Invitation, Membership
from learning.progress.models import Enrolment, LessonCompletion, ModuleCompletion
from learning.records.models import ExternalRecord

from .models import DataExport, ErasureRequest


@dataclass
class PersonalData:
    sections: dict  # the readable JSON, by section
    files: list = field(default_factory=list)  # (name in the ZIP, name in default storage)


def _title(page):
    return page.title if page else None


def _name(membership):
    return str(membership.user) if membership else None


def _account(user):
    addresses = EmailAddress.objects.filter(user=user)
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary} for a in addresses
        ],
        # Which second factors are set up and when, never their secrets.
        "two_factor": [
            {"type": a.get_type_display(), "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user)
        ],
    }


def _memberships(user):
    requirements = Requirement.objects.select_related("module")
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation", "team", "supervisor__user")
        .prefetch_related(Prefetch("requirements", queryset=requirements))
    )
    return [
        {
            "organisation": m.organisation.name,
            "team": m.team.name if m.team else None,
            "job_title": m.job_title,
            "roles": m.role_labels,
            "supervisor": _name(m.supervisor),
            "joined_on": m.joined_on,
            "is_active": m.is_active,
            "required_training": [
                {"module": _title(r.module), "due_on": r.due_on} for r in m.requirements.all()
            ],
            "id": m.pk,  # popped by personal_data: it finds the sessions the person is in
        }
        for m in memberships
    ]


def _enrolments(user):
    completions = LessonCompletion.objects.select_related("lesson")
    enrolments = (
        Enrolment.objects.filter(user=user)
        .select_related("module", "last_lesson")
        .prefetch_related(Prefetch("lesson_completions", queryset=completions))
    )
    return [
        {
            "module": _title(e.module),
            "source": e.get_source_display(),
            "enrolled_at": e.enrolled_at,
            "last_activity_at": e.last_activity_at,
            "last_lesson": _title(e.last_lesson),
            "cycle": e.cycle,
            "lessons_completed_at": e.lessons_completed_at,
            "lessons_completed": [
                {"lesson": _title(c.lesson), "cycle": c.cycle, "completed_at": c.completed_at}
                for c in e.lesson_completions.all()
            ],
        }
        for e in enrolments
    ]


def _module_completions(user):
    return [
        {
            "module": _title(c.module),
            "cycle": c.cycle,
            "completed_at": c.completed_at,
            "quiz_score": c.quiz_score,
            "cpd_minutes": c.cpd_minutes,
            "expires_at": c.expires_at,
            "status": c.get_status_display(),
        }
        for c in ModuleCompletion.objects.filter(user=user).select_related("module")
    ]


def _answers(item):
    options = {o["key"]: o["text"] for o in item.snapshot["options"]}
    return {
        "position": item.position,
        "question": item.snapshot["text"],
        "options": [options[key] for key in item.option_order],
        "your_answer": [options[key] for key in item.selected if key in options],
        "mark": item.mark,
    }


def _quiz_attempts(user):
    attempts = Attempt.objects.filter(user=user).select_related("quiz").prefetch_related("items")
    return [
        {
            "quiz": a.quiz.title,
            "number": a.number,
            "status": a.get_status_display(),
            "started_at": a.started_at,
            "submitted_at": a.submitted_at,
            "score": a.score,
            "passed": a.passed,
            "pass_mark": a.pass_mark,
            "questions": [_answers(item) for item in a.items.all()],
        }
        for a in attempts
    ]


def _comment(c):
    return {
        "kind": c.get_kind_display(),
        "by": str(c.author) if c.author else None,
        "text": c.body,
        "at": c.created_at,
    }


def _reflections(user):
    comments = ReflectionComment.objects.select_related("author")
    entries = (
        ReflectiveEntry.objects.filter(author=user)
        .select_related("membership__organisation", "module")
        .prefetch_related(Prefetch("comments", queryset=comments))
    )
    return [
        {
            "title": e.title,
            "organisation": e.membership.organisation.name,
            "module": _title(e.module),
            "prompt": e.prompt,
            "template": e.get_template_display(),
            "status": e.get_status_display(),
            "text": {str(stage.label): e.stages.get(stage.key, "") for stage in stages_of(e.template)},
            "relevance_to_a_professional_code": e.code_relevance,
            "nmc_code_themes": [str(theme) for theme in e.chosen_code_themes],
            "created_at": e.created_at,
            "submitted_at": e.submitted_at,
            "signed_off_at": e.signed_off_at,
            "signed_off_by": e.signed_off_name or None,
            "signed_off_role": e.signed_off_role or None,
            "comments": [_comment(c) for c in e.comments.all()],
        }
        for e in entries
    ]


def _follow_ups(user):
    """Their follow-ups on practice: what they wrote, and their supervisor's observation and sign-off."""
    follow_ups = FollowUp.objects.filter(user=user).select_related("module", "membership__organisation")
    return [
        {
            "module": _title(f.module),
            "organisation": f.membership.organisation.name if f.membership else None,
            "status": f.get_status_display(),
            "due_on": f.due_on,
            "invited_at": f.invited_at,
            "text": f.text,
            "submitted_at": f.submitted_at,
            "supervisor_observation": f.observation,
            "signed_off_at": f.signed_off_at,
            "signed_off_by": f.signed_off_name or None,
            "signed_off_role": f.signed_off_role or None,
        }
        for f in follow_ups
    ]


def _comments_written(user):
    """What the person wrote on other people's reflections (their words; the reflection is not theirs)."""
    written = ReflectionComment.objects.filter(author=user).exclude(entry__author=user)
    return [{"kind": c.get_kind_display(), "text": c.body, "at": c.created_at} for c in written]


def _sessions(membership_ids):
    """Sessions the person was supervised in or recorded, with their own note only."""
    own_notes = Prefetch(
        "notes", queryset=SessionNote.objects.filter(author_id__in=membership_ids), to_attr="own_notes"
    )
    sessions = (
        SupervisionSession.objects.filter(
            Q(supervisees__in=membership_ids) | Q(supervisor__in=membership_ids)
        )
        .distinct()
        .select_related("supervisor__user", "supervisor__organisation")
        .prefetch_related("topics", "actions", own_notes)
    )
    return [
        {
            "organisation": s.supervisor.organisation.name,
            "held_on": s.held_on,
            "kind": s.get_kind_display(),
            "supervisor": _name(s.supervisor),
            "you_recorded_it": s.supervisor_id in membership_ids,
            "summary": s.summary,
            "next_session_on": s.next_session_on,
            "topics": [t.name for t in s.topics.all()],
            "actions": [
                {"description": a.description, "due_on": a.due_on, "yours": a.owner_id in membership_ids}
                for a in s.actions.all()
            ],
            "your_note": [
                {"text": n.body, "created_at": n.created_at, "updated_at": n.updated_at} for n in s.own_notes
            ],
        }
        for s in sessions
    ]


def _external_learning(user, files):
    """Their records of learning done elsewhere, with the evidence files they uploaded."""
    rows = []
    for r in ExternalRecord.objects.filter(user=user).select_related("membership__organisation"):
        evidence = f"external-learning/{r.pk}-{r.evidence.name.rsplit('/', 1)[-1]}" if r.evidence else None
        if evidence:
            files.append((evidence, r.evidence.name))
        rows.append(
            {
                "title": r.title,
                "provider": r.provider,
                "completed_on": r.completed_on,
                "hours": str(r.hours),
                "participatory_hours": str(r.participatory_hours),
                "organisation": r.membership.organisation.name,
                "status": r.get_status_display(),
                "decided_at": r.decided_at,
                "decline_reason": r.decline_reason,
                "evidence": evidence,
            }
        )
    return rows


def _event_bookings(user):
    return [
        {
            "event": b.session.event.title,
            "session_starts_at": b.session.starts_at,
            "status": b.get_status_display(),
            "waiting_list_position": b.waitlist_position,
            "booked_at": b.created_at,
            "updated_at": b.updated_at,
        }
        for b in Booking.objects.filter(user=user).select_related("session__event")
    ]


def _event_attendance(user):
    return [
        {
            "event": a.session.event.title,
            "session_starts_at": a.session.starts_at,
            "attended": a.attended,
            "marked_at": a.marked_at,
            "note": a.note,
        }
        for a in Attendance.objects.filter(user=user).select_related("session__event")
    ]


def _certificates(user, files):
    rows = []
    for c in Certificate.objects.filter(user=user).prefetch_related("events"):
        pdf = f"certificates/{c.code}.pdf" if c.pdf else None
        if pdf:
            files.append((pdf, c.pdf.name))
        rows.append(
            {
                "module": c.module_title,
                "name_on_it": c.learner_name,
                "organisation": c.organisation_name,
                "code": c.code,
                "version": c.version,
                "status": c.get_status_display(),
                "issued_at": c.issued_at,
                "expires_at": c.expires_at,
                "cpd_minutes": c.cpd_minutes,
                "revoked_reason": c.revoked_reason,
                "pdf": pdf,
                "events": [
                    {"action": e.get_action_display(), "at": e.at, "reason": e.reason} for e in c.events.all()
                ],
            }
        )
    return rows


def _reflective_account_exports(user, files):
    rows = []
    for export in ReflectionExport.objects.filter(author=user).prefetch_related("entries"):
        pdf = f"reflective-accounts/{export.pk}.pdf" if export.file_path else None
        if pdf:
            files.append((pdf, export.file_path))
        rows.append(
            {
                "created_at": export.created_at,
                "status": export.get_status_display(),
                "reflections": [e.title for e in export.entries.all()],
                "pdf": pdf,
            }
        )
    return rows


def _invitations_received(addresses):
    to_them = Q()
    for address in addresses:
        to_them |= Q(email__iexact=address)
    return [
        {
            "organisation": i.organisation.name,
            "email": i.email,
            "first_name": i.first_name,
            "last_name": i.last_name,
            "job_title": i.job_title,
            "roles": i.role_labels,
            "created_at": i.created_at,
            "expires_at": i.expires_at,
            "accepted_at": i.accepted_at,
            "declined_at": i.declined_at,
            "cancelled_at": i.cancelled_at,
        }
        for i in Invitation.objects.filter(to_them).select_related("organisation")
    ]


def _actions_for_others(user):
    """What the person did as a lead: when and where, not the people it was about."""
    invitations = Invitation.objects.filter(invited_by=user).select_related("organisation")
    assignments = Assignment.objects.filter(created_by=user).select_related("organisation", "module")
    imports = StaffImport.objects.filter(uploaded_by=user).select_related("organisation")
    bundles = CertificateBundle.objects.filter(requested_by=user).select_related("organisation")
    return {
        "invitations_sent": [
            {"organisation": i.organisation.name, "created_at": i.created_at} for i in invitations
        ],
        "assignments_created": [
            {"organisation": a.organisation.name, "module": _title(a.module), "created_at": a.created_at}
            for a in assignments
        ],
        "staff_imports_uploaded": [
            {
                "organisation": s.organisation.name,
                "filename": s.filename,
                "created_at": s.created_at,
                "applied_at": s.applied_at,
            }
            for s in imports
        ],
        "certificate_zips_requested": [
            {
                "organisation": b.organisation.name,
                "created_at": b.created_at,
                "status": b.get_status_display(),
            }
            for b in bundles
        ],
    }


def _own_requests(user):
    return {
        "data_exports": [
            {"created_at": e.created_at, "status": e.get_status_display(), "expires_at": e.expires_at}
            for e in DataExport.objects.filter(user=user)
        ],
        "erasure_requests": [
            {"created_at": r.created_at, "closed_at": r.closed_at}
            for r in ErasureRequest.objects.filter(user=user)
        ],
    }


def personal_data(*, user) -> PersonalData:
    """The person's data by section (see export_scope.COVERED), and the PDFs that go in the ZIP beside it."""
    account, memberships = _account(user), _memberships(user)
    membership_ids = {m.pop("id") for m in memberships}
    addresses = {user.email} | {a["email"] for a in account["email_addresses"]}
    preference = EmailPreference.objects.filter(user=user).first()
    files = []
    sections = {
        "account": account,
        "email_preference": preference.get_frequency_display() if preference else None,
        "memberships": memberships,
        "enrolments": _enrolments(user),
        "module_completions": _module_completions(user),
        "quiz_attempts": _quiz_attempts(user),
        "reflections": _reflections(user),
        "comments_written": _comments_written(user),
        "follow_ups": _follow_ups(user),
        "supervision_sessions": _sessions(membership_ids),
        "certificates": _certificates(user, files),
        "external_learning": _external_learning(user, files),
        "event_bookings": _event_bookings(user),
        "event_attendance": _event_attendance(user),
        "reflective_account_exports": _reflective_account_exports(user, files),
        "notifications": [
            {
                "message": n.message,
                "link": n.url,
                "created_at": n.created_at,
                "read_at": n.read_at,
                "emailed_at": n.emailed_at,
            }
            for n in Notification.objects.filter(user=user)
        ],
        "reminder_emails_sent": [
            {"kind": s.get_kind_display(), "occasion": s.key, "sent_at": s.sent_at}
            for s in NotificationSent.objects.filter(user=user)
        ],
        "invitations_received": _invitations_received(addresses),
        **_actions_for_others(user),
        **_own_requests(user),
    }
    return PersonalData(sections=sections, files=files)
