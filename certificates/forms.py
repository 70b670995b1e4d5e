from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason (kept in the audit trail)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), required=False, max_length=40,
                           help_text=_("As printed on the certificate, e.g. ABCD-EFGH-JKMN-PQRS"))
    badge = forms.CharField(label=_("Or paste an Open Badge (VC-JWT)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        data = super().clean()
        if not data.get("code") and not data.get("badge"):
            raise forms.ValidationError(_("Enter a verification code or paste a badge."))
        return data
