"""Who may see and manage certificates. A certificate belongs to a person; the people who may see a
person's record in any organisation they belong to (organisations.view_record) may see it; leads of an
organisation where it was earned (Certificate.earned_in) that the person still belongs to, and admins, may
re-issue or revoke it."""

import rules

from learning.organisations.models import Membership
from learning.organisations.rules import is_platform_admin


def _memberships_of(certificate):
    return Membership.objects.active().filter(user_id=certificate.user_id).select_related("supervisor")


@rules.predicate
def owns_certificate(user, certificate):
    return certificate is not None and certificate.user_id == user.pk


@rules.predicate
def may_view_owner_record(user, certificate):
    return certificate is not None and any(
        user.has_perm("organisations.view_record", m) for m in _memberships_of(certificate)
    )


@rules.predicate
def leads_where_earned(user, certificate):
    """A lead of an organisation the person belonged to when they earned it, and still belongs to: joining
    another organisation later gives its leads no say over what was earned before."""
    if certificate is None or not user.is_authenticated:
        return False
    owner_orgs = (
        Membership.objects.active()
        .filter(user_id=certificate.user_id, organisation__in=certificate.earned_in.all())
        .values("organisation_id")
    )
    return Membership.objects.active().leads().filter(user=user, organisation_id__in=owner_orgs).exists()


rules.add_perm("certificates.view_certificate", owns_certificate | may_view_owner_record | is_platform_admin)
rules.add_perm("certificates.manage_certificate", leads_where_earned | is_platform_admin)
