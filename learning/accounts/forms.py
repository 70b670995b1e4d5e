"""The sign-up form (with an invitation, the email field holds the invited address and cannot be edited) and
the profile form of the account hub."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context
from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation = get_adapter().signup_invitation(context.request)
        if invitation is not None:  # the adapter refuses any other address, whatever is posted
            field = self.fields["email"]
            field.initial = invitation.email
            field.widget.attrs["readonly"] = True
            field.help_text = _("Your invitation was sent to this address; you will sign in with it.")


class ProfileForm(forms.Form):
    """A person's name; a plain form, so an invalid post never touches the signed-in user object."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
