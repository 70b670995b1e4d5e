"""Moodle's own question files (tests/assessments/fixtures/moodle/SOURCES.md) import as Moodle reads them:
every question Moodle would store is stored here too when its type is one the bank holds (names are not keys),
the others are reported as not imported, and grades are those Moodle accepts."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from assessments.models import Option, Question, Quiz
from assessments.quizzes.bank_mapping import question_to_bank
from assessments.quizzes.formats import bank
from assessments.quizzes.services.imports import questions_export, questions_import, questions_write

pytestmark = pytest.mark.django_db
MOODLE = Path(__file__).parent / "fixtures" / "moodle"


def _import(quiz, name, **kwargs):
    return questions_import(
        quiz=quiz, text=(MOODLE / name).read_text(), fmt="xml" if name.endswith("xml") else "gift", **kwargs
    )


# file, questions Moodle stores from it, of which single/multi/true-false (the bank's types), and names
# repeated.
MOODLE_COUNTS = [
    # 43 questions: 13 short answer, 8 numerical, 3 matching... and 23 multiple choice or true/false, under 15
    # names.
    ("examples.gift.txt", 43, 23),
    # Moodle's Behat test of this file: "Importing 9 questions from file"; two true/false share "2-08 TSL".
    ("questions.gift.txt", 9, 5),
    ("questions_in_category.gift.txt", 4, 2),
]


@pytest.mark.parametrize("name,moodle_stores,supported", MOODLE_COUNTS)
def test_every_supported_question_moodle_stores_is_stored(quiz, name, moodle_stores, supported):
    result = _import(quiz, name)
    assert result.ok and len(result.report.questions) + len(result.report.skipped) == moodle_stores
    assert Question.objects.filter(quiz=quiz).count() == supported
    lines = list(result.lines())
    assert sum(line.startswith("imported: ") for line in lines) == supported
    assert (
        sum(line.startswith("skipped: ") and "not supported" in line for line in lines)
        == moodle_stores - supported
    )


def test_questions_that_share_a_name_are_each_kept(quiz):
    _import(quiz, "questions.gift.txt")
    same = Question.objects.filter(quiz=quiz, name="2-08 TSL").prefetch_related("options")
    assert [question_to_bank(q).options[0].fraction for q in same] == [
        100,
        100,
    ]  # {T} and {TRUE}: two questions
    _import(quiz, "examples.gift.txt")
    assert Question.objects.filter(quiz=quiz, name="Who's buried in Grant's tomb?").count() == 3


def test_reimporting_a_file_adds_its_questions_again_and_says_so(quiz):
    _import(quiz, "questions.gift.txt")
    result = _import(quiz, "questions.gift.txt", dry_run=True)
    assert all(
        "the bank already has one of this name" in line
        for line in result.lines()
        if line.startswith("would import: ")
    )
    _import(quiz, "questions.gift.txt")
    assert Question.objects.filter(quiz=quiz).count() == 10


def test_a_question_with_an_id_number_updates_the_one_with_that_id(quiz):
    text = (
        "// [id:ch1-q1] [tag:lesson-1]\n::Capital::The capital of France?{=Paris ~Lyon}\n\n"
        "::Other::Pick{=a ~b}\n"
    )
    questions_import(quiz=quiz, text=text, fmt="gift")
    first = Question.objects.get(quiz=quiz, idnumber="ch1-q1")
    result = questions_import(quiz=quiz, text=text.replace("Lyon", "Nice"), fmt="gift")
    assert [line.split(" (")[0] for line in result.lines()] == ["updated: Capital", "imported: Other"]
    assert Question.objects.filter(quiz=quiz).count() == 3
    assert [o.text for o in Question.objects.get(pk=first.pk).options.all()] == ["Paris", "Nice"]


def test_one_id_number_given_to_two_questions_of_a_file_is_refused(quiz):
    text = "// [id:x]\n::A::Pick{=a ~b}\n\n// [id:x]\n::B::Pick{=a ~b}\n"
    result = questions_import(quiz=quiz, text=text, fmt="gift")
    assert not result.ok and "also given to the question on line 2" in result.report.invalid[0].message
    assert not Question.objects.exists()


def test_id_numbers_survive_export_in_both_formats(quiz):
    questions_import(quiz=quiz, text="// [id:a\\]b]\n::A::Pick{=a ~b}\n", fmt="gift")
    for fmt in ("gift", "xml"):
        copy = Quiz.objects.create(title=f"Copy {fmt}")
        questions_import(quiz=copy, text=questions_export(quiz=quiz, fmt=fmt), fmt=fmt)
        assert Question.objects.get(quiz=copy).idnumber == "a]b"


# Grades Moodle refuses with "invalidgrade" (question_bank::fraction_options_full()).
OFF_LIST = [
    (
        "::Two:: Pick both.{~%35%a ~%65%b ~c}",
        [
            "35% is not one Moodle accepts (the nearest is 33.33333%)",
            "65% is not one Moodle accepts (the nearest is 66.66667%)",
        ],
    ),
    ("::Thirds:: Pick three.{~%33.33%a ~%33.33%b ~%33.34%c ~d}", ["33.33% is not one", "33.34% is not one"]),
    ("::Fifteen:: Pick one.{=a ~%15%b}", ["15% is not one Moodle accepts (the nearest is 14.28571%)"]),
]


@pytest.mark.parametrize("text,messages", OFF_LIST)
def test_grades_moodle_refuses_are_refused_with_the_nearest_named(quiz, text, messages):
    result = questions_import(quiz=quiz, text=text, fmt="gift")
    assert not result.ok and all(message in result.report.invalid[0].message for message in messages)
    assert not Question.objects.exists()


def test_moodles_invalid_grades_file_is_refused_or_rounded_on_request(quiz, capsys):
    refused = _import(quiz, "error_invalid_grades.xml")
    assert (
        not refused.ok and "option 2 grade 33% is not one Moodle accepts" in refused.report.invalid[0].message
    )
    rounded = _import(quiz, "error_invalid_grades.xml", grades="nearest")
    assert rounded.ok and any(
        "rounded: " in line and "33% rounded to 33.33333%" in line for line in rounded.lines()
    )
    fractions = [str(o.fraction) for o in Question.objects.get(quiz=quiz).options.all()]
    assert fractions == ["-50.00000", "33.33333", "33.33333", "-50.00000", "33.33333"]
    call_command(
        "import_questions", str(MOODLE / "error_invalid_grades.xml"), quiz=str(quiz.pk), grades="nearest"
    )
    assert "rounded: " in capsys.readouterr().out and Question.objects.count() == 2


def test_grades_within_moodles_tolerance_are_its_grades(quiz):
    questions_import(quiz=quiz, text="::T:: Pick three.{~%33.333%a ~%33.333%b ~%33.333%c ~d}", fmt="gift")
    assert {str(o.fraction) for o in Option.objects.filter(question__quiz=quiz)} == {"33.33333", "0.00000"}


def test_the_database_holds_only_moodles_grades(quiz):
    questions_write(
        quiz=quiz,
        questions=[bank.Question("Q", "single", "Q?", [bank.Option("a", 100), bank.Option("b", 0)])],
    )
    with pytest.raises(IntegrityError):
        Option.objects.filter(question__quiz=quiz, text="b").update(fraction=35)


@pytest.mark.parametrize("fmt", ["gift", "xml"])
def test_allowed_html_survives_a_round_trip(quiz, fmt):
    text = (
        '<p>See <a href="https://example.org/guide?a=1&amp;b=2">the <strong>guide</strong></a>, '
        '<a href="mailto:team@example.org">mail us</a> or <a href="/modules/girfec/">the module</a>.</p>'
        "<ul><li><em>x</em><sub>2</sub><sup>3</sup></li></ul>"
        "<pre>a = {b}</pre><blockquote>q: #1 ~ =</blockquote>"
    )
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question("Links", "single", text, [bank.Option(text, 100, text), bank.Option("b", 0)], text)
        ],
    )
    copy = Quiz.objects.create(title="Copy")
    assert questions_import(quiz=copy, text=questions_export(quiz=quiz, fmt=fmt), fmt=fmt).ok
    back = question_to_bank(Question.objects.get(quiz=copy))
    assert back.text == back.explanation == back.options[0].text == back.options[0].feedback == text
