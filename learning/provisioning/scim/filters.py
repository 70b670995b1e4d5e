"""SCIM filters, as Entra ID sends them: one attribute compared with `eq` to a quoted string (`userName eq
"a@b.org"`, `externalId eq "…"`, `displayName eq "…"`). django-scim2's own filter writes raw SQL for
PostgreSQL only; this one builds an ORM query, so it runs on SQLite too. Anything else is a ValueError, which
django-scim2 answers with 400 "invalidFilter"."""

import json
import re

from ..selectors import scim_groups, scim_people

_EQ = re.compile(
    r'^\s*(?P<attr>[A-Za-z][\w.:]*(?:\[type eq "work"\]\.value)?)\s+eq\s+(?P<value>"(?:[^"\\]|\\.)*")\s*$'
)


def _parse(query: str, lookups: dict):
    match = _EQ.match(query or "")
    lookup = lookups.get(match["attr"].lower()) if match else None
    if lookup is None:
        raise ValueError(
            'Only `<attribute> eq "<value>"` on ' + ", ".join(sorted(lookups)) + " is supported."
        )
    return {lookup: json.loads(match["value"])}  # a JSON string: \" and \\ escapes as SCIM defines them


class PersonFilter:
    attr_map = {}  # django-scim2's adapters read this for PATCH paths; nothing to map
    lookups = {
        "username": "user_name__iexact",
        "externalid": "external_id",
        "emails.value": "user__email__iexact",
        'emails[type eq "work"].value': "user__email__iexact",
    }

    @classmethod
    def search(cls, filter_query, request=None):
        return scim_people(organisation_id=request.scim_token.organisation_id).filter(
            **_parse(filter_query, cls.lookups)
        )


class GroupFilter(PersonFilter):
    lookups = {"displayname": "team__name__iexact", "externalid": "external_id"}

    @classmethod
    def search(cls, filter_query, request=None):
        return scim_groups(organisation_id=request.scim_token.organisation_id).filter(
            **_parse(filter_query, cls.lookups)
        )
