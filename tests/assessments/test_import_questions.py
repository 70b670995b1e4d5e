"""import_questions / export_questions: every supported and unsupported type, all-or-nothing, round trips."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Option, Question, Quiz
from assessments.quizzes.bank_mapping import question_to_bank
from assessments.quizzes.services.imports import questions_export, questions_import

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "formats" / "data"


def _bank(quiz):
    return [
        question_to_bank(q)
        for q in Question.objects.filter(quiz=quiz).prefetch_related("options", "tags").order_by("name")
    ]


@pytest.mark.parametrize("filename,imported,skipped", [("all_types.gift", 13, 5), ("all_types.xml", 4, 9)])
def test_command_imports_supported_and_reports_skipped(quiz, capsys, filename, imported, skipped):
    call_command("import_questions", str(DATA / filename), quiz=str(quiz.pk))
    out = capsys.readouterr().out
    assert Question.objects.filter(quiz=quiz).count() == imported
    assert out.count("imported: ") == imported and out.count("skipped: ") == skipped
    assert "(line " in out
    for kind in ("essay", "match", "numerical"):
        assert kind in out.lower()


@pytest.mark.parametrize("filename", ["invalid_fractions.gift", "invalid.xml", "xxe.xml"])
def test_invalid_file_changes_nothing_and_exits_non_zero(quiz, fill_bank, capsys, filename):
    fill_bank(quiz, count=3)
    before = (
        list(Question.objects.values_list("pk", "name", "text")),
        list(Option.objects.values_list("pk", "fraction")),
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_questions", str(DATA / filename), quiz=quiz.title)
    assert "invalid: " in capsys.readouterr().out
    after = (
        list(Question.objects.values_list("pk", "name", "text")),
        list(Option.objects.values_list("pk", "fraction")),
    )
    assert after == before


def test_dry_run_writes_nothing(quiz, capsys):
    call_command("import_questions", str(DATA / "all_types.gift"), quiz=str(quiz.pk), dry_run=True)
    assert "would import: " in capsys.readouterr().out
    assert not Question.objects.exists()


def test_reimport_updates_questions_with_an_id_number_and_adds_the_others_again(quiz):
    """Names are not keys (issue #14): as in Moodle, a file's questions are new questions unless they carry an
    ID number the bank has (the file's "// [id:chem-1]"); the report warns of each repeated name."""
    text = (DATA / "all_types.gift").read_text()
    questions_import(quiz=quiz, text=text, fmt="gift")
    ids = set(Question.objects.values_list("pk", flat=True))
    result = questions_import(quiz=quiz, text=text, fmt="gift")
    assert set(Question.objects.values_list("pk", flat=True)) > ids and Question.objects.count() == 13 + 12
    assert result.updated == {"chem-1"}
    assert sum("the bank already has one of this name" in line for line in result.lines()) == 12


def test_unknown_quiz_and_extension_are_clear_errors(quiz, tmp_path):
    with pytest.raises(CommandError, match="No quiz"):
        call_command("import_questions", str(DATA / "all_types.gift"), quiz="nope")
    bad = tmp_path / "bank.docx"
    bad.write_text("x")
    with pytest.raises(CommandError, match=r"Use a \.gift"):
        call_command("import_questions", str(bad), quiz=str(quiz.pk))


@pytest.mark.parametrize(
    "fmt,source", [("gift", "all_types.gift"), ("xml", "all_types.xml"), ("xml", "all_types.gift")]
)
def test_export_then_import_gives_the_same_bank(quiz, fmt, source):
    questions_import(
        quiz=quiz, text=(DATA / source).read_text(), fmt="gift" if source.endswith("gift") else "xml"
    )
    exported = questions_export(quiz=quiz, fmt=fmt)
    copy = Quiz.objects.create(title="Copy")
    assert questions_import(quiz=copy, text=exported, fmt=fmt).ok
    assert _bank(copy) == _bank(quiz)


def test_seed_quizzes_have_at_least_eight_valid_questions(seeded_site):
    from assessments.quizzes.formats.bank import validate_question
    from assessments.quizzes.seed import seed_quizzes_install

    seed_quizzes_install()
    assert seed_quizzes_install() == 0  # idempotent
    for module in seeded_site:
        quiz = Quiz.objects.get(module=module)
        bank = _bank(quiz)
        assert len(bank) >= 8 and 5 <= quiz.questions_per_attempt <= len(bank)  # as the JSON says
        assert all(validate_question(q) == [] for q in bank)
