"""Guards around allauth's identity-provider pages (/accounts/oidc/, /accounts/saml/), so that they answer
with a clear page, never a server error; and the sign-in page's form-action, which must let its buttons reach
the organisations' providers (templatetags/sso.py says which).

- A request without a Host header (HTTP/1.0, some probes) gets the host Django would use: python3-saml, via
  allauth, reads the header itself and fails without it.
- An identity provider that cannot be reached (its discovery document, its metadata) or answers what cannot
  be used: the person is told that their organisation's sign-in is not available and to try again or use
  another way; the details go to the log for the platform's administrators."""

import logging

import requests
from django.shortcuts import render
from onelogin.saml2.errors import OneLogin_Saml2_Error

PROVIDER_PATHS = ("/accounts/oidc/", "/accounts/saml/")
logger = logging.getLogger(__name__)


class SignOnGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PROVIDER_PATHS) and "HTTP_HOST" not in request.META:
            request.META["HTTP_HOST"] = request.get_host()
        response = self.get_response(request)
        if origins := getattr(request, "sso_form_action", None):
            # django-csp adds these to the policy's form-action: the sign-in page's buttons post to our own
            # provider pages, which answer with a redirect to the provider.
            update = getattr(response, "_csp_update", None) or {}
            allowed = [*update.get("form-action", []), *sorted(origins)]
            response._csp_update = {**update, "form-action": allowed}
        return response

    def process_exception(self, request, exception):
        if not request.path.startswith(PROVIDER_PATHS):
            return None
        if not isinstance(exception, requests.RequestException | OneLogin_Saml2_Error | ValueError):
            return None
        logger.warning("Single sign-on failed at %s: %r", request.path, exception)
        return render(request, "sso/unavailable.html", status=502)
