"""Reads for the SCIM endpoints: an organisation's provisioned people and teams, with what their SCIM
representation shows fetched up front, so a list costs the same few queries however long it is."""

from django.db.models import Prefetch

from learning.organisations.models import Membership

from .models import ScimGroup, ScimPerson


def scim_people(*, organisation_id):
    """The organisation's SCIM Users; `user.here` holds the person's membership of it (one or none)."""
    here = Membership.objects.filter(organisation_id=organisation_id).select_related("team__scim_group")
    return (
        ScimPerson.objects.filter(organisation_id=organisation_id)
        .select_related("user")
        .prefetch_related(Prefetch("user__memberships", queryset=here, to_attr="here"))
        .order_by("pk")
    )


def scim_groups(*, organisation_id):
    """The organisation's SCIM Groups; `team.active_members[i].user.here` holds each member's SCIM User."""
    people = ScimPerson.objects.filter(organisation_id=organisation_id)
    return (
        ScimGroup.objects.filter(organisation_id=organisation_id)
        .select_related("team")
        .prefetch_related(
            Prefetch(
                "team__memberships",
                queryset=Membership.objects.active().select_related("user"),
                to_attr="active_members",
            ),
            Prefetch("team__active_members__user__scim_people", queryset=people, to_attr="here"),
        )
        .order_by("pk")
    )
