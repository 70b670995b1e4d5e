"""GIFT import/export against hand-written fixtures in ``data/``.

Round-trip properties for GIFT are in test_bank.py (shared generator).
"""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.quizzes.formats import (
    Option,
    Question,
    export_gift,
    parse_gift,
    truefalse_options,
    validate_question,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def report():
    return parse_gift((DATA / "all_types.gift").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_name(report):
    return {q.name: q for q in report.questions}


def test_all_types_counts(report):
    assert report.ok and report.invalid == []
    assert len(report.questions) == 13
    assert [(p.name, p.line) for p in report.skipped] == [
        ("Essay", 58),
        ("Matching", 60),
        ("Numerical", 66),
        ("Short answer", 68),
        ("Description", 70),
    ]
    assert "matching" in report.skipped[1].message


def test_lines_are_the_first_line_of_each_question(report):
    lines = (DATA / "all_types.gift").read_text(encoding="utf-8").split("\n")
    for question in report.questions:
        assert question.name in lines[question.line - 1] or "_____" in question.name


def test_single_choice_with_feedback_and_general_feedback(by_name):
    q = by_name["Noble gas"]
    assert (q.qtype, q.line) == ("single", 8)
    assert [(o.text, o.fraction) for o in q.options] == [("Neon", 100), ("Sodium", 0), ("Chlorine", 0)]
    assert q.options[0].feedback == "Correct, neon is in group 18."
    assert q.explanation == "Noble gases sit in the last column of the periodic table."


def test_category_and_comment_tags(by_name):
    assert by_name["Noble gas"].tags == ["Chemistry", "periodic table"]
    assert by_name["Ice"].tags == ["Chemistry"]
    # A later $CATEGORY replaces the earlier one; last path segment only.
    assert by_name["Escapes"].tags == ["Lab safety", "safety", "periodic table"]


def test_partial_credit_and_negative_marks(by_name):
    q = by_name["Partial credit"]
    assert q.qtype == "single"
    assert [o.fraction for o in q.options] == [100, 50, -25]


def test_weights_without_equals_make_multiple_response(by_name):
    q = by_name["Primes"]
    assert q.qtype == "multi"
    assert [o.fraction for o in q.options] == [Decimal("33.33333")] * 3 + [-100]
    assert q.options[3].feedback == "9 = 3 × 3"
    assert q.text == "<p>Select <strong>all</strong> prime numbers.</p>"


@pytest.mark.parametrize(
    "name, correct, true_fb, false_fb, explanation",
    [
        ("Sky", True, "", "", ""),
        ("Water wet", True, "", "", ""),
        ("Ice", False, "", "", ""),
        # {FALSE#wrong#right}: "wrong" is shown to whoever answers True.
        ("Fire", False, "Fire is hot.", "Right, it is hot.", "Combustion releases heat."),
    ],
)
def test_true_false(by_name, name, correct, true_fb, false_fb, explanation):
    q = by_name[name]
    assert q.qtype == "truefalse"
    assert q.options == truefalse_options(correct, true_fb, false_fb)
    assert q.explanation == explanation


def test_escapes(by_name):
    q = by_name["Escapes"]
    assert q.text == "In GIFT, write { and } as shown; 1 = one: really #1 ~ approx.\nSecond line."
    assert q.options[0].text == "Use a backslash \\ before ~, = and #"


def test_html_is_sanitised(by_name):
    q = by_name["XSS"]
    assert q.text == "<p>Which is safe?</p>"
    assert [o.text for o in q.options] == [
        "<b>Goggles</b>",
        "<a>Bare hands</a>",
        '<a href="https://example.org/gloves">Gloves</a>',
    ]


def test_text_formats(by_name):
    assert by_name["Plain"].text == "Is 1 &lt; 2 &amp; 3 &gt; 2 true?"
    assert by_name["Markdown"].text == "Is *this* escaped like plain text?"
    assert by_name["Moodle format"].text == "Choose <em>one</em>."


def test_missing_word_gets_a_blank_and_a_default_name(by_name):
    name = "The chemical symbol for gold is _____ in the periodic table."
    q = by_name[name]
    assert (q.text, q.qtype, q.options[0].text) == (name, "single", "Au")


@pytest.mark.parametrize(
    "name, line, message",
    [
        ("Sum too low", 3, "sum to 70, not 100"),
        ("No right answer", 9, "at least one option worth 100%"),
        ("Over 100", 11, "150 is outside -100..100"),
        ("Bad weight", 13, "bad weight %lots%"),
        ("Unclosed", 15, "unclosed '{'"),
        ("::Unclosed name Pick one.{=a ~b}", 17, "missing its closing '::'"),
        ("Two blocks", 19, "more than one answer block"),
        ("Stray", 21, "'}' without a matching '{'"),
        ("Empty option", 23, "option 2 has no text"),
        ("One option", 25, "at least 2 options"),
    ],
)
def test_invalid_questions_are_reported_with_line_and_message(name, line, message):
    report = parse_gift((DATA / "invalid_fractions.gift").read_text(encoding="utf-8"))
    problems = {p.name: p for p in report.invalid}
    assert problems[name].line == line and message in problems[name].message
    assert not report.ok
    assert [q.name for q in report.questions] == ["Valid after errors"]


def test_moodle_rule_no_equals_sign_means_multiple_response():
    # Moodle exports a multi-answer question with one right answer this way.
    q = parse_gift("::M::Pick{~%100%a ~b}").questions[0]
    assert q.qtype == "multi"


def test_crlf_bom_and_comment_lines_inside_a_question():
    text = "\ufeff// header\r\n::A::Pick\r\n// note\r\n{=x ~y}\r\n\r\n::B::Next{T}\r\n"
    report = parse_gift(text)
    assert [(q.name, q.line) for q in report.questions] == [("A", 2), ("B", 6)]


def test_export_escapes_and_extensions():
    q = Question(
        "a:b",
        "single",
        "1 = 1 {really} #",
        [Option("%5% off", 0), Option("[plain]x", 100)],
        tags=["t]x"],
        shuffle=False,
    )
    assert validate_question(q) == []
    out = export_gift([q])
    assert "// [tag:t\\]x]" in out and "// [shuffle:false]" in out
    assert "::a\\:b::[html]1 \\= 1 \\{really\\} \\#{" in out
    assert "~%0%%5% off" in out and "=[html][plain]x" in out
    assert parse_gift(out).questions == [q]


def test_single_choice_with_every_option_right_is_not_read_back_as_short_answer():
    q = Question("All", "single", "Any", [Option("a", 100), Option("b", 100)])
    assert "~%100%b" in export_gift([q]) and parse_gift(export_gift([q])).questions == [q]


def test_export_truefalse_feedback_layout():
    q = Question("TF", "truefalse", "Sky is green", truefalse_options(False, "", "Right"), "General")
    assert "{FALSE##Right####General}" in export_gift([q])


GIFT_BITS = st.sampled_from(
    [
        "::",
        "{",
        "}",
        "~",
        "=",
        "#",
        "####",
        "%",
        "%50%",
        "->",
        "\\",
        "\n",
        "\n\n",
        "//",
        "$CATEGORY: a/b",
        "T",
        "[html]",
        "[plain]",
        "<p>",
        " ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(GIFT_BITS, st.text(max_size=5)), max_size=30).map("".join))
def test_parser_never_crashes_and_only_returns_valid_questions(text):
    report = parse_gift(text)
    line_count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for question in report.questions:
        assert validate_question(question) == []
    for item in report.questions + report.skipped + report.invalid:
        assert 1 <= item.line <= line_count
