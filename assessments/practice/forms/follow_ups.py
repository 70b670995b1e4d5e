"""Forms for follow-ups on practice. They check input shape only; who may, and when, is decided in the
services and assessments/rules.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import FollowUp
from assessments.practice.forms.reflections import Form
from assessments.practice.services.follow_ups import OBSERVATION_MAX_CHARS, TEXT_MAX_CHARS
from learning.organisations.models import Membership


class SupervisorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s, your supervisor at %(org)s") % {"name": obj.user, "org": obj.organisation}


class FollowUpForm(Form):
    """The learner's answer, who it goes to (asked only when they have more than one supervisor), and, once
    the text looked as if it could identify someone, their confirmation that they checked it."""

    text = forms.CharField(
        label=FollowUp.PROMPT,
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("A few concrete examples are worth more than a long account."),
    )
    supervisor = SupervisorChoiceField(
        queryset=Membership.objects.none(),
        label=_("Send it to"),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of your supervisors.")},
    )
    confirm = forms.BooleanField(
        required=False,
        label=_("I have checked my follow-up: nobody I write about can be identified from it."),
    )

    def __init__(self, *args, memberships, **kwargs):
        """`memberships`: the learner's memberships with a supervisor (selectors.follow_up_supervisors)."""
        super().__init__(*args, **kwargs)
        field = self.fields["supervisor"]
        field.queryset = Membership.objects.filter(
            pk__in=[m.supervisor_id for m in memberships]
        ).select_related("user", "organisation")
        if len(memberships) == 1:
            field.initial, field.widget = memberships[0].supervisor_id, forms.HiddenInput()


class ObservationForm(Form):
    ACTIONS = [("save", _("Save my observation")), ("sign_off", _("Sign off"))]

    observation = forms.CharField(
        label=_("Your observation"),
        max_length=OBSERVATION_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What you have seen change in their practice, and the difference it has made. Signing off stamps "
            "your name, role and today's date, and locks the follow-up for good."
        ),
    )
    action = forms.ChoiceField(choices=ACTIONS, initial="save", widget=forms.HiddenInput)
