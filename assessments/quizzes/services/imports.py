"""Import and export question banks as GIFT or Moodle XML. Import is all-or-nothing.

Names are not keys (Moodle's files repeat them, and Moodle stores every question it reads): each imported
question is a new bank question, unless it carries a Moodle ID number that a question of the quiz already has;
then it updates that question. So re-importing a file adds its questions again unless they have ID numbers,
and the report says so for each question whose name the bank already holds."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from assessments.models import Option, Question
from assessments.quizzes.bank_mapping import bank_to_fields, question_to_bank
from assessments.quizzes.formats import bank
from assessments.quizzes.formats.gift import export_gift, parse_gift
from assessments.quizzes.formats.moodle_xml import export_moodle_xml, parse_moodle_xml
from learning.core.errors import ServiceError

FORMATS = {"gift": (parse_gift, export_gift), "xml": (parse_moodle_xml, export_moodle_xml)}


@dataclass
class ImportResult:
    report: bank.ParseReport
    updated: set = field(default_factory=set)  # ID numbers of questions the file updates
    names_in_bank: set = field(default_factory=set)  # names the bank already holds
    dry_run: bool = False

    @property
    def ok(self):
        return self.report.ok

    def lines(self):
        """One line per question: what happened to it and where it is in the file."""
        for q in self.report.questions:
            if q.idnumber in self.updated:
                what = "would update" if self.dry_run else "updated"
                yield f"{what}: {q.name} (line {q.line}): the question with ID number {q.idnumber}"
                continue
            what = "would import" if self.dry_run else "imported"
            note = (
                (
                    ": added as another question; the bank already has one of this name (give questions an "
                    "ID number to update them instead)"
                )
                if q.name in self.names_in_bank
                else ""
            )
            yield f"{what}: {q.name} (line {q.line}){note}"
        for p in self.report.rounded:
            yield f"rounded: {p.name} (line {p.line}): {p.message}"
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


def questions_parse(*, text: str, fmt: str, grades: str = "error") -> bank.ParseReport:
    return FORMATS[fmt][0](text, grades=grades)


@transaction.atomic
def questions_import(
    *, quiz, text: str, fmt: str, dry_run: bool = False, grades: str = "error"
) -> ImportResult:
    """Parse `text` and write every question into the quiz's bank, or write nothing at all.

    Each question is added, or updates the quiz's question with the same Moodle ID number. Unsupported types
    are reported as skipped and not imported; any invalid question rejects the whole file. `grades` is
    Moodle's "match grades": "error" refuses a grade off Moodle's list, "nearest" rounds it and reports it.
    """
    if grades not in bank.MATCH_GRADES:
        raise ServiceError(_("Grades are matched by %(modes)s.") % {"modes": " or ".join(bank.MATCH_GRADES)})
    report = questions_parse(text=text, fmt=fmt, grades=grades)
    in_bank = Question.objects.filter(quiz=quiz)
    result = ImportResult(
        report=report,
        dry_run=dry_run,
        updated=set(
            in_bank.filter(idnumber__in=[q.idnumber for q in report.questions if q.idnumber]).values_list(
                "idnumber", flat=True
            )
        ),
        names_in_bank=set(
            in_bank.filter(name__in=[q.name for q in report.questions]).values_list("name", flat=True)
        ),
    )
    if report.ok and not dry_run:
        questions_write(quiz=quiz, questions=report.questions)
    return result


@transaction.atomic
def questions_write(*, quiz, questions: list[bank.Question]) -> None:
    """Add bank questions from validated bank.Question values; one with the ID number of a question of the
    quiz replaces that question instead."""
    for item in questions:
        problems = bank.validate_question(item)
        if problems:
            raise ServiceError(f"{item.name}: {'; '.join(problems)}")
        existing = (
            Question.objects.filter(quiz=quiz, idnumber=item.idnumber).first() if item.idnumber else None
        )
        question = existing or Question(quiz=quiz)
        for name, value in bank_to_fields(item).items():
            setattr(question, name, value)
        question.options = [
            Option(text=o.text, fraction=o.fraction, feedback=o.feedback, sort_order=i)
            for i, o in enumerate(item.options)
        ]
        question.tags.set(item.tags)
        question.save()


def questions_export(*, quiz, fmt: str) -> str:
    """The quiz's bank as a GIFT or Moodle XML file. Every grade in it is one Moodle accepts: the database
    holds no other (option_fraction_is_a_moodle_grade)."""
    questions = Question.objects.filter(quiz=quiz).prefetch_related("options", "tags").order_by("name", "pk")
    return FORMATS[fmt][1]([question_to_bank(q) for q in questions])
