"""The account hub: one page that leads to every part of a person's account, and the name they go by.

The hub links to other apps' pages (email preferences, download my data, erasure) by URL name in its
template only, so this app imports none of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

from .forms import ProfileForm
from .selectors import account_overview
from .services import user_name_change


@login_required
def account_hub(request):
    return render(request, "accounts/hub.html", {"overview": account_overview(user=request.user)})


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"first_name": user.first_name, "last_name": user.last_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user_name_change(user=user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your name is saved."))
            return redirect("account_hub")
    return render(request, "accounts/profile.html", {"form": form})
