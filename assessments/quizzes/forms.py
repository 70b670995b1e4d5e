from django import forms
from django.utils.translation import gettext_lazy as _


class QuestionImportForm(forms.Form):
    file = forms.FileField(label=_("GIFT (.gift, .txt) or Moodle XML (.xml) file"))
    dry_run = forms.BooleanField(
        label=_("Check only: report what would happen and import nothing"), required=False
    )

    MAX_BYTES = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("The file must be UTF-8 text.")) from exc
        return upload


def answers_from_post(post) -> dict:
    """{position: [option keys]} from fields named q<position>."""
    return {int(name[1:]): post.getlist(name) for name in post if name.startswith("q") and name[1:].isdigit()}
