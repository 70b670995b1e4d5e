"""The audit-log actions of provisioning (registered in wagtail_hooks.py). Entries name the SCIM resource and
the organisation, never the person (learning/core/audit.py)."""

from django.utils.translation import gettext_lazy as _

TOKEN_ROTATED = "provisioning.token.rotated"  # noqa: S105 (an action name, not a secret)
PERSON_JOINED = "provisioning.person.joined"
PERSON_UPDATED = "provisioning.person.updated"
PERSON_LEFT = "provisioning.person.left"
PERSON_REJOINED = "provisioning.person.rejoined"
PERSON_DELETED = "provisioning.person.deleted"
ACCOUNT_DEACTIVATED = "provisioning.account.deactivated"
TEAM_CHANGED = "provisioning.person.team"
GROUP_CREATED = "provisioning.group.created"
GROUP_RENAMED = "provisioning.group.renamed"
GROUP_DELETED = "provisioning.group.deleted"

ACTIONS = {
    TOKEN_ROTATED: _("SCIM token created or rotated"),
    PERSON_JOINED: _("Joined through SCIM"),
    PERSON_UPDATED: _("Details changed through SCIM"),
    PERSON_LEFT: _("Membership ended through SCIM"),
    PERSON_REJOINED: _("Membership resumed through SCIM"),
    PERSON_DELETED: _("Removed through SCIM"),
    ACCOUNT_DEACTIVATED: _("Account deactivated through SCIM"),
    TEAM_CHANGED: _("Team changed through SCIM"),
    GROUP_CREATED: _("Team linked through SCIM"),
    GROUP_RENAMED: _("Team renamed through SCIM"),
    GROUP_DELETED: _("Team unlinked through SCIM"),
}
