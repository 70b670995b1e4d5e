"""Forms for writing, submitting, reviewing and exporting reflections. They check input shape only; the rules
(who may, when, what a complete entry is) are in the services and assessments/rules.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import ReflectionExport, ReflectiveEntry
from assessments.practice.reflection_templates import CODE_RELEVANCE, NMC_CODE_THEMES, stages_of
from assessments.practice.services.reflections import STAGE_MAX_CHARS
from modules.models import ModulePage


class Form(forms.Form):
    """Labels read as written, without Django's trailing colon."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ModuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class MembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.organisation)


class ReflectionStartForm(Form):
    membership = MembershipChoiceField(
        queryset=None,
        label=_("Organisation"),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("Your reflection goes to your supervisor in this organisation when you submit it."),
    )
    module = ModuleChoiceField(
        queryset=ModulePage.objects.live().order_by("title"),
        required=False,
        label=_("Module"),
        empty_label=_("None: a reflection from my practice"),
        help_text=_("Choose a module to answer its reflective prompt, or write about your practice."),
    )
    template = forms.ChoiceField(
        choices=ReflectiveEntry.Template.choices,
        initial=ReflectiveEntry.Template.GIBBS,
        widget=forms.RadioSelect,
        label=_("How would you like to structure it?"),
    )
    title = forms.CharField(
        max_length=200,
        label=_("Title"),
        help_text=_("A few words to find it again, for example 'Supporting a parent at a case conference'."),
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = memberships
        if len(memberships) == 1:
            field.initial, field.widget = memberships[0].pk, forms.HiddenInput()


class ReflectionForm(Form):
    """The entry's title, one field per stage of its template (each with its guidance), then the optional
    relevance to the writer's professional code: its text and the NMC Code themes."""

    title = forms.CharField(max_length=200, label=_("Title"))

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages = stages_of(template)
        for stage in [*self.stages, CODE_RELEVANCE]:
            self.fields[stage.key] = forms.CharField(
                label=stage.label,
                help_text=stage.guidance,
                required=False,
                max_length=STAGE_MAX_CHARS,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 7 if stage is not CODE_RELEVANCE else 4}),
            )
        self.fields["code_themes"] = forms.MultipleChoiceField(
            choices=NMC_CODE_THEMES,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=_("Themes of the NMC Code"),
            help_text=_(
                "Optional, for nurses, midwives and nursing associates: tick each theme this "
                "reflection relates to. They are printed on the NMC reflective accounts form."
            ),
        )

    @classmethod
    def initial_for(cls, entry):
        return {
            "title": entry.title,
            **{stage.key: text for stage, text in entry.stage_rows},
            CODE_RELEVANCE.key: entry.code_relevance,
            "code_themes": entry.code_themes,
        }

    def stage_fields(self):
        return [self["title"], *(self[stage.key] for stage in self.stages)]

    def code_fields(self):
        return [self[CODE_RELEVANCE.key], self["code_themes"]]

    def stage_texts(self) -> dict:
        return {stage.key: self.cleaned_data.get(stage.key, "") for stage in [*self.stages, CODE_RELEVANCE]}


class SubmitConfirmForm(Form):
    confirm = forms.BooleanField(
        label=_("I have checked my reflection: nobody I write about can be identified from it."),
        error_messages={"required": _("Tick the box to confirm you have checked, or go back and edit.")},
    )


class CommentForm(Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class ReviewForm(Form):
    DECISIONS = [
        ("comment", _("Add a comment only")),
        ("changes", _("Ask for changes")),
        ("sign_off", _("Sign off this reflection")),
    ]
    decision = forms.ChoiceField(
        choices=DECISIONS,
        widget=forms.RadioSelect,
        label=_("Your review"),
        help_text=_(
            "Signing off stamps your name, role and today's date, and locks the reflection for good."
        ),
    )
    body = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Needed for a comment or a request for changes; optional when you sign off."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("comment", "changes") and not (data.get("body") or "").strip():
            self.add_error("body", _("Write a comment saying what you would like the author to look at."))
        return data


class ExportForm(Form):
    entries = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Choose at least one reflection to download."),
            "invalid_choice": _("You can only download your own reflections."),
            "invalid_pk_value": _("You can only download your own reflections."),
        },
    )
    layout = forms.ChoiceField(
        choices=ReflectionExport.Layout.choices,
        initial=ReflectionExport.Layout.ACCOUNT,
        required=False,
        widget=forms.RadioSelect,
        label=_("Layout of the PDF"),
        error_messages={"invalid_choice": _("Choose a layout for the PDF.")},
    )

    def clean_layout(self):
        # Left out (an older page, a script): the site's own layout, as before there was a choice.
        return self.cleaned_data["layout"] or ReflectionExport.Layout.ACCOUNT

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = entries
