"""The SCIM Group adapter (django-scim2's SCIMGroup): a team of the calling organisation. Adding a member
moves that person into the team; removing them leaves them in no team."""

import re

from django_scim import constants
from django_scim.adapters import SCIMGroup
from django_scim.exceptions import BadRequestError

from learning.core.errors import ServiceError

from ..models import ScimPerson
from ..services import teams
from .patch import PatchChecks, as_scim_error, text

# Entra ID removes one member with a filter in the path: members[value eq "<id>"].
_ONE_MEMBER = re.compile(r'^\s*members\s*\[\s*value\s+eq\s+"([^"]+)"\s*\]\s*$', re.IGNORECASE)


def _member_ids(value) -> list:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, dict) and isinstance(item.get("value"), str) for item in items):
        raise BadRequestError('"members" must be a list of {"value": "<id>"}.', scim_type="invalidValue")
    return [item["value"] for item in items]


class ScimGroupAdapter(PatchChecks, SCIMGroup):
    id_field = "scim_id"

    def __init__(self, obj, request=None):
        super().__init__(obj, request)
        self.given = {}

    @property
    def display_name(self):
        return self.obj.team.name

    def _members(self):
        team = self.obj.team
        if hasattr(team, "active_members"):  # prefetched by the selector
            return [person for m in team.active_members for person in m.user.here]
        return ScimPerson.objects.filter(
            organisation_id=self.obj.organisation_id,
            user__memberships__team=team,
            user__memberships__is_active=True,
        ).select_related("user")

    def to_dict(self):
        d = {
            "schemas": [constants.SchemaURI.GROUP],
            "id": self.id,
            "externalId": self.obj.external_id or None,
            "displayName": self.display_name,
            "meta": {"resourceType": self.resource_type, "location": self.location},
        }
        if "members" not in self.request.GET.get("excludedAttributes", ""):
            d["members"] = [
                {"value": p.scim_id, "display": p.user.get_full_name() or p.user_name}
                for p in self._members()
            ]
        return d

    def validate_dict(self, d):
        """Checked while read (from_dict)."""

    def from_dict(self, d):
        self.given = {
            "display_name": d.get("displayName"),
            "external_id": text(d.get("externalId") or "", "externalId"),
            "member_ids": _member_ids(d.get("members")),
        }

    def save(self):
        try:
            if self.obj.pk is None:
                self.obj = teams.group_create(organisation=self.request.scim_token.organisation, **self.given)
            else:
                teams.group_rename(group=self.obj, display_name=self.given["display_name"])
                teams.group_members_replace(group=self.obj, member_ids=self.given["member_ids"])
        except ServiceError as exc:
            raise as_scim_error(exc) from exc

    def delete(self):
        teams.group_delete(group=self.obj)

    def _apply(self, op, path, value, operation):
        attr = path.first_path[0].lower()
        try:
            if attr == "id":
                return  # read-only; Entra's path-less replace may repeat it
            if attr == "displayname":
                teams.group_rename(group=self.obj, display_name=value)
            elif attr == "externalid":
                self.obj.external_id = text(value or "", "externalId")
                self.obj.save(update_fields=["external_id"])
            elif attr == "members" and op == "remove":
                one = _ONE_MEMBER.match(operation.get("path") or "")
                ids = [one[1]] if one else _member_ids(value)
                teams.group_members_remove(group=self.obj, member_ids=ids)
            elif attr == "members":
                service = teams.group_members_add if op == "add" else teams.group_members_replace
                service(group=self.obj, member_ids=_member_ids(value))
            else:
                raise BadRequestError(
                    f'"{path.first_path[0]}" cannot be changed here.', scim_type="invalidPath"
                )
        except ServiceError as exc:
            raise as_scim_error(exc) from exc

    def handle_add(self, path, value, operation):
        self._apply("add", path, value, operation)

    def handle_replace(self, path, value, operation):
        self._apply("replace", path, value, operation)

    def handle_remove(self, path, value, operation):
        self._apply("remove", path, value, operation)
