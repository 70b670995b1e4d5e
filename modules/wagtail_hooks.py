"""Topics and framework levels are snippets editors manage alongside the module pages. A module meets a
framework level through the framework mappings edited on its own page (the "Framework mappings" panel)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from learning.core.snippets import ProjectSnippetViewSet

from .models import FrameworkLevel, Topic


class TopicViewSet(ProjectSnippetViewSet):
    model = Topic
    # Shown when module pages keep a topic from being deleted (learning/core/kept_records.py).
    kept_records_advice = _("Move those modules to another topic first.")
    icon = "tag"
    list_display = ["name", "slug"]
    # No search_fields: the listing searches what Topic.search_fields indexes. Fields named here go to the
    # search backend as columns, and SQLite's full-text table has no "name" (a 500 on SQLite, issue #15).
    menu_order = 210


class FrameworkLevelViewSet(ProjectSnippetViewSet):
    model = FrameworkLevel
    # Module pages meet a level through framework mappings, which keep it from being deleted.
    kept_records_advice = _("Remove the level from those modules' framework mappings first.")
    icon = "list-ol"
    list_display = ["framework", "name", "order"]
    menu_order = 211


register_snippet(TopicViewSet)
register_snippet(FrameworkLevelViewSet)
