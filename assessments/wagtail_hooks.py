"""Quizzes and question banks in the Wagtail admin (assessments/quizzes/admin/), and the audited actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from assessments.practice.services.follow_ups import SIGN_OFF_ACTION as FOLLOW_UP_SIGN_OFF
from assessments.practice.services.sharing import SHARE_ACTION
from assessments.quizzes.admin.viewsets import QuizGroup, QuizToolsViewSet

register_snippet(QuizGroup)


@hooks.register("register_admin_viewset")
def quiz_tools_viewset():
    return QuizToolsViewSet()


@hooks.register("register_log_actions")
def reflection_log_actions(actions):
    """Sharing a reflection with a later supervisor (assessments/practice/services/sharing.py) and signing off
    a follow-up on practice (services/follow_ups.py) are audited."""
    actions.register_action(
        SHARE_ACTION,
        _("Share reflection"),
        _("Reflection shared by its author with their current supervisor"),
    )
    actions.register_action(
        FOLLOW_UP_SIGN_OFF,
        _("Sign off follow-up"),
        _("Follow-up on practice signed off by the supervisor it was submitted to"),
    )
