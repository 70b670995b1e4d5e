"""What every organisation-level page starts with: the organisation, if the person may do `perm` there."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Organisation


def organisation_for(request, org_id, perm):
    """The organisation: 404 when there is none with `org_id`, 403 when the user lacks `perm` on it."""
    organisation = get_object_or_404(Organisation, pk=org_id)
    if not request.user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation
