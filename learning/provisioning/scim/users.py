"""The SCIM User adapter (django-scim2's SCIMUser): a person in the calling organisation, read from and
written to through the provisioning services. Attributes the platform has no use for (phone numbers,
addresses and the rest of Entra ID's default mappings) are accepted and ignored, so a default set-up
provisions cleanly."""

from django_scim import constants
from django_scim.adapters import SCIMUser
from django_scim.exceptions import BadRequestError

from learning.core.errors import ServiceError
from learning.organisations.models import Membership

from ..services.people import PersonChanges, person_join, person_leave, person_update
from .patch import ENTERPRISE, PatchChecks, as_scim_error, boolean, text


def _email(value):
    """An email from `emails` as a list (the primary one, else the first), an object, or a bare string (the
    value of an `emails[type eq "work"].value` path)."""
    if isinstance(value, list):
        entries = [e for e in value if isinstance(e, dict)]
        entries.sort(key=lambda e: not e.get("primary"))
        value = entries[0] if entries else None
    if isinstance(value, dict):
        value = value.get("value")
    return text(value, "emails")


class ScimUserAdapter(PatchChecks, SCIMUser):
    id_field = "scim_id"

    def __init__(self, obj, request=None):
        super().__init__(obj, request)
        self.changes = PersonChanges()

    @property
    def organisation(self):
        return self.request.scim_token.organisation

    @property
    def membership(self):
        prefetched = getattr(self.obj.user, "here", None)
        if prefetched is not None:
            return prefetched[0] if prefetched else None
        return (
            Membership.objects.select_related("team__scim_group")
            .filter(user_id=self.obj.user_id, organisation_id=self.obj.organisation_id)
            .first()
        )

    @property
    def display_name(self):
        return self.obj.user.get_full_name() or self.obj.user_name

    def to_dict(self):
        user, membership = self.obj.user, self.membership
        team = membership.team if membership else None
        group = team.scim_group if team is not None and hasattr(team, "scim_group") else None
        return {
            "schemas": [constants.SchemaURI.USER, ENTERPRISE],
            "id": self.id,
            "externalId": self.obj.external_id or None,
            "userName": self.obj.user_name,
            "name": {
                "givenName": user.first_name,
                "familyName": user.last_name,
                "formatted": self.display_name,
            },
            "displayName": self.display_name,
            "emails": [{"value": user.email, "type": "work", "primary": True}],
            "active": bool(membership and membership.is_active),
            "groups": [{"value": group.scim_id, "display": team.name}] if group else [],
            ENTERPRISE: {"department": team.name if team else ""},
            "meta": {
                "resourceType": self.resource_type,
                "created": self.obj.created_at.isoformat(),
                "lastModified": self.obj.updated_at.isoformat(),
                "location": self.location,
            },
        }

    def validate_dict(self, d):
        """Checked while read (from_dict), where each attribute is used."""

    def from_dict(self, d):
        """A whole User (POST, PUT): the attributes it carries become the changes to make."""
        for key, value in d.items():
            self._set(key.lower(), None, value)

    def _set(self, attr, sub, value):
        changes = self.changes
        if attr == "username":
            changes.user_name = text(value, "userName")
        elif attr == "externalid":
            changes.external_id = text(value, "externalId") if value is not None else ""
        elif attr == "active":
            changes.active = boolean(value)
        elif attr == "emails":
            changes.email = _email(value)
        elif attr == "name" and sub is None:
            if not isinstance(value, dict):
                raise BadRequestError('"name" must be an object.', scim_type="invalidValue")
            for key in ("givenName", "familyName"):
                if key in value:
                    self._set("name", key.lower(), value[key])
        elif attr == "name" and sub in ("givenname", "familyname"):
            name = text(value, f"name.{sub}") if value is not None else ""
            setattr(changes, "first_name" if sub == "givenname" else "last_name", name)
        elif attr == ENTERPRISE.lower():
            if not isinstance(value, dict):
                raise BadRequestError(f'"{ENTERPRISE}" must be an object.', scim_type="invalidValue")
            if "department" in value:
                self._set("department", None, value["department"])
        elif attr == "department":
            changes.department = text(value, "department") if value is not None else ""

    def _path_set(self, path, value):
        attr_name, sub_attr, uri = path.first_path
        attr, sub = attr_name.lower(), (sub_attr or "").lower() or None
        if uri and uri.lower() == ENTERPRISE.lower() and attr != "department":
            return  # manager, employeeNumber and the like: nothing here uses them
        if attr == "emails":  # emails[type eq "work"].value: a complex path whose target is the address
            self._set("emails", None, value)
        else:
            self._set(attr, sub, value)

    def handle_replace(self, path, value, operation):
        self._path_set(path, value)

    handle_add = handle_replace

    def handle_remove(self, path, value, operation):
        attr = path.first_path[0].lower()
        if attr in ("name", "externalid", "department"):
            self._path_set(path, None)

    def handle_operations(self, operations):
        super().handle_operations(operations)
        self.save()

    def save(self):
        try:
            if self.obj.pk is None:
                self.obj = person_join(organisation=self.organisation, changes=self.changes)
            else:
                self.obj = person_update(person=self.obj, changes=self.changes)
        except ServiceError as exc:
            raise as_scim_error(exc) from exc
        self.changes = PersonChanges()

    def delete(self):
        person_leave(person=self.obj, delete=True)
