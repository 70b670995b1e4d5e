"""Quizzes in the Wagtail admin: quizzes and questions as snippets, and the quiz tools (import, export and
item analysis of a bank) as one viewset with its menu item and permission policy."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from assessments.models import Question, Quiz
from learning.core.snippets import ProjectSnippetViewSet

from . import views


class QuizViewSet(ProjectSnippetViewSet):
    model = Quiz
    # Shown when learners' attempts keep a quiz from being deleted (learning/core/kept_records.py).
    kept_records_advice = _("To take it out of use, remove it from its module instead.")
    icon = "tasks"
    list_display = ["title", "module", "pass_mark", "questions_per_attempt", "draw", "attempts_allowed"]
    # No search_fields: the listing searches what Quiz.search_fields indexes (see QuestionViewSet).


class QuestionViewSet(ProjectSnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["name", "quiz", "qtype"]
    list_filter = ["quiz", "qtype"]
    # No search_fields here: the listing then searches the fields the model indexes (Question.search_fields).
    # Naming fields here sends them to the search backend as columns, and SQLite's full-text table has none
    # called "name" or "text" (a 500 on SQLite, issue #15).


class QuizGroup(SnippetViewSetGroup):
    menu_label = "Quizzes"
    menu_icon = "tasks"
    menu_order = 150
    items = (QuizViewSet, QuestionViewSet)


class QuizToolsViewSet(ViewSet):
    """The tools write and read whole banks of questions, so they are for those who may change questions: the
    editors (and superusers). Every page, and the menu item, asks this one policy."""

    name = "assessments_quiz_tools"
    url_prefix = "quiz-tools"
    icon = "upload"
    add_to_admin_menu = True
    menu_label = _("Quiz import and analysis")
    menu_order = 151  # just after the Quizzes group
    permission_policy = ModelPermissionPolicy(Question)

    @cached_property  # as Wagtail's ModelViewSet: the item is shown to those the pages let in
    def menu_item_class(self):
        policy = self.permission_policy

        class EditorMenuItem(MenuItem):
            def is_shown(self, request):
                return policy.user_has_permission(request.user, views.EditorView.permission_required)

        return EditorMenuItem

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(permission_policy=self.permission_policy, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(views.QuizListView), name="index"),
            path("<int:quiz_id>/import/", self.construct_view(views.QuizImportView), name="import"),
            path("<int:quiz_id>/export/<str:fmt>/", self.construct_view(views.QuizExportView), name="export"),
            path("<int:quiz_id>/analysis/", self.construct_view(views.QuizAnalysisView), name="analysis"),
        ]
