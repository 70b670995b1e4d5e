"""Topics and framework levels are snippets editors manage alongside the module pages."""
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FrameworkLevel, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    menu_order = 210


class FrameworkLevelViewSet(SnippetViewSet):
    model = FrameworkLevel
    icon = "list-ol"
    list_display = ["name", "framework", "order"]
    menu_order = 211


register_snippet(TopicViewSet)
register_snippet(FrameworkLevelViewSet)
