"""Who may see and do what with learning done elsewhere: the person's own records; their supervisor's and
their organisation's leads' for verifying; leads for their organisation's equivalences and recorded
completions.

Record predicates take an ExternalRecord; organisation predicates an Organisation; person predicates a
Membership (whose organisation-level rules live in learning/organisations/rules.py).

Rules (rules.add_rule, asked with rules.test_rule or {% test_rule %}), not permissions, where a platform admin
must not pass by default: Django's user.has_perm grants a superuser everything, and nobody, an admin included,
verifies their own learning or records their own completion. Admins are named where they are allowed."""

import rules

from learning.organisations.rules import is_own_record, is_platform_admin, leads_organisation, supervises


@rules.predicate
def owns_record(user, record):
    return record is not None and record.user_id == user.pk


@rules.predicate
def supervises_owner(user, record):
    return record is not None and supervises(user, record.membership)


@rules.predicate
def leads_owner(user, record):
    return record is not None and leads_organisation(user, record.membership)


@rules.predicate
def record_editable(_user, record):
    return record is not None and record.is_editable


@rules.predicate
def record_pending(_user, record):
    return record is not None and record.status == record.Status.SUBMITTED


verifier = supervises_owner | leads_owner

rules.add_rule("records.view_record", owns_record | verifier | is_platform_admin)
rules.add_rule("records.change_record", owns_record & record_editable)
# Nobody verifies their own learning, even a lead.
rules.add_rule("records.decide_record", verifier & ~owns_record & record_pending)
rules.add_perm("records.manage_equivalences", leads_organisation | is_platform_admin)
# A lead records a completion for someone in their organisation, never for themselves.
rules.add_rule("records.record_completion", (leads_organisation | is_platform_admin) & ~is_own_record)
# A person's CPD log: theirs, their supervisor's view of it, their organisation's leads'.
rules.add_rule("records.view_cpd", is_own_record | supervises | leads_organisation | is_platform_admin)
