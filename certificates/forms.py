from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in the audit trail)"),
        help_text=_("The person sees the reason on their certificate, so write it for them."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class TeamForm(forms.Form):
    """Which of the organisation's teams; a value that is not one of them (a typo, a stale link, another
    organisation's team) is a clear form error rather than a server error or a hint that the team exists."""

    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("All teams"),
        error_messages={"invalid_choice": _("Choose one of the teams listed.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = organisation.teams.order_by("name")
        self.fields["team"].label_from_instance = lambda team: team.name

    def chosen_team(self):
        """The chosen team, or None for all teams or a value that is not valid."""
        return self.cleaned_data.get("team") if self.is_valid() else None


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=40,
        help_text=_("As printed on the certificate, e.g. ABCD-EFGH-JKMN-PQRS"),
    )
    # Our badges are about 2,000 characters; the bound keeps a pasted file from being parsed at any size.
    badge = forms.CharField(
        label=_("Or paste an Open Badge (VC-JWT)"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("code") and not data.get("badge"):
            raise forms.ValidationError(_("Enter a verification code or paste a badge."))
        return data
