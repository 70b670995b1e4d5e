"""Response headers that every view gets without having to remember them."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.cache import patch_cache_control


class PrivateResponseCacheMiddleware:
    """Everything sent to a signed-in person (pages, certificate PDFs, badges, learning records, exports,
    ZIPs) holds personal data: mark it `private, no-store` so no shared cache keeps it and no browser keeps a
    copy on a shared computer. A view that set its own Cache-Control keeps it; anonymous responses (the public
    verify page; static files never reach this middleware) are left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control") and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one exception: Wagtail's admin is not yet compatible with a strict policy,
    so on its pages only (under /admin/) the directives in `CONTENT_SECURITY_POLICY_ADMIN_REPLACE` replace the
    strict ones; every other page, the learner's and the public ones, gets the strict policy."""

    def process_response(self, request, response):
        if _in_admin(request) and response.has_header(HEADER):
            # Wagtail renders a preview by sending a copy of the request, at the page's own address, through
            # the whole middleware stack: it comes back with the site's policy (frame-ancestors 'none'), which
            # would stop the admin framing it. Under /admin/ the admin policy decides.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.replace is None and _in_admin(request):
            parts.replace = settings.CONTENT_SECURITY_POLICY_ADMIN_REPLACE
        return parts


def _in_admin(request):
    return request.path_info.startswith("/admin/")
