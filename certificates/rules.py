"""Who may see and manage certificates. A certificate belongs to a person; the people who may see a
person's record in any organisation they belong to (organisations.view_record) may see it; leads of such
an organisation, and admins, may re-issue or revoke it."""
import rules

from learning.organisations.models import Membership
from learning.organisations.rules import is_platform_admin


def _memberships_of(certificate):
    return Membership.objects.filter(user_id=certificate.user_id, is_active=True).select_related("supervisor")


@rules.predicate
def owns_certificate(user, certificate):
    return certificate is not None and certificate.user_id == user.pk


@rules.predicate
def may_view_owner_record(user, certificate):
    return certificate is not None and any(user.has_perm("organisations.view_record", m) for m in _memberships_of(certificate))


@rules.predicate
def leads_owner_organisation(user, certificate):
    if certificate is None:
        return False
    owner_orgs = Membership.objects.filter(user_id=certificate.user_id, is_active=True).values("organisation_id")
    return Membership.objects.filter(user=user, is_lead=True, is_active=True, organisation_id__in=owner_orgs).exists()


rules.add_perm("certificates.view_certificate", owns_certificate | may_view_owner_record | is_platform_admin)
rules.add_perm("certificates.manage_certificate", leads_owner_organisation | is_platform_admin)
