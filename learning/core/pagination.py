"""One page of a long list, the same way on every page that has one."""

from django.core.paginator import Paginator

PAGE_SIZE = 25


def page_of(request, items, *, per_page=PAGE_SIZE, param="page"):
    """The page of `items` that ?page= (or ?`param`=, for a second list on the page) asks for; a missing or
    out-of-range number gives a real page (Paginator.get_page), so a stale link never errors."""
    return Paginator(items, per_page).get_page(request.GET.get(param))
