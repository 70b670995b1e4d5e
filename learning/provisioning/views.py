"""The workforce lead's page for their organisation's SCIM token: whether there is one; make or replace it.
The token is shown once, in the answer to the POST that made it, and never again."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from learning.core.links import absolute_url
from learning.organisations.access import organisation_for

from .models import ScimToken
from .services.tokens import scim_token_rotate


@never_cache
@login_required
def scim_token(request, pk):
    organisation = organisation_for(request, pk, "organisations.manage_organisation")
    raw = (
        scim_token_rotate(organisation=organisation, actor=request.user) if request.method == "POST" else None
    )
    return render(
        request,
        "provisioning/scim_token.html",
        {
            "organisation": organisation,
            "token": ScimToken.objects.filter(organisation=organisation).first(),
            "raw": raw,
            "tenant_url": absolute_url(reverse("scim:users")).removesuffix("Users"),
        },
    )
