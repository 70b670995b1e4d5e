"""Quizzes and question banks in the Wagtail admin, with import, export and item analysis pages."""
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from learning.core.snippets import ProjectSnippetViewSet

from assessments.quizzes import admin_views
from assessments.models import Question, Quiz
from assessments.practice.services.sharing import SHARE_ACTION


class QuizViewSet(ProjectSnippetViewSet):
    model = Quiz
    # Shown when learners' attempts keep a quiz from being deleted (learning/core/kept_records.py).
    kept_records_advice = _("To take it out of use, remove it from its module instead.")
    icon = "tasks"
    list_display = ["title", "module", "pass_mark", "questions_per_attempt", "attempts_allowed"]
    search_fields = ["title"]


class QuestionViewSet(ProjectSnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["name", "quiz", "qtype"]
    list_filter = ["quiz", "qtype"]
    search_fields = ["name", "text"]


class QuizGroup(SnippetViewSetGroup):
    menu_label = "Quizzes"
    menu_icon = "tasks"
    menu_order = 150
    items = (QuizViewSet, QuestionViewSet)


register_snippet(QuizGroup)


@hooks.register("register_admin_urls")
def quiz_tool_urls():
    return [
        path("quiz-tools/", admin_views.quiz_tools, name="assessments_quiz_tools"),
        path("quiz-tools/<int:quiz_id>/import/", admin_views.quiz_import, name="assessments_quiz_import"),
        path("quiz-tools/<int:quiz_id>/export/<str:fmt>/", admin_views.quiz_export, name="assessments_quiz_export"),
        path("quiz-tools/<int:quiz_id>/analysis/", admin_views.quiz_analysis, name="assessments_quiz_analysis"),
    ]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.change_question")


@hooks.register("register_admin_menu_item")
def quiz_tools_menu_item():
    return EditorMenuItem("Quiz import and analysis", reverse("assessments_quiz_tools"), icon_name="upload", order=151)


@hooks.register("register_log_actions")
def reflection_log_actions(actions):
    """Sharing a reflection with a later supervisor is audited (assessments/services/sharing.py)."""
    actions.register_action(SHARE_ACTION, _("Share reflection"),
                            _("Reflection shared by its author with their current supervisor"))
