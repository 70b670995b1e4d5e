"""The regulators' own layouts for a reflective-account PDF: the question each stage of a reflection answers.

Wording is the regulators' own, never invented; where no published text was found the label is neutral and
says nothing on their behalf. Sources (checked December 2026; more in docs/reflective-practice.md):

- NMC: https://revalidation.nmc.org.uk/what-you-need-to-do/written-reflective-accounts (the approved form's
  purpose, and the reminder not to identify anyone). The form itself was not in the search index; its four
  questions are as reproduced word for word by revalidation guides, e.g.
  https://revalidationforms.co.uk/blogs/nmc-revalidation-guide-requirements-forms-templates/nmc-reflective-template-example
  The Code's themes: https://www.nmc.org.uk/standards/code/read-the-code-online/
- SSSC, continuous professional learning (CPL): https://www.sssc.uk.com/cpl ("You must keep a record of your
  own CPL"; there is no set form: registrants choose how to record it). The headings follow the SSSC's
  description of the record, http://ssscnews.uk.com/2015/10/21/post-registration-training-learning-feature/
  ("what PRTL activity you did and when you did it ... what you learned, how this learning has contributed to
  your professional development"), and https://news.sssc.uk.com/news/new-cpl-requirement-launched ("how it's
  contributed to improving your practice and working to the Codes of Practice").
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from assessments.practice.reflection_templates import CODE_RELEVANCE, stages_of


@dataclass(frozen=True)
class Question:
    heading: str
    # The stage keys that answer it, by template; a template missing here answers it in another question.
    stages: dict


@dataclass(frozen=True)
class RegulatorForm:
    title: str
    privacy: str
    questions: list
    numbered: bool = False  # each account carries its number, as the NMC's five accounts do
    themes_label: str = ""  # set when the last question lists the NMC Code's themes

    def answers(self, entry) -> list[tuple[str, list[tuple[str, str]], bool]]:
        """[(heading, [(stage label, text)], answered_elsewhere)]: the writer's text under each question.

        `answered_elsewhere` marks a question the entry's template does not ask separately (free text is one
        piece, printed under the first question)."""
        labels = {stage.key: stage.label for stage in [*stages_of(entry.template), CODE_RELEVANCE]}
        rows = []
        for question in self.questions:
            keys = question.stages.get(entry.template, [])
            texts = [(labels[key], entry.stages.get(key, "")) for key in keys]
            rows.append((question.heading, texts, not keys))
        return rows


_WHAT_HAPPENED = {"gibbs": ["description"], "driscoll": ["what"], "free": ["reflection"]}
_WHAT_LEARNED = {"gibbs": ["feelings", "evaluation", "analysis", "conclusion"], "driscoll": ["so_what"]}
_WHAT_CHANGED = {"gibbs": ["action_plan"], "driscoll": ["now_what"]}
_CODE = {template: [CODE_RELEVANCE.key] for template in ("gibbs", "driscoll", "free")}

NMC = RegulatorForm(
    title=_("Written reflective account"),  # the NMC's name for the requirement
    privacy=_(
        "You should be careful not to record any information in your reflective accounts which may "
        "identify another person."
    ),
    questions=[
        Question(
            _(
                "What was the nature of the CPD activity and/or practice-related feedback and/or event or "
                "experience in your practice?"
            ),
            _WHAT_HAPPENED,
        ),
        Question(
            _(
                "What did you learn from the CPD activity and/or feedback and/or event or experience in "
                "your practice?"
            ),
            _WHAT_LEARNED,
        ),
        Question(_("How did you change or improve your practice as a result?"), _WHAT_CHANGED),
        Question(_("How is this relevant to the Code?"), _CODE),
    ],
    numbered=True,
    # No published NMC text for the themes' prompt was found, so this label is neutral.
    themes_label=_("Themes of the Code"),
)

SSSC = RegulatorForm(
    title=_("Continuous professional learning (CPL) record"),
    # The SSSC's own reminder, from its MyLearning guidance on evidence (https://mylearning.scot/?p=7697).
    privacy=_("Please don't include confidential or private information within your evidence."),
    questions=[
        Question(_("What activity you did"), _WHAT_HAPPENED),
        Question(_("What you learned"), _WHAT_LEARNED),
        Question(_("How this learning has contributed to your professional development"), _WHAT_CHANGED),
        Question(_("Working to the Codes of Practice"), _CODE),
    ],
)

# By ReflectionExport.Layout value; the site's own layout ("account") has no regulator's form.
FORMS = {"nmc": NMC, "sssc": SSSC}
