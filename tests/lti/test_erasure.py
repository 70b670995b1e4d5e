"""Erasing a person removes the LMS identities their account was launched as, with the name and email the LMS
sent, and nobody else's."""

import pytest
from lti_tool.models import LtiRegistration, LtiUser

from learning.organisations.factories import MembershipFactory, UserFactory
from learning.privacy.erasure import person_erase

pytestmark = pytest.mark.django_db


def test_erasure_deletes_the_people_an_lms_launched_as_them():
    registration = LtiRegistration.objects.create(
        name="Council Moodle",
        issuer="https://moodle.example.org",
        client_id="abc",
        auth_url="https://moodle.example.org/mod/lti/auth.php",
        token_url="https://moodle.example.org/mod/lti/token.php",
        keyset_url="https://moodle.example.org/mod/lti/certs.php",
    )
    person, other = MembershipFactory().user, MembershipFactory().user
    for user, sub in ((person, "17"), (other, "18")):
        LtiUser.objects.create(
            registration=registration,
            sub=sub,
            name="As the LMS knows them",
            email="x@example.org",
            auth_user=user,
        )
    record = person_erase(user=person, actor=UserFactory(is_superuser=True))
    assert record.counts["lti_identities"] == 1
    assert list(LtiUser.objects.values_list("auth_user", flat=True)) == [other.pk]
