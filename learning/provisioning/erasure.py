"""Erasing a person (learning/privacy/erasure.py): the SCIM resources that name them (their user name at each
organisation's identity provider, its identifier for them) go, and so do the records of their sessions."""

from allauth.usersessions.models import UserSession

from .models import ScimPerson


def provisioning_erase(*, user) -> dict:
    """Delete what provisioning holds about `user`; counts by kind, for the erasure record."""
    return {
        "scim_people": ScimPerson.objects.filter(user=user).delete()[0],
        "user_sessions": UserSession.objects.filter(user=user).delete()[0],
    }
