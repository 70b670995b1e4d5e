"""Each person chooses how often coverage emails reach them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import EmailPreferenceForm
from ..services import email_preference_set
from ..services.mail import frequency_of


@login_required
def preferences(request):
    form = EmailPreferenceForm(request.POST or None, initial={"frequency": frequency_of(request.user)})
    if request.method == "POST" and form.is_valid():
        email_preference_set(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Your email preference is saved."))
        return redirect("coverage_preferences")
    return render(request, "coverage/preferences.html", {"form": form})
