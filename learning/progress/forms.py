from itertools import groupby
from operator import attrgetter

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from modules.models import FrameworkLevel, Topic


class _LevelsByFramework(ModelChoiceIterator):
    """The empty choice, then one group (an <optgroup>) per framework; lazy, as Django's own iterator."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for framework, levels in groupby(self.queryset, key=attrgetter("framework")):
            yield (framework, [self.choice(level) for level in levels])


class FrameworkLevelChoiceField(forms.ModelChoiceField):
    """A framework level, listed under its framework's name: levels of different frameworks share names
    ("Introduction")."""

    iterator = _LevelsByFramework

    def label_from_instance(self, obj):
        return obj.name


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search modules"), required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics")
    )
    level = FrameworkLevelChoiceField(
        label=_("Framework level"),
        queryset=FrameworkLevel.objects.order_by("framework", "order"),
        required=False,
        empty_label=_("All levels"),
    )
