from django import forms
from django.utils.translation import gettext_lazy as _


class LmsRegistrationForm(forms.Form):
    """What an LMS administrator reads off the LMS once they have added the tool there."""

    name = forms.CharField(label=_("Name"), max_length=255, help_text=_("e.g. NHS Forth Valley Moodle"))
    issuer = forms.URLField(label=_("Issuer (platform ID)"), max_length=255, assume_scheme="https")
    client_id = forms.CharField(label=_("Client ID"), max_length=255)
    deployment_id = forms.CharField(label=_("Deployment ID"), max_length=255)
    auth_url = forms.URLField(label=_("Authentication request URL"), max_length=200, assume_scheme="https")
    token_url = forms.URLField(label=_("Access token URL"), max_length=200, assume_scheme="https")
    keyset_url = forms.URLField(label=_("Public keyset URL"), max_length=200, assume_scheme="https")
