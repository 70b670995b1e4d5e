"""Forms for learning done elsewhere; the rules themselves are in services.py."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modules.models import ModulePage

from .models import Equivalence, ExternalRecord
from .services import FIELDS as RECORD_FIELDS

DATE = forms.DateInput(attrs={"type": "date"})


class RecordForm(forms.ModelForm):
    membership = forms.ModelChoiceField(
        queryset=None, label=_("Organisation that verifies it"), empty_label=None
    )
    evidence = forms.FileField(
        label=_("Evidence (optional)"),
        required=False,
        help_text=_("A certificate or attendance record: a PDF, PNG or JPEG file."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    class Meta:
        model = ExternalRecord
        fields = list(RECORD_FIELDS)
        widgets = {"completed_on": DATE}
        help_texts = {
            "equivalence": _("If your organisation counts this course for one of its modules, choose it."),
            "module": _("A module on this site the learning relates to, if any."),
        }

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
        self.fields["module"].queryset = ModulePage.objects.live().order_by("title")
        self.fields["equivalence"].queryset = Equivalence.objects.filter(
            organisation__in=memberships.values("organisation")
        ).select_related("module")
        if self.instance.pk:
            del self.fields["membership"]  # the organisation that verifies it stays the same
        self.fields["completed_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def service_data(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("verify", _("Verify")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (needed when declining)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EquivalenceForm(forms.Form):
    title = forms.CharField(label=_("Course title"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200)
    module = forms.ModelChoiceField(
        queryset=ModulePage.objects.live().order_by("title"), label=_("Counts for")
    )


class CompletionRecordForm(forms.Form):
    module = forms.ModelChoiceField(queryset=ModulePage.objects.live().order_by("title"), label=_("Module"))
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE)
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("For example: completed the same course with a previous employer (certificate seen)."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["completed_on"].widget.attrs["max"] = timezone.localdate().isoformat()
