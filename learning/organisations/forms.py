from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Invitation, Membership, Team


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), required=False)
    supervisor = forms.ModelChoiceField(
        label=_("Supervisor"), queryset=Membership.objects.none(), required=False
    )
    is_supervisor = forms.BooleanField(label=_("Supervisor role"), required=False)
    is_lead = forms.BooleanField(label=_("Workforce lead role"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = organisation.teams.all()
        self.fields["supervisor"].queryset = (
            organisation.memberships.active().supervisors().select_related("user")
        )


class StaffSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or email"), required=False)
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.none(), required=False, empty_label=_("All teams")
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = organisation.teams.all()


class InvitationAdminForm(WagtailAdminModelForm):
    """The Wagtail admin's invitation form: an address already invited to the organisation is a clear error
    on the email field (Django would otherwise report the invitation_one_open_per_email_org constraint by
    name)."""

    def clean(self):
        cleaned = super().clean()
        organisation, email = cleaned.get("organisation"), cleaned.get("email")
        waiting = Invitation.objects.unclosed().filter(organisation=organisation, email__iexact=email)
        if organisation and email and waiting.exclude(pk=self.instance.pk).exists():
            self.add_error(
                "email",
                _(
                    "%(email)s already has an invitation to %(org)s waiting for an answer: resend or "
                    "cancel it from the organisation's staff page."
                )
                % {"email": email, "org": organisation},
            )
        return cleaned
