"""What the tool says to an LMS outside the launch checks (which django-lti's views do), behind small
functions, so services and views hand these rows and URLs and never build PyLTI1p3 objects themselves.

- `score_publish`: Assignment and Grade Services, a score to a line item (its access token fetched with a
  JWT signed by the tool's key);
- `deep_link_jwt`: a signed Deep Linking response naming one module as an LtiResourceLink;
- `launch_url`: where an LMS sends every launch.
"""

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.grade import Grade
from pylti1p3.lineitem import LineItem
from pylti1p3.service_connector import ServiceConnector

from learning.core.links import absolute_reverse

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
SCORE_MAXIMUM = 100  # a quiz score is a percentage
TIMEOUT_SECONDS = 10  # an LMS that does not answer fails the attempt (retried), instead of holding a worker


class _Session(requests.Session):
    """PyLTI1p3 sends its requests without a timeout: this session adds one."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT_SECONDS)
        return super().request(*args, **kwargs)


def launch_url() -> str:
    return absolute_reverse("lti_launch")


def score_publish(*, registration, lineitem_url, sub, score_given, timestamp) -> None:
    """Send a completed module's score to `lineitem_url` for the LMS person `sub`: activity Completed, grading
    FullyGraded, scoreGiven the quiz score out of 100 (left out when the module has no quiz). Raises
    pylti1p3's LtiException when the LMS refuses, requests' errors (OSError) when it cannot be reached."""
    connector = ServiceConnector(registration.to_registration(), requests_session=_Session())
    service = AssignmentsGradesService(connector, {"lineitem": lineitem_url, "scope": [SCORE_SCOPE]})
    grade = (
        Grade()
        .set_user_id(sub)
        .set_timestamp(timestamp.isoformat())
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
    )
    if score_given is not None:
        grade.set_score_given(float(score_given)).set_score_maximum(SCORE_MAXIMUM)
    service.put_grade(grade)


def deep_link_jwt(*, message_launch, module) -> str:
    """The signed Deep Linking response that places `module` in the LMS: a resource link to the launch URL
    naming the module in a custom parameter, with a gradebook column out of 100."""
    lineitem = (
        LineItem()
        .set_label(module.title)
        .set_score_maximum(SCORE_MAXIMUM)
        .set_resource_id(f"module-{module.pk}")
    )
    resource = (
        DeepLinkResource()
        .set_url(launch_url())
        .set_title(module.title)
        .set_custom_params({"module_id": str(module.pk)})
        .set_lineitem(lineitem)
    )
    return message_launch.get_deep_link().get_response_jwt([resource])
