from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import LrsConfig

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


class LrsConfigForm(forms.ModelForm):
    """The LRS settings; the secret is write-only: never shown back, left blank to keep the one stored."""

    # An address typed without a scheme is taken as https (Django 6's default, asked for now).
    endpoint = LrsConfig._meta.get_field("endpoint").formfield(assume_scheme="https")
    new_secret = forms.CharField(
        label=_("Secret (password)"),
        required=False,
        strip=False,
        max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = LrsConfig
        fields = ["endpoint", "key", "enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_secret"].help_text = (
            _("Stored and never shown again. Leave blank to keep the secret you saved before.")
            if self.instance.secret
            else _("The password your LRS gave for this key.")
        )

    def clean_endpoint(self):
        endpoint = self.cleaned_data["endpoint"]
        parts = urlsplit(endpoint)
        # Learning records leave the platform only encrypted; plain http only to this machine (development).
        if parts.scheme != "https" and not (settings.DEBUG or parts.hostname in LOCAL_HOSTS):
            raise forms.ValidationError(_("Use an https:// address: learning records travel encrypted."))
        return endpoint

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("enabled") and not (cleaned.get("new_secret") or self.instance.secret):
            self.add_error("new_secret", _("Enter the secret before turning sending on."))
        return cleaned
