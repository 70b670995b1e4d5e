"""The hooks django-scim2 calls (SCIM_SERVICE_PROVIDER in settings): which model is a User and a Group, the
organisation every lookup is limited to, the base of every `location`, and what the service provides."""

from django_scim import constants
from django_scim.models import SCIMServiceProviderConfig

from learning.core.links import site_root

from ..models import ScimPerson
from ..selectors import scim_groups, scim_people


def person_model():
    return ScimPerson


def base_location(request=None, *args, **kwargs):
    return site_root()


def organisation_only(model):
    """Every lookup of a User or Group is limited to the calling token's organisation: another organisation's
    people and teams are not found (404)."""

    def extra_filter_kwargs(request, *args, **kwargs):
        return {"organisation_id": request.scim_token.organisation_id}

    return extra_filter_kwargs


def nothing_excluded(model):
    return lambda request, *args, **kwargs: {}


def object_as_is(model):
    return lambda request, obj, *args, **kwargs: obj


def listed_with_relations(model):
    """The unfiltered list, with what the representations show fetched up front (selectors)."""
    selector = scim_people if model is ScimPerson else scim_groups

    def post_process(request, qs, *args, **kwargs):
        return selector(organisation_id=request.scim_token.organisation_id)

    return post_process


class ServiceProviderConfig(SCIMServiceProviderConfig):
    def to_dict(self):
        return {
            "schemas": [constants.SchemaURI.SERVICE_PROVIDER_CONFIG],
            "documentationUri": None,
            "patch": {"supported": True},
            "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": True, "maxResults": 100},
            "changePassword": {"supported": False},
            "sort": {"supported": False},
            "etag": {"supported": False},
            "authenticationSchemes": [
                {
                    "type": "oauthbearertoken",
                    "name": "OAuth Bearer Token",
                    "description": "The organisation's SCIM token, made by its workforce lead.",
                    "primary": True,
                }
            ],
            "meta": self.meta,
        }
