from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from modules.models import ModulePage

from .models import Assignment, EmailPreference
from .selectors.scope import workforce

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_DAYS = 3650


class DashboardFilterForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, required=False, empty_label=_("All teams"))
    job_title = forms.ChoiceField(label=_("Job title"), required=False)
    module = forms.ModelChoiceField(
        label=_("Module"), queryset=None, required=False, empty_label=_("All modules")
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = organisation.teams.order_by("name")
        self.fields["team"].label_from_instance = lambda team: team.name
        titles = (
            workforce(organisation_id=organisation.pk)
            .exclude(job_title="")
            .order_by("job_title")
            .values_list("job_title", flat=True)
            .distinct()
        )
        self.fields["job_title"].choices = [("", _("All job titles")), *((t, t) for t in titles)]
        self.fields["module"].queryset = (
            ModulePage.objects.filter(assignments__organisation=organisation).distinct().order_by("title")
        )

    def filters(self) -> dict:
        """The chosen filters as Scope arguments. A choice that is not on offer (another organisation's team,
        a stale link) is left out rather than refused; the others still apply."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class AssignmentForm(forms.ModelForm):
    due_rule = forms.ChoiceField(
        label=_("When is it due?"),
        widget=forms.RadioSelect,
        choices=[("date", _("By a date")), ("days", _("Within a number of days of joining"))],
    )

    class Meta:
        model = Assignment
        fields = ["module", "scope", "team", "job_title", "due_on", "due_within_days"]
        labels = {
            "scope": _("Who must complete it?"),
            "due_on": _("Due date"),
            "due_within_days": _("Days after joining (or after today, for people already here)"),
        }
        widgets = {
            "scope": forms.RadioSelect,
            "due_on": forms.DateInput(attrs={"type": "date"}),
            "job_title": forms.TextInput(attrs={"list": "job-titles", "autocomplete": "off"}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = ModulePage.objects.live().order_by("title")
        self.fields["team"].queryset = organisation.teams.order_by("name")
        self.fields["team"].label_from_instance = lambda team: team.name
        self.fields["team"].required = False
        self.fields["due_within_days"].validators += [MinValueValidator(1), MaxValueValidator(MAX_DAYS)]
        self.fields["due_within_days"].widget.attrs.update(min=1, max=MAX_DAYS)
        self.fields["due_rule"].initial = "days" if self.instance.due_within_days else "date"

    def clean(self):
        data = super().clean()
        if data.get("due_rule") == "date":
            data["due_within_days"] = None
            if not data.get("due_on"):
                self.add_error("due_on", _("Enter the due date."))
        else:
            data["due_on"] = None
            if not data.get("due_within_days"):
                self.add_error("due_within_days", _("Enter the number of days."))
        if data.get("scope") == Assignment.Scope.TEAM and not data.get("team"):
            self.add_error("team", _("Choose the team."))
        if data.get("scope") == Assignment.Scope.JOB_TITLE and not data.get("job_title", "").strip():
            self.add_error("job_title", _("Give the job title."))
        return data

    def _post_clean(self):
        """Validation of the model (and its constraints) happens in the service, which the view calls."""

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class StaffUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Staff CSV file"), help_text=_("A .csv file of up to 2 MB and 2,000 people.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Upload a .csv file (in Excel: File, Save as, CSV UTF-8)."))
        return upload


class EmailPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Reminder emails"), choices=EmailPreference.Frequency.choices, widget=forms.RadioSelect
    )


class SharingForm(forms.Form):
    shares = forms.BooleanField(
        label=_("Share this organisation's combined figures with the partnership"), required=False
    )
