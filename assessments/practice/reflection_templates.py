"""The reflection templates: each stage's key (where its text is stored), label and guidance for the writer.

Stage keys are stored in ReflectiveEntry.stages, so renaming a key would orphan existing text: add, never
rename.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    guidance: str


GIBBS = [
    Stage(
        "description",
        _("Description"),
        _(
            "What happened? Set it out briefly and factually: where you were, your role, what was said and "
            "done. Describe people by their role (for example 'a parent' or 'the young person'), never by "
            "name."
        ),
    ),
    Stage(
        "feelings",
        _("Feelings"),
        _(
            "What were you thinking and feeling at the time, and afterwards? What might the family have been "
            "feeling? Be honest: difficult feelings are part of the work."
        ),
    ),
    Stage(
        "evaluation",
        _("Evaluation"),
        _(
            "What went well and what was harder? Think about it from the family's point of view as well as "
            "your own."
        ),
    ),
    Stage(
        "analysis",
        _("Analysis"),
        _(
            "Why did things happen as they did? Connect your experience to what you have learned, to "
            "guidance such as GIRFEC or trauma-informed principles, and to your organisation's policies."
        ),
    ),
    Stage(
        "conclusion",
        _("Conclusion"),
        _(
            "What have you learned from this? What else could you have done, and what would you do the same "
            "way again?"
        ),
    ),
    Stage(
        "action_plan",
        _("Action plan"),
        _(
            "If this happened again, what would you do? What will you do next to develop your practice, and "
            "by when? Note any support or learning you would like."
        ),
    ),
]

DRISCOLL = [
    Stage(
        "what",
        _("What?"),
        _(
            "Describe the situation: what happened, who was involved (by role, not by name), what you did "
            "and what you noticed."
        ),
    ),
    Stage(
        "so_what",
        _("So what?"),
        _(
            "What does it mean? What did you feel, what did it show you about yourself, the family or your "
            "practice, and what knowledge or guidance helps you make sense of it?"
        ),
    ),
    Stage(
        "now_what",
        _("Now what?"),
        _(
            "What will you do differently, or keep doing? What are your next steps, and what support would "
            "help?"
        ),
    ),
]

FREE = [
    Stage(
        "reflection",
        _("Your reflection"),
        _(
            "Write in your own way about what happened, what you learned and what you will do next. Describe "
            "people by their role, never by name."
        ),
    ),
]

TEMPLATES = {"gibbs": GIBBS, "driscoll": DRISCOLL, "free": FREE}

# An optional part every template shares, stored in `stages` like the others (so the identifier check reads
# it): what the NMC form asks as "How is this relevant to the Code?" and the SSSC asks about the Codes of
# Practice.
CODE_RELEVANCE = Stage(
    "code_relevance",
    _("How is this relevant to your professional code?"),
    _(
        "Optional. For example the NMC Code or the SSSC Codes of Practice: which standards does this show "
        "you working to, and how?"
    ),
)

# The four themes of the NMC Code, in the NMC's words (https://www.nmc.org.uk/standards/code/read-the-code-online/);
# keys are stored in ReflectiveEntry.code_themes: add, never rename.
NMC_CODE_THEMES = [
    ("prioritise_people", _("Prioritise people")),
    ("practise_effectively", _("Practise effectively")),
    ("preserve_safety", _("Preserve safety")),
    ("promote_professionalism_and_trust", _("Promote professionalism and trust")),
]


def stages_of(template: str) -> list[Stage]:
    return TEMPLATES.get(template, FREE)
