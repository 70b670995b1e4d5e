"""Who may see and do what with required training and coverage, per organisation. Predicates come from
learning/organisations/rules.py; a person's record stays `organisations.view_record`.

- view_organisation: the organisation's figures, its people lists and trend (its leads, admins)
- view_staff: the same page limited to one's own supervisees (supervisors there)
- manage_assignments, import_staff: assign training, import staff (its leads, admins)
- view_follow_ups: how many follow-ups on practice fell due, were sent and signed off, per module (its leads,
  admins): counts only, never what anyone wrote
- view_partnership: the combined figures of the partners that share with an Alcohol and Drug Partnership
  (the partnership's leads, admins), never a partner's people or teams
"""

import rules

from learning.organisations.models import Organisation
from learning.organisations.rules import is_platform_admin, leads_organisation, supervises_in_organisation


@rules.predicate
def is_partnership(user, organisation):
    return organisation is not None and organisation.kind == Organisation.Kind.ADP


leads_or_admin = leads_organisation | is_platform_admin

rules.add_perm("coverage.view_organisation", leads_or_admin)
rules.add_perm("coverage.view_staff", supervises_in_organisation | leads_or_admin)
rules.add_perm("coverage.manage_assignments", leads_or_admin)
rules.add_perm("coverage.import_staff", leads_or_admin)
rules.add_perm("coverage.view_follow_ups", leads_or_admin)
rules.add_perm("coverage.view_partnership", is_partnership & leads_or_admin)
