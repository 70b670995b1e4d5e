"""Erasing a person (learning.privacy.erasure): the LMS identities linked to their account go, with the name
and email each LMS sent at launch (django-lti's LtiUser) and the grade links that hang on them. A later launch
from that LMS starts a new account; the LMS's own gradebook is that LMS's to erase."""

from lti_tool.models import LtiUser


def lti_erase(*, user) -> dict:
    launched_as = LtiUser.objects.filter(auth_user=user)
    count = launched_as.count()
    launched_as.delete()
    return {"lti_identities": count}
