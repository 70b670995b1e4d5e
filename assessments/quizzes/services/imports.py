"""Import and export question banks as GIFT or Moodle XML. Import is all-or-nothing."""
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError

from assessments.quizzes.bank_mapping import bank_to_fields, question_to_bank
from assessments.quizzes.formats import bank
from assessments.quizzes.formats.gift import export_gift, parse_gift
from assessments.quizzes.formats.moodle_xml import export_moodle_xml, parse_moodle_xml
from assessments.models import Option, Question

FORMATS = {"gift": (parse_gift, export_gift), "xml": (parse_moodle_xml, export_moodle_xml)}


@dataclass
class ImportResult:
    report: bank.ParseReport
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return self.report.ok

    def lines(self):
        """One line per question: what happened to it and where it is in the file."""
        for q in self.report.questions:
            done, would = ("updated", "would update") if q.name in self.updated else ("imported", "would import")
            yield f"{would if self.dry_run else done}: {q.name} (line {q.line})"
        for p in self.report.skipped:
            yield f"skipped: {p.name} (line {p.line}): {p.message}"
        for p in self.report.invalid:
            yield f"invalid: {p.name} (line {p.line}): {p.message}"


def format_for(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix in (".gift", ".txt"):
        return "gift"
    if suffix == ".xml":
        return "xml"
    raise ServiceError(_("Use a .gift, .txt or .xml file (GIFT or Moodle XML)."), code="format")


def questions_parse(*, text: str, fmt: str) -> bank.ParseReport:
    return FORMATS[fmt][0](text)


@transaction.atomic
def questions_import(*, quiz, text: str, fmt: str, dry_run: bool = False) -> ImportResult:
    """Parse `text` and write every question into the quiz's bank, or write nothing at all.

    A question whose name is already in the bank is replaced (so importing the same file twice is harmless).
    Unsupported types are reported as skipped; any invalid question rejects the whole file.
    """
    report = questions_parse(text=text, fmt=fmt)
    existing = set(Question.objects.filter(quiz=quiz, name__in=[q.name for q in report.questions]).values_list("name", flat=True))
    result = ImportResult(report=report, updated=sorted(existing), dry_run=dry_run)
    if report.ok and not dry_run:
        questions_write(quiz=quiz, questions=report.questions)
        result.created = [q.name for q in report.questions if q.name not in existing]
    return result


@transaction.atomic
def questions_write(*, quiz, questions: list[bank.Question]) -> None:
    """Create or replace (by name) bank questions from validated bank.Question values."""
    for item in questions:
        problems = bank.validate_question(item)
        if problems:
            raise ServiceError(f"{item.name}: {'; '.join(problems)}")
        question = Question.objects.filter(quiz=quiz, name=item.name).first() or Question(quiz=quiz, name=item.name)
        for name, value in bank_to_fields(item).items():
            setattr(question, name, value)
        question.options = [Option(text=o.text, fraction=o.fraction, feedback=o.feedback, sort_order=i)
                            for i, o in enumerate(item.options)]
        question.tags.set(item.tags)
        question.save()


def questions_export(*, quiz, fmt: str) -> str:
    questions = Question.objects.filter(quiz=quiz).prefetch_related("options", "tags").order_by("name")
    return FORMATS[fmt][1]([question_to_bank(q) for q in questions])
