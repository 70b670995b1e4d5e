"""Format-neutral description of a question bank.

GIFT and Moodle XML both parse into, and export from, these dataclasses, so
the Django side only ever deals with one shape. Conventions:

* ``Question.text``, ``Question.explanation``, ``Option.text`` and
  ``Option.feedback`` are *sanitised HTML* (see ``sanitise.clean_html``);
  ``name`` and ``tags`` are plain text.
* ``Option.fraction`` is a percentage (Moodle's fraction * 100), one of
  Moodle's grades (``MOODLE_GRADES``).
* ``idnumber`` is Moodle's optional "ID number" of a question: the one stable
  key a file can give. Names are not keys: two questions may share one.
* ``line`` records where a question started in its source file; it is
  excluded from equality so that round trips compare content only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from assessments.quizzes.formats.sanitise import is_clean, strip_invalid_chars

QTYPES = frozenset({"single", "multi", "truefalse"})
TRUE_LABEL, FALSE_LABEL = "True", "False"
# Moodle stores fractions to 7 decimals, so multi-answer weights such as
# 3 x 33.33333 legitimately miss 100 by a little.
SUM_TOLERANCE = Decimal("0.01")
HUNDRED = Decimal(100)
# Characters Moodle strips from tags (PARAM_TAG); refusing them keeps tags
# representable in both formats.
_TAG_FORBIDDEN = frozenset("<>`")
# Bounds on one file, checked before any text is sanitised, so that the work
# (and the report) stays proportional to what a real bank holds; a hostile
# file with a million options is refused at once instead of occupying a web
# request for minutes.
MAX_QUESTIONS = 200
MAX_OPTIONS = 20
MAX_TAGS = 50
# The bank's columns: longer values would be refused by the database.
NAME_MAX_LENGTH = 200
IDNUMBER_MAX_LENGTH = 100  # Moodle's question_bank_entries.idnumber
TAG_MAX_LENGTH = 100


# Moodle's grade list, question_bank::fraction_options_full() (question/engine/bank.php), as percentages.
# Moodle's importers refuse any other grade ("invalidgrade") unless told to round to the nearest one.
_POSITIVE_GRADES = tuple(
    Decimal(g)
    for g in (
        "100",
        "90",
        "83.33333",
        "80",
        "75",
        "70",
        "66.66667",
        "60",
        "50",
        "40",
        "33.33333",
        "30",
        "25",
        "20",
        "16.66667",
        "14.28571",
        "12.5",
        "11.11111",
        "10",
        "5",
    )
)
MOODLE_GRADES = (*_POSITIVE_GRADES, Decimal(0), *(-g for g in reversed(_POSITIVE_GRADES)))
# match_grade_options(): a fraction within 0.00001 of a listed one is that grade (0.001 as a percentage).
_GRADE_TOLERANCE = Decimal("0.001")
MATCH_GRADES = ("error", "nearest")  # Moodle's import option of the same name


def moodle_grade(fraction: Decimal) -> Decimal | None:
    """The listed Moodle grade ``fraction`` stands for (33.333 is 33.33333), or None."""
    if not fraction.is_finite():
        return None
    grade = nearest_moodle_grade(fraction)
    return grade if abs(grade - fraction) < _GRADE_TOLERANCE else None


def nearest_moodle_grade(fraction: Decimal) -> Decimal:
    """The Moodle grade nearest to ``fraction`` (Moodle's ``matchgrades=nearest``)."""
    return min(MOODLE_GRADES, key=lambda grade: abs(grade - fraction))


@dataclass
class Option:
    text: str
    fraction: Decimal
    feedback: str = ""

    def __post_init__(self) -> None:
        # Accept ints/strs for convenience; floats go through str() so that
        # 33.3 becomes Decimal("33.3") rather than its binary approximation.
        if not isinstance(self.fraction, Decimal):
            try:
                self.fraction = Decimal(str(self.fraction))
            except InvalidOperation:
                self.fraction = Decimal("NaN")


@dataclass
class Question:
    name: str
    qtype: str
    text: str
    options: list[Option]
    explanation: str = ""
    tags: list[str] = field(default_factory=list)
    shuffle: bool = True
    idnumber: str = ""
    line: int = field(default=0, compare=False)


@dataclass
class Problem:
    """A question that could not be imported, and why."""

    name: str
    line: int
    message: str


@dataclass
class ParseReport:
    questions: list[Question] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # unsupported types
    invalid: list[Problem] = field(default_factory=list)  # broken input
    rounded: list[Problem] = field(default_factory=list)  # grades moved to Moodle's nearest (imported)

    @property
    def ok(self) -> bool:
        return not self.invalid

    def add(self, question: Question, rounded: list[str]) -> None:
        """File a parsed question as imported or invalid, with the grades ``match_grades`` rounded."""
        errors = validate_question(question)
        if question.idnumber:
            # Two questions with one ID number would update the same bank question, one losing to the other.
            same = next((q for q in self.questions if q.idnumber == question.idnumber), None)
            if same:
                errors.append(
                    f"ID number {question.idnumber!r} is also given to the question on line {same.line}"
                )
        if errors:
            self.invalid.append(Problem(question.name, question.line, "; ".join(errors)))
            return
        self.questions.append(question)
        self.rounded += [Problem(question.name, question.line, note) for note in rounded]


def truefalse_options(correct: bool, true_feedback: str = "", false_feedback: str = "") -> list[Option]:
    """The canonical two options of a true/false question."""
    return [
        Option(TRUE_LABEL, HUNDRED if correct else Decimal(0), true_feedback),
        Option(FALSE_LABEL, Decimal(0) if correct else HUNDRED, false_feedback),
    ]


def match_grades(q: Question, mode: str) -> list[str]:
    """Put each option's fraction on Moodle's grade list, as Moodle's importer does.

    A fraction within Moodle's tolerance of a listed grade becomes that grade. Any other stays as it is
    (``validate_question`` then refuses it, as Moodle's default ``matchgrades=error`` does), or with
    ``mode="nearest"`` moves to the nearest grade; the returned lines say which options moved.
    """
    notes = []
    for i, option in enumerate(q.options, 1):
        if not option.fraction.is_finite() or not -HUNDRED <= option.fraction <= HUNDRED:
            continue  # validation says what is wrong with it
        grade = moodle_grade(option.fraction)
        if grade is None and mode == "nearest":
            grade = nearest_moodle_grade(option.fraction)
            notes.append(
                f"option {i} grade {percent(option.fraction)} rounded to {percent(grade)}, "
                "the nearest grade Moodle accepts"
            )
        if grade is not None:
            option.fraction = grade
    return notes


def percent(fraction: Decimal) -> str:
    """A grade as people write it: 30%, 33.33333%."""
    return f"{format(fraction.normalize(), 'f')}%"


def category_tag(path: str) -> str:
    """Tag for a Moodle category path: its last segment.

    ``$course$/top/Algebra//Geometry`` -> ``Algebra/Geometry`` (Moodle escapes a
    literal slash in a category name by doubling it).
    """
    segments = re.split(r"(?<!/)/(?!/)", path.strip())
    return segments[-1].replace("//", "/").strip() if segments else ""


def clean_name(name: str) -> str:
    """Canonical plain-text name: no XML-invalid characters, trimmed."""
    return strip_invalid_chars(name).strip()


def clean_tag(tag: str) -> str:
    """Canonical tag: Moodle's PARAM_TAG drops < > ` and control characters."""
    kept = (c if c.isprintable() else " " for c in tag if c not in _TAG_FORBIDDEN)
    return "".join(kept).strip()


def _check_rich(label: str, value: str) -> str | None:
    # Rich text must already be sanitised: that is what lets the app render
    # it directly and what makes parse(export(q)) == q hold.
    if not isinstance(value, str) or not is_clean(value):
        return f"{label} is not sanitised HTML (pass it through clean_html)"
    return None


def _check_options(q: Question) -> list[str]:
    errors = []
    for i, opt in enumerate(q.options, 1):
        if not isinstance(opt.text, str) or not opt.text.strip():
            errors.append(f"option {i} has no text")
        elif msg := _check_rich(f"option {i} text", opt.text):
            errors.append(msg)
        if msg := _check_rich(f"option {i} feedback", opt.feedback):
            errors.append(msg)
        if not opt.fraction.is_finite() or not -HUNDRED <= opt.fraction <= HUNDRED:
            errors.append(f"option {i} fraction {opt.fraction} is outside -100..100")
        elif opt.fraction not in MOODLE_GRADES:
            errors.append(
                f"option {i} grade {percent(opt.fraction)} is not one Moodle accepts "
                f"(the nearest is {percent(nearest_moodle_grade(opt.fraction))})"
            )
    return errors


def _check_grading(q: Question) -> list[str]:
    fractions = [o.fraction for o in q.options if o.fraction.is_finite()]
    if q.qtype == "single" and HUNDRED not in fractions:
        return ["single choice needs at least one option worth 100%"]
    if q.qtype == "multi":
        positive = sum((f for f in fractions if f > 0), Decimal(0))
        if abs(positive - HUNDRED) > SUM_TOLERANCE:
            return [f"multiple response positive fractions sum to {positive}, not 100"]
    if q.qtype == "truefalse":
        labels = [o.text for o in q.options]
        if labels != [TRUE_LABEL, FALSE_LABEL]:
            return ['true/false options must be exactly "True" then "False"']
        if sorted(fractions) != [0, HUNDRED]:
            return ["true/false needs one option at 100% and the other at 0%"]
    return []


def validate_question(q: Question) -> list[str]:
    """Return human-readable problems with ``q``; an empty list means valid."""
    return validate_fields(q) + validate_tags(q) + validate_options(q)


def validate_fields(q: Question) -> list[str]:
    """Problems with the question's own fields (not its options or tags)."""
    errors: list[str] = []
    if not isinstance(q.name, str) or not clean_name(q.name):
        errors.append("name is empty")
    elif q.name != clean_name(q.name):
        errors.append("name has surrounding space or control characters")
    elif len(q.name) > NAME_MAX_LENGTH:
        errors.append(f"name is longer than {NAME_MAX_LENGTH} characters")
    if q.qtype not in QTYPES:
        errors.append(f"unknown question type {q.qtype!r}")
    if not isinstance(q.text, str) or not q.text.strip():
        errors.append("question text is empty")
    elif msg := _check_rich("question text", q.text):
        errors.append(msg)
    if msg := _check_rich("explanation", q.explanation):
        errors.append(msg)
    if (
        not isinstance(q.idnumber, str)
        or q.idnumber != clean_name(q.idnumber)
        or not q.idnumber.isprintable()
    ):
        errors.append("ID number has surrounding space, line breaks or control characters")
    elif len(q.idnumber) > IDNUMBER_MAX_LENGTH:
        errors.append(f"ID number is longer than {IDNUMBER_MAX_LENGTH} characters")
    return errors


def validate_tags(q: Question) -> list[str]:
    errors: list[str] = []
    for tag in q.tags:
        if not isinstance(tag, str) or not tag or tag != clean_tag(tag):
            errors.append(f"tag {tag!r} is empty, padded or has one of < > ` or control characters")
        elif len(tag) > TAG_MAX_LENGTH:
            errors.append(f"tag {tag[:20]!r}… is longer than {TAG_MAX_LENGTH} characters")
    if len(q.tags) > MAX_TAGS:
        errors.append(f"more than {MAX_TAGS} tags")
    if len(q.tags) != len(set(q.tags)):
        errors.append("tags contain duplicates")  # parsers de-duplicate
    return errors


def validate_options(q: Question) -> list[str]:
    """Problems with the options and their grades, for the question's type."""
    errors: list[str] = []
    if len(q.options) < 2:
        errors.append("at least 2 options are needed")
    elif len(q.options) > MAX_OPTIONS:
        return errors + [f"more than {MAX_OPTIONS} options"]  # checking each would be unbounded work
    errors += _check_options(q)
    if q.qtype in QTYPES:
        errors += _check_grading(q)
    return errors
