from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.organisations.models import Membership
from modules.models import ModulePage

from .models import Event, EventSession


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "delivery",
            "module",
            "framework_levels",
            "cpd_minutes",
            "needs_supervisor_approval",
        ]
        widgets = {
            "delivery": forms.RadioSelect,
            "framework_levels": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "module": _(
                "Attending completes this module: it counts toward required training and earns its "
                "certificate. Leave empty for an event that stands alone (it shows in people's records only)."
            ),
            "cpd_minutes": _("The CPD time each person who attends may claim."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = ModulePage.objects.live().order_by("title")
        self.fields["module"].empty_label = _("None: a standalone event")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


def _https_links(field, **kwargs):
    """A meeting link typed without a scheme is taken as https (Django 6's default, asked for now)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class SessionForm(forms.ModelForm):
    class Meta:
        model = EventSession
        fields = ["starts_at", "ends_at", "place", "online_url", "capacity", "facilitator"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        formfield_callback = staticmethod(_https_links)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        people = Membership.objects.active().in_organisation(organisation).values("user_id")
        facilitator = self.fields["facilitator"]
        facilitator.queryset = facilitator.queryset.filter(pk__in=people).order_by("last_name", "first_name")
        facilitator.label_from_instance = lambda user: user.get_full_name() or user.email

    def session_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
