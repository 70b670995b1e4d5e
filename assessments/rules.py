"""Who may read and do what with reflections, supervision sessions and reflection exports: decided only here.

These are rules (rules.add_rule, asked with rules.test_rule or {% test_rule %}), not permissions, on purpose:
Django's user.has_perm grants a superuser every permission, and reflection text must stay private even from
platform admins. Workforce leads and editors get nothing here either; they see counts through selectors.

A reflection is read by the supervisor it was submitted to (`submitted_to`), never by whoever supervises the
author now: a new supervisor (a lead who made themselves one included) does not inherit the history. The
author may share an entry with their current supervisor, read only (`shared_with`).

A follow-up on practice is read the same way: by its learner, and by the supervisor it was submitted to
(while they hold the role); leads see counts only (practice/selectors/follow_ups.py).

Predicates take the signed-in user and the object. The list selectors in practice/selectors/reflections.py,
practice/selectors/supervision.py and practice/selectors/follow_ups.py mirror them;
tests/assessments/reflections/test_reflection_permissions_matrix.py and
tests/assessments/test_follow_ups_permissions.py check them.
"""

import rules

from assessments.models import FollowUp, ReflectiveEntry
from assessments.practice.selectors.reflections import reflection_reviewer

Status = ReflectiveEntry.Status


def _active_supervisor(membership, user):
    return membership is not None and membership.user_id == user.pk and membership.is_acting_supervisor


@rules.predicate
def is_author(user, entry):
    return entry.author_id == user.pk


@rules.predicate
def is_submitted_to(user, entry):
    """The supervisor the entry was submitted to, while they hold the role in the entry's organisation."""
    return _active_supervisor(entry.submitted_to, user)


@rules.predicate
def is_shared_with(user, entry):
    """A later supervisor the author shared the entry with (prefetch `shared_with` when asking for many)."""
    return any(_active_supervisor(membership, user) for membership in entry.shared_with.all())


@rules.predicate
def has_new_supervisor(_user, entry):
    """The author's current supervisor cannot read the entry yet, so there is someone to share it with."""
    current = reflection_reviewer(entry=entry)
    return (
        current is not None
        and current.pk != entry.submitted_to_id
        and all(membership.pk != current.pk for membership in entry.shared_with.all())
    )


@rules.predicate
def is_draft(_user, entry):
    return entry.status == Status.DRAFT


@rules.predicate
def is_submitted(_user, entry):
    return entry.status == Status.SUBMITTED


@rules.predicate
def needs_changes(_user, entry):
    return entry.status == Status.CHANGES_REQUESTED


@rules.predicate
def in_review(_user, entry):
    return entry.status in (Status.SUBMITTED, Status.CHANGES_REQUESTED)


@rules.predicate
def records_session(user, session):
    return _active_supervisor(session.supervisor, user)


@rules.predicate
def attends_session(user, session):
    # The supervisees are prefetched by the selectors, so this reads memory, not the database.
    return any(m.user_id == user.pk for m in session.supervisees.all())


@rules.predicate
def wrote_note(user, note):
    return note.author.user_id == user.pk


@rules.predicate
def supervises_notes_session(user, note):
    return _active_supervisor(note.session.supervisor, user)


@rules.predicate
def owns_export(user, export):
    return export.author_id == user.pk


@rules.predicate
def supervises_anyone(user, _target=None):
    return user.is_authenticated and user.memberships.active().supervisors().exists()


@rules.predicate
def is_follow_up_learner(user, follow_up):
    return follow_up.user_id == user.pk


@rules.predicate
def is_follow_up_supervisor(user, follow_up):
    """The supervisor the follow-up was submitted to, while they hold the role in its organisation."""
    return _active_supervisor(follow_up.submitted_to, user)


@rules.predicate
def follow_up_is_due(_user, follow_up):
    return follow_up.status == FollowUp.Status.DUE


@rules.predicate
def follow_up_is_waiting(_user, follow_up):
    return follow_up.status == FollowUp.Status.SUBMITTED


# Reflective entries: private drafts; the supervisor it was submitted to reads from submission on, and
# reviews; a supervisor it was shared with only reads; signing off locks the entry.
rules.add_rule("assessments.view_entry", is_author | ((is_submitted_to | is_shared_with) & ~is_draft))
rules.add_rule("assessments.edit_entry", is_author & (is_draft | needs_changes))
rules.add_rule("assessments.submit_entry", is_author & (is_draft | needs_changes))
rules.add_rule("assessments.withdraw_entry", is_author & is_submitted)
rules.add_rule("assessments.delete_entry", is_author & is_draft)
rules.add_rule("assessments.comment_entry", (is_author | is_submitted_to) & in_review)
rules.add_rule("assessments.review_entry", is_submitted_to & is_submitted)
rules.add_rule("assessments.share_entry", is_author & ~is_draft & has_new_supervisor)
rules.add_rule("assessments.export_entry", is_author)
rules.add_rule("assessments.download_export", owns_export)

# Supervision sessions: the recording supervisor and the supervisees who took part.
rules.add_rule("assessments.record_sessions", supervises_anyone)
rules.add_rule("assessments.view_session", records_session | attends_session)
rules.add_rule("assessments.edit_session", records_session)
rules.add_rule("assessments.add_session_note", attends_session)
rules.add_rule("assessments.view_session_note", wrote_note | supervises_notes_session)

# Follow-ups on practice: the learner writes one when it is due; the supervisor it was submitted to reads it,
# adds an observation and signs it off, which locks it.
rules.add_rule(
    "assessments.view_follow_up", is_follow_up_learner | (is_follow_up_supervisor & ~follow_up_is_due)
)
rules.add_rule("assessments.submit_follow_up", is_follow_up_learner & follow_up_is_due)
rules.add_rule("assessments.observe_follow_up", is_follow_up_supervisor & follow_up_is_waiting)
