"""Public JSON documents behind Open Badges: each answers at the exact id a badge names (no redirect)."""

from django.http import Http404, HttpResponse, JsonResponse

from . import badge_documents


def _public(response):
    # Wallets and verifiers running in a browser fetch these from other origins.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def did_document(request):
    return _public(JsonResponse(badge_documents.did_document()))


def issuer(request):
    return _public(JsonResponse(badge_documents.issuer_profile()))


def achievement(request, module_id):
    document = badge_documents.achievement_document(module_id)
    if document is None:
        raise Http404
    return _public(JsonResponse(document))


def status_list(request, page):
    # A secured credential (VC-JOSE-COSE §6.1 media type), signed with the badges' key.
    return _public(HttpResponse(badge_documents.status_list_jwt(page), content_type="application/vc+jwt"))
