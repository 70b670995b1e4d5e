"""Forms for recording supervision sessions and supervisees' notes. Who may take part, and what may be
linked, is checked again by services/supervision.py."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.models import SupervisionSession
from assessments.practice.forms.reflections import Form
from assessments.practice.services.supervision import ActionInput
from modules.models import Topic


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.organisation})"


class ReflectionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return gettext("%(title)s by %(author)s (%(status)s)") % {
            "title": obj,
            "author": obj.author,
            "status": obj.get_status_display().lower(),
        }


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.organisation})"


class SessionForm(Form):
    held_on = forms.DateField(label=_("Date of the session"), widget=DateInput())
    kind = forms.ChoiceField(
        choices=SupervisionSession.Kind.choices,
        widget=forms.RadioSelect,
        label=_("Type of supervision"),
        initial=SupervisionSession.Kind.INDIVIDUAL,
    )
    supervisees = PersonChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label=_("Who took part"),
        help_text=_("People you supervise, all in the same organisation."),
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes discussed"),
    )
    reflections = ReflectionChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Reflections discussed"),
        help_text=_("Reflections the people taking part have shared with you."),
    )
    summary = forms.CharField(
        label=_("Summary of the discussion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text=_(
            "The people taking part will read this. Describe the families you discussed by role, never by "
            "name."
        ),
    )
    next_session_on = forms.DateField(label=_("Next session"), required=False, widget=DateInput())

    def __init__(self, *args, supervisees, reflections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisees"].queryset = supervisees
        self.fields["reflections"].queryset = reflections


class ActionForm(Form):
    description = forms.CharField(label=_("Action"), max_length=300, required=False)
    owner = OwnerChoiceField(
        queryset=None, required=False, label=_("Who will do it"), empty_label=_("Everyone")
    )
    due_on = forms.DateField(label=_("By when"), required=False, widget=DateInput())

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners

    def clean(self):
        data = super().clean()
        if not data.get("description") and (data.get("owner") or data.get("due_on")):
            self.add_error("description", _("Describe the action, or clear its owner and date."))
        return data

    def to_input(self):
        return ActionInput(
            self.cleaned_data.get("description", ""),
            self.cleaned_data.get("owner"),
            self.cleaned_data.get("due_on"),
        )


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=20, validate_max=True)


def actions_initial(session) -> list[dict]:
    return [
        {"description": a.description, "owner": a.owner_id, "due_on": a.due_on} for a in session.actions.all()
    ]


class SessionNoteForm(Form):
    body = forms.CharField(
        label=_("Your note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("Your own record of the session, seen by you and the supervisor who recorded it."),
    )
