"""Erasure pages: a person asks from their account; a superuser confirms in the admin
(services do the work)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from learning.core.errors import ServiceError

from . import erasure
from .models import ErasureRecord, ErasureRequest


@login_required
@require_http_methods(["GET", "POST"])
def erasure_request(request):
    if request.method == "POST":
        erasure.erasure_request_create(user=request.user)
        messages.success(
            request,
            _(
                "Your request has been sent to the administrators. They will contact you "
                "before anything is erased."
            ),
        )
        return redirect("privacy_erasure_request")
    open_request = ErasureRequest.objects.filter(user=request.user, closed_at__isnull=True).first()
    return render(request, "privacy/erasure_request.html", {"open_request": open_request})


@require_http_methods(["GET", "POST"])
def person_erase(request, user_id):
    """Admin: the confirmation page says exactly what will happen; POST does it. Superusers only."""
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    record = ErasureRecord.objects.filter(user=person).first()
    if request.method == "POST" and record is None:
        try:
            erasure.person_erase(user=person, actor=request.user)
        except ServiceError as exc:
            messages.error(request, exc.message)
            return redirect("privacy_person_erase", user_id=person.pk)
        messages.success(request, _("The person's data has been erased."))
        return redirect("wagtailusers_users:index")
    context = {
        "person": person,
        "record": record,
        "preview": None if record else erasure.erasure_preview(user=person),
        "requested": ErasureRequest.objects.filter(user=person, closed_at__isnull=True).first(),
    }
    return render(request, "privacy/admin/person_erase.html", context)
