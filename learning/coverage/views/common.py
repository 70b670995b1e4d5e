"""What every coverage view starts with: the organisation, if the person may do `perm` there."""
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from learning.organisations.models import Organisation


def organisation_for(request, org_id, perm):
    organisation = get_object_or_404(Organisation, pk=org_id)
    if not request.user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation


def download(content, *, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
