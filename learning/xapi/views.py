"""An organisation's LRS settings (its workforce leads), and a module's cmi5 package (editors and leads)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from learning.organisations.models import Organisation
from modules.models import ModulePage

from . import selectors, services
from .cmi5.package import cmi5_package
from .forms import LrsConfigForm
from .models import LrsConfig


@login_required
def lrs_settings(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not request.user.has_perm("xapi.manage_lrs", organisation):
        raise PermissionDenied
    config = LrsConfig.objects.filter(organisation=organisation).first()
    config = config or LrsConfig(organisation=organisation)
    form = LrsConfigForm(request.POST or None, instance=config)
    if request.method == "POST" and form.is_valid():
        services.lrs_config_save(config=form.save(commit=False), secret=form.cleaned_data["new_secret"])
        messages.success(request, _("Learning record store settings saved."))
        return redirect("xapi_lrs", pk=organisation.pk)
    counts = selectors.statement_counts(organisation=organisation) if config.pk else None
    return render(
        request,
        "xapi/lrs_settings.html",
        {"organisation": organisation, "form": form, "config": config, "counts": counts},
    )


@login_required
def cmi5_export(request, module_id):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    if not request.user.has_perm("xapi.export_cmi5", module):
        raise PermissionDenied
    response = HttpResponse(cmi5_package(module=module), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{module.slug}-cmi5.zip"'
    return response
