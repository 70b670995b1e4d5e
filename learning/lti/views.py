"""A workforce lead's pages for the LMSs their organisation registers, with the tool's URLs to paste there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError
from learning.core.links import absolute_reverse
from learning.organisations.models import Organisation

from . import selectors, services
from .forms import LmsRegistrationForm


def _organisation_for(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not request.user.has_perm("lti.manage_lms", organisation):
        raise PermissionDenied
    return organisation


def tool_urls() -> dict:
    """What an LMS administrator pastes into the LMS (docs/standards.md, "LTI 1.3")."""
    launch = absolute_reverse("lti_launch")
    return {
        "launch": launch,
        "login": absolute_reverse("lti_login"),
        "jwks": absolute_reverse("lti_jwks"),
        "redirect": launch,
        "deep_linking": launch,
    }


@login_required
def lms_list(request, pk):
    organisation = _organisation_for(request, pk)
    return render(
        request,
        "lti/lms_list.html",
        {
            "organisation": organisation,
            "registrations": selectors.lms_registrations_for(organisation=organisation),
            "urls": tool_urls(),
        },
    )


@login_required
def lms_new(request, pk):
    organisation = _organisation_for(request, pk)
    form = LmsRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.lms_register(organisation=organisation, actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": form.cleaned_data["name"]})
            return redirect("lti_registrations", pk=organisation.pk)
    return render(
        request, "lti/lms_new.html", {"organisation": organisation, "form": form, "urls": tool_urls()}
    )
