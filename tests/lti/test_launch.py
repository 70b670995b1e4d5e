"""Against an independent LTI 1.3 platform (tests/lti_platform): an instructor places a module with Deep
Linking, and a learner's resource-link launch opens it, signed in to an account linked to their LTI `sub` in
the organisation that registered the LMS."""

from html import escape

import pytest
from lti_tool.models import LtiUser

from learning.organisations.models import Membership

from .conftest import page_forms
from .world import module_with_quiz

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def place(browser, platform, module):
    """An instructor's Deep Linking launch, and their choice of `module` from the tool's list; the platform's
    answer to the choice."""
    picker = browser.launch(platform, user="teacher-1", link="deep-link")
    assert picker.status_code == 200, picker.text
    forms = {int(form["attrs"]["data-module"]): form for form in page_forms(picker)}
    return browser.submit(forms[module.pk])


def test_deep_link_round_trip_places_the_module_with_a_gradebook_column(tool, lti_platform, browser):
    module = module_with_quiz()
    other = module_with_quiz(title="Another module")
    picker = browser.launch(lti_platform, user="teacher-1", link="deep-link")
    assert picker.status_code == 200
    assert {int(form["attrs"]["data-module"]) for form in page_forms(picker)} == {module.pk, other.pk}
    assert "frame-ancestors " + lti_platform.url in picker.headers["Content-Security-Policy"]

    added = place(browser, lti_platform, module)
    assert added.status_code == 200, added.text  # the platform checked the JWT against the tool's JWKS
    (link,) = lti_platform.state()["links"].values()
    assert link["custom"] == {"module_id": str(module.pk)}
    assert link["url"].endswith("/lti/launch/")
    lineitem = lti_platform.state()["lineitems"][link["lineitem"]]
    assert lineitem["scoreMaximum"] == 100 and lineitem["label"] == module.title


def test_a_learner_launch_lands_on_the_module_as_a_learner_of_the_registering_organisation(
    tool, lti_platform, browser
):
    module = module_with_quiz()
    place(browser, lti_platform, module)
    learner = browser.another()  # the learner's own browser
    response = learner.launch(
        lti_platform, user="learner-7", link="link-1", name="Sam Reid", email="sam@lms.example"
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(module.url)
    page = learner.follow(response)
    assert page.status_code == 200 and escape(module.title) in page.text and "Sign out" in page.text
    lti_user = LtiUser.objects.select_related("auth_user").get(
        sub="learner-7", registration=tool.registration
    )
    assert lti_user.auth_user.email == "sam@lms.example"
    membership = Membership.objects.get(user=lti_user.auth_user)
    assert membership.organisation == tool.organisation and membership.is_learner and not membership.is_lead

    again = learner.launch(lti_platform, user="learner-7", link="link-1")  # linked by sub: the same account
    assert again.status_code == 302
    assert LtiUser.objects.get(sub="learner-7").auth_user == lti_user.auth_user
    assert Membership.objects.filter(organisation=tool.organisation).count() == 1


def test_a_learner_may_not_place_modules(tool, lti_platform, browser):
    module_with_quiz()
    response = browser.launch(lti_platform, user="learner-7", link="deep-link", role="learner")
    assert response.status_code == 403
    assert "Only an instructor" in response.text and "JWT" not in response.text
