"""Supervision pages."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from learning.organisations.models import Membership


@login_required
def supervision_home(request):
    supervising = Membership.objects.filter(user=request.user, is_supervisor=True, is_active=True)
    if not supervising.exists():
        raise PermissionDenied
    supervisees = (
        Membership.objects.filter(supervisor__in=supervising, is_active=True)
        .select_related("user", "organisation", "team")
        .order_by("organisation__name", "user__last_name")
    )
    return render(request, "assessments/supervision_home.html", {"supervisees": supervisees})
