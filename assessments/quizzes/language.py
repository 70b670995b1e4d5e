"""The language check over every text field of the live content: modules, their lessons and the quizzes.

The words refused are learning.core.language's; this module only knows where the text is. It lives in
assessments because it reads both the modules (below) and the quizzes; the `check_language` command prints
what it finds. Lesson bodies are walked generically, so a block added later is checked without a change here.
"""

from dataclasses import dataclass

from assessments.models import Quiz
from learning.core.language import stigmatising_terms
from modules.models import LessonPage, ModulePage

MODULE_TEXT_FIELDS = ("title", "summary", "content_note", "reflective_prompt")
MODULE_STREAM_FIELDS = ("learning_outcomes", "references")


@dataclass(frozen=True)
class Finding:
    obj: str  # which module, lesson, quiz or question
    field: str  # which of its fields, e.g. "body[3].case_study.text" or "options[2].feedback"
    term: str


def stream_strings(data, path: str):
    """(field path, text) for every string in a StreamField's raw data: block values, struct children, list
    items, at any depth. Addresses (URLs) are not text a reader reads, and are left out."""
    if isinstance(data, str):
        if not data.startswith(("http://", "https://")):
            yield path, data
    elif isinstance(data, dict):
        if "type" in data and "value" in data:  # a stream child or a list item: {type, value, id}
            name = "" if data["type"] == "item" else f".{data['type']}"
            yield from stream_strings(data["value"], path + name)
        else:
            for key, value in data.items():
                yield from stream_strings(value, f"{path}.{key}")
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            yield from stream_strings(value, f"{path}[{index}]")


def _check(obj: str, fields):
    for field, text in fields:
        for term in stigmatising_terms(text, field=field):
            yield Finding(obj, field, term)


def _module_fields(module):
    for name in MODULE_TEXT_FIELDS:
        yield name, getattr(module, name)
    for name in MODULE_STREAM_FIELDS:
        yield from stream_strings(list(getattr(module, name).raw_data), name)
    for index, mapping in enumerate(module.framework_mappings.all()):
        yield f"framework_mappings[{index}].justification", mapping.justification


def _lesson_fields(lesson):
    yield "title", lesson.title
    yield from stream_strings(list(lesson.body.raw_data), "body")


def _question_fields(question):
    yield "text", question.text
    yield "explanation", question.explanation
    for index, option in enumerate(question.options.all()):
        yield f"options[{index}].text", option.text
        yield f"options[{index}].feedback", option.feedback


def content_language_findings() -> list[Finding]:
    """Every refused word in the live modules and lessons and in every quiz, as (object, field, term)."""
    findings = []
    for module in ModulePage.objects.live().prefetch_related("framework_mappings").order_by("path"):
        findings += _check(f"module {module.slug}", _module_fields(module))
    for lesson in LessonPage.objects.live().order_by("path"):
        module_slug, slug = lesson.url_path.strip("/").split("/")[-2:]
        findings += _check(f"lesson {module_slug}/{slug}", _lesson_fields(lesson))
    for quiz in Quiz.objects.prefetch_related("questions__options").order_by("title", "pk"):
        obj = f"quiz {quiz.pk} ({quiz.title})"
        findings += _check(obj, [("title", quiz.title), ("intro", quiz.intro)])
        for question in quiz.questions.all():
            findings += _check(f"{obj} question {question.name}", _question_fields(question))
    return findings
