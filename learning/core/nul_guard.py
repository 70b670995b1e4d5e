"""Refuse requests whose address or cookies hold a NUL character, before any view, form or query sees them.

No real link contains one, and PostgreSQL refuses NUL in text, so a %00 in a path segment or query value
would otherwise end in a server error wherever it reaches a query. One check here covers every URL, ours and
those of Wagtail and allauth, instead of a converter or a guard per view. Cookies are checked too: a quoted
cookie can carry an escaped NUL into the session lookup. It sits before the session middleware, so nothing
is loaded first.
"""

from django.shortcuts import render

NUL = "\x00"


def _has_nul(request):
    if NUL in request.path:
        return True
    if any(NUL in key or NUL in value for key, values in request.GET.lists() for value in values):
        return True
    return any(NUL in value for value in request.COOKIES.values())


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return render(request, "core/bad_address.html", status=400)
        return self.get_response(request)
