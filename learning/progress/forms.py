from django import forms
from django.utils.translation import gettext_lazy as _

from modules.models import FrameworkLevel, Topic


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search modules"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics")
    )
    level = forms.ModelChoiceField(
        label=_("Framework level"),
        queryset=FrameworkLevel.objects.all(),
        required=False,
        empty_label=_("All levels"),
    )
