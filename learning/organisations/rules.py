"""Who may see and do what with people and organisations: the one place these decisions are made.

Predicates take the signed-in user and a target (a Membership: a person's record in one organisation; or an
Organisation). Views, templates ({% has_perm %}) and the Wagtail admin all ask these permissions.
"""

import rules

from .models import Membership


def _organisation_id(target):
    return target.pk if target.__class__.__name__ == "Organisation" else target.organisation_id


@rules.predicate
def is_platform_admin(user):
    return user.is_active and user.is_superuser


@rules.predicate
def is_own_record(user, membership):
    return membership is not None and membership.user_id == user.pk


@rules.predicate
def supervises(user, membership):
    if membership is None or membership.supervisor_id is None:
        return False
    supervisor = membership.supervisor
    return supervisor.user_id == user.pk and supervisor.is_acting_supervisor


@rules.predicate
def leads_organisation(user, target):
    if target is None or not user.is_authenticated:
        return False
    return (
        Membership.objects.active()
        .leads()
        .filter(user=user, organisation_id=_organisation_id(target))
        .exists()
    )


@rules.predicate
def supervises_in_organisation(user, organisation):
    if organisation is None or not user.is_authenticated:
        return False
    return Membership.objects.active().supervisors().filter(user=user, organisation=organisation).exists()


can_view_record = is_own_record | supervises | leads_organisation | is_platform_admin

rules.add_perm("organisations.view_record", can_view_record)
rules.add_perm("organisations.manage_organisation", leads_organisation | is_platform_admin)
rules.add_perm("organisations.invite_people", leads_organisation | is_platform_admin)
rules.add_perm(
    "organisations.view_staff", leads_organisation | supervises_in_organisation | is_platform_admin
)
