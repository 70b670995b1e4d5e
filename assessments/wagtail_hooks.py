"""Quizzes and question banks in the Wagtail admin (assessments/quizzes/admin/), and the audited actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from assessments.practice.services.sharing import SHARE_ACTION
from assessments.quizzes.admin.viewsets import QuizGroup, QuizToolsViewSet

register_snippet(QuizGroup)


@hooks.register("register_admin_viewset")
def quiz_tools_viewset():
    return QuizToolsViewSet()


@hooks.register("register_log_actions")
def reflection_log_actions(actions):
    """Sharing a reflection with a later supervisor is audited (assessments/services/sharing.py)."""
    actions.register_action(
        SHARE_ACTION,
        _("Share reflection"),
        _("Reflection shared by its author with their current supervisor"),
    )
