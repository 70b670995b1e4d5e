"""SCIM Groups as the organisation's teams: the identity provider links or creates a team and moves people in
and out of it. A membership has one team, so joining a group moves the person from the team they were in."""

from django.db import transaction
from django.utils.translation import gettext as _

from learning.core.audit import audit_log
from learning.core.errors import ServiceError
from learning.organisations.models import Membership, Team

from .. import actions
from ..models import ScimGroup, ScimPerson
from .people import membership_team_set


def _name(display_name) -> str:
    name = (display_name or "").strip() if isinstance(display_name, str) else ""
    if not name:
        raise ServiceError(_("displayName is required."), code="invalid")
    if len(name) > Team._meta.get_field("name").max_length:
        raise ServiceError(_("displayName is too long."), code="invalid")
    return name


def _memberships(group, scim_ids) -> list:
    """The memberships of the people `scim_ids` name, in the group's organisation only: an id from another
    organisation is as unknown as a made-up one."""
    people = ScimPerson.objects.filter(organisation_id=group.organisation_id, scim_id__in=set(scim_ids))
    if len(people) != len(set(scim_ids)):
        raise ServiceError(_("A member is not a person provisioned in this organisation."), code="invalid")
    return list(
        Membership.objects.select_related("user", "organisation", "team", "supervisor").filter(
            organisation_id=group.organisation_id, user_id__in=[p.user_id for p in people]
        )
    )


@transaction.atomic
def group_create(*, organisation, display_name, external_id="", member_ids=()) -> ScimGroup:
    """Link the organisation's team of that name (made if missing) to a new SCIM Group, with its members."""
    team, _created = Team.objects.get_or_create(organisation=organisation, name=_name(display_name))
    if ScimGroup.objects.filter(team=team).exists():
        raise ServiceError(_("A group for this team is already provisioned."), code="conflict")
    group = ScimGroup.objects.create(organisation=organisation, team=team, external_id=external_id or "")
    audit_log(group, actions.GROUP_CREATED, organisation_id=organisation.pk, team=team.pk)
    group_members_add(group=group, member_ids=member_ids)
    return group


@transaction.atomic
def group_rename(*, group, display_name) -> ScimGroup:
    name = _name(display_name)
    if (
        Team.objects.filter(organisation_id=group.organisation_id, name=name)
        .exclude(pk=group.team_id)
        .exists()
    ):
        raise ServiceError(_("Another team here already has that name."), code="conflict")
    group.team.name = name
    group.team.save(update_fields=["name"])
    audit_log(group, actions.GROUP_RENAMED, organisation_id=group.organisation_id, team=group.team_id)
    return group


@transaction.atomic
def group_members_add(*, group, member_ids) -> None:
    for membership in _memberships(group, member_ids):
        membership_team_set(membership, group.team)


@transaction.atomic
def group_members_remove(*, group, member_ids) -> None:
    for membership in _memberships(group, member_ids):
        if membership.team_id == group.team_id:
            membership_team_set(membership, None)


@transaction.atomic
def group_members_replace(*, group, member_ids) -> None:
    """The group's members become exactly `member_ids` (a PUT, or a PATCH replace of members)."""
    current = ScimPerson.objects.filter(
        organisation_id=group.organisation_id,
        user__memberships__team=group.team,
        user__memberships__organisation_id=group.organisation_id,
    ).values_list("scim_id", flat=True)
    group_members_remove(group=group, member_ids=set(current) - set(member_ids))
    group_members_add(group=group, member_ids=member_ids)


@transaction.atomic
def group_delete(*, group) -> None:
    """Forget the SCIM Group; the team and the people in it stay (teams carry history in reports)."""
    audit_log(group, actions.GROUP_DELETED, organisation_id=group.organisation_id, team=group.team_id)
    group.delete()
