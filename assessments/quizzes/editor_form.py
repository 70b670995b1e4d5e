"""The question editor of the Wagtail admin (Question.base_form_class).

The bank keeps rich text as sanitised HTML (formats/sanitise.py), but Wagtail's rich-text editor hands back
its own HTML: block keys on every paragraph (`<p data-block-key="…">`) and internal links as
`<a linktype="page" id="…">`. The form turns what the editor sends into the bank's form (internal links
become ordinary links, then the HTML is sanitised) before anything is checked, so an unchanged question
saves unchanged. The options and tags are checked with the question once the inline rows are validated:
the model's clean() cannot see them, as they are attached to the question only when it is saved.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.rich_text import expand_db_html

from assessments.quizzes.bank_mapping import question_to_bank
from assessments.quizzes.formats.bank import validate_question
from assessments.quizzes.formats.sanitise import clean_html

RICH_FIELDS = ("text", "explanation")
OPTION_RICH_FIELDS = ("text", "feedback")


class QuestionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        for name in RICH_FIELDS:
            if cleaned.get(name):
                cleaned[name] = clean_html(expand_db_html(cleaned[name]))
        return cleaned

    def is_valid(self):
        if not super().is_valid():  # the question's fields and every inline row
            return False
        # The rows being kept, in the editor's order (Option is Orderable, so the formset orders them).
        options = [form.instance for form in self.formsets["options"].ordered_forms]
        for option in options:
            for name in OPTION_RICH_FIELDS:
                setattr(option, name, clean_html(getattr(option, name)))
        problems = validate_question(
            question_to_bank(self.instance, options=options, tags=self.cleaned_data.get("tags", []))
        )
        if problems:
            self.add_error(None, "; ".join(problems).capitalize() + ".")
            return False
        return True
