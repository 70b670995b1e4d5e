"""Certificates across an organisation, for its workforce leads: list, and ZIP download built by Celery."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from learning.core import audit
from learning.core.audit import audit_log
from learning.core.pagination import page_of
from learning.organisations.access import organisation_for

from .bundles import bundle_request, bundle_retry
from .forms import TeamForm
from .models import CertificateBundle
from .selectors import certificates_in_organisation


@login_required
def organisation_certificates(request, org_id):
    organisation = organisation_for(request, org_id, "organisations.manage_organisation")
    form = TeamForm(request.GET or None, organisation=organisation)
    team = form.chosen_team()
    certificates = certificates_in_organisation(organisation=organisation, team=team)
    page = page_of(request, certificates)
    return render(
        request,
        "certificates/organisation.html",
        {
            "organisation": organisation,
            "team": team,
            "form": form,
            "page_obj": page,
            "query_string": f"team={team.pk}" if team else "",
        },
    )


@login_required
@require_POST
def bundle_create(request, org_id):
    organisation = organisation_for(request, org_id, "organisations.manage_organisation")
    form = TeamForm(request.POST, organisation=organisation)
    if not form.is_valid():
        messages.error(request, form.errors["team"][0])
        return redirect("organisation_certificates", org_id=organisation.pk)
    bundle = bundle_request(
        organisation=organisation, team=form.cleaned_data["team"], requested_by=request.user
    )
    return redirect("bundle_detail", bundle_id=bundle.pk)


def _own_bundle(request, bundle_id):
    bundle = get_object_or_404(CertificateBundle.objects.select_related("organisation", "team"), pk=bundle_id)
    if bundle.requested_by_id != request.user.pk or not request.user.has_perm(
        "organisations.manage_organisation", bundle.organisation
    ):
        raise PermissionDenied
    return bundle


@login_required
def bundle_detail(request, bundle_id):
    return render(
        request,
        "certificates/bundle.html",
        {"bundle": _own_bundle(request, bundle_id), "kept_days": settings.CERTIFICATE_BUNDLE_RETENTION_DAYS},
    )


@login_required
@require_POST
def bundle_try_again(request, bundle_id):
    bundle_retry(bundle=_own_bundle(request, bundle_id))
    return redirect("bundle_detail", bundle_id=bundle_id)


@login_required
def bundle_status(request, bundle_id):
    bundle = _own_bundle(request, bundle_id)
    return JsonResponse(
        {"status": bundle.status, "percent": bundle.percent, "done": bundle.done, "total": bundle.total}
    )


@login_required
def bundle_download(request, bundle_id):
    bundle = _own_bundle(request, bundle_id)
    if bundle.status != CertificateBundle.Status.READY:
        return redirect("bundle_detail", bundle_id=bundle.pk)
    audit_log(bundle, audit.CERTIFICATES_DOWNLOADED, organisation_id=bundle.organisation_id)
    return FileResponse(
        bundle.file.open("rb"), as_attachment=True, filename=bundle.file.name.rsplit("/", 1)[-1]
    )
