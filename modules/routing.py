"""Routing a request to a page below the site's home page in one query.

Wagtail walks the tree one level at a time, two queries a level (the child by its slug, then its specific
page): eight for a lesson. None of this project's page types routes sub-paths itself (no RoutablePageMixin),
so the page whose URL path is the request's path is the answer; it is fetched directly, as its own type, once
this process knows the type. What the process remembers (URL path -> type and id) is checked on every use: a
page moved, deleted or replaced is simply looked up again.

Wagtail then checks the view restrictions of the page and its ancestors in two queries (the ancestors, to
resolve aliases, then their restrictions); OneQueryViewRestrictions asks the same in one."""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.url_routing import RouteResult

_KNOWN: dict[str, tuple[int, int]] = {}  # url_path -> (content type id, page id), in this process
_KNOWN_MAX = 20000


@cache
def _every_page_type_routes_plainly() -> bool:
    return all(
        model.route is Page.route or issubclass(model, DirectRouteMixin) for model in get_page_models()
    )


def _known_page(url_path):
    content_type_id, pk = _KNOWN.get(url_path, (None, None))
    model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
    return model.objects.filter(pk=pk, url_path=url_path).first() if model else None


def page_at(url_path, *, below):
    """The page (as its own type) at this URL path under `below`, or None."""
    page = _known_page(url_path)
    if page is None:
        page = Page.objects.descendant_of(below).filter(url_path=url_path).specific().first()
        if page is not None:
            if len(_KNOWN) >= _KNOWN_MAX:
                _KNOWN.clear()
            _KNOWN[url_path] = (page.content_type_id, page.pk)
    return page


class DirectRouteMixin:
    """For the site's root page: serve any page below it in one query instead of two per level."""

    def route(self, request, path_components):
        if not path_components or not _every_page_type_routes_plainly():
            return super().route(request, path_components)
        page = page_at(self.url_path + "/".join(path_components) + "/", below=self)
        if page is None or not page.live:  # as Wagtail: only the page served must be live
            raise Http404
        return RouteResult(page)


class OneQueryViewRestrictions:
    """The view restrictions of a page and its ancestors (an alias's being its source page's, as in Wagtail)
    in one query: the ancestors' paths follow from the page's own, and Wagtail's aliases point straight at
    their source (never at another alias), so one level of COALESCE resolves them."""

    def get_view_restrictions(self):
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=Subquery(sources))
