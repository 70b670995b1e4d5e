"""Who is calling a SCIM endpoint: an organisation's identity provider, known by its bearer token and by
nothing else (a signed-in session is no SCIM client). django-scim2 wraps every SCIM view in this check
(SCIM_SERVICE_PROVIDER["AUTH_CHECK_MIDDLEWARE"])."""

import json

from django.http import HttpResponse
from django_scim import constants
from django_scim.exceptions import AuthorizationError
from django_scim.middleware import SCIMAuthCheckMiddleware

from ..services.tokens import scim_token_authenticate


def _bearer(request) -> str:
    scheme, _space, raw = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return raw.strip() if scheme.lower() == "bearer" else ""


class ScimTokenAuth(SCIMAuthCheckMiddleware):
    def process_request(self, request):
        raw = _bearer(request)
        token = scim_token_authenticate(raw) if raw else None
        if token is None:
            error = AuthorizationError("A valid SCIM bearer token is required.")
            response = HttpResponse(
                json.dumps(error.to_dict()), content_type=constants.SCIM_CONTENT_TYPE, status=401
            )
            response["WWW-Authenticate"] = 'Bearer realm="SCIM"'
            return response
        request.scim_token = token
        return None

    def process_response(self, request, response):
        return response  # django-scim2 would log bodies, personal data included: not here
