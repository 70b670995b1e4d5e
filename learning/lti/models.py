"""What the platform keeps about the learning management systems (LMSs) that launch its modules.

django-lti (`lti_tool`) keeps the LTI side: the registration (issuer, client id, the LMS's URLs), deployments,
the tool's keys and the people an LMS has launched (`LtiUser`, one per registration and LTI `sub`, linked to
an account). These models add what is ours: which organisation registered an LMS, and which line item of which
LMS gradebook a person's module reports to.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LmsRegistration(models.Model):
    """An LMS registered by an organisation: people it launches are that organisation's learners."""

    registration = models.OneToOneField(
        "lti_tool.LtiRegistration", on_delete=models.CASCADE, related_name="lms"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="lms_registrations"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "registration__name"]

    def __str__(self):
        return f"{self.registration.name} ({self.organisation})"


class GradeLink(models.Model):
    """A person launched a module from a gradebook column (an AGS line item) of an LMS: their completion of
    the module is owed to that line item until a `ScoreSent` says so (learning/lti/owed.py)."""

    lti_user = models.ForeignKey("lti_tool.LtiUser", on_delete=models.CASCADE, related_name="grade_links")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_grade_links"
    )
    module = models.ForeignKey("modules.ModulePage", on_delete=models.CASCADE, related_name="lti_grade_links")
    lineitem_url = models.URLField(_("line item URL"), max_length=500)
    launched_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["lti_user", "module", "lineitem_url"], name="lti_grade_link_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.module} → {self.lineitem_url}"


class ScoreSent(models.Model):
    """A completion's score, accepted by the LMS for one line item: its natural key makes sending once."""

    grade_link = models.ForeignKey(GradeLink, on_delete=models.CASCADE, related_name="scores_sent")
    completion = models.ForeignKey(
        "progress.ModuleCompletion", on_delete=models.CASCADE, related_name="lti_scores_sent"
    )
    score_given = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["grade_link", "completion"], name="lti_score_sent_once")
        ]

    def __str__(self):
        return f"{self.completion_id} → {self.grade_link_id}"
