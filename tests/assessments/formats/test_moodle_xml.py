"""Moodle XML import/export against hand-written fixtures in ``data/``.

Round-trip properties for Moodle XML are in test_bank.py (shared generator).
"""

import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.quizzes.formats import (
    Option,
    Question,
    export_moodle_xml,
    parse_moodle_xml,
    truefalse_options,
    validate_question,
)

DATA = Path(__file__).parent / "data"


def load(name):
    return parse_moodle_xml((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    return load("all_types.xml")


@pytest.fixture(scope="module")
def by_name(report):
    return {q.name: q for q in report.questions}


def test_all_types_counts_and_lines(report):
    assert report.ok and report.invalid == []
    assert [(q.name, q.qtype, q.line) for q in report.questions] == [
        ("Unit of force", "single", 9),
        ("Vector quantities", "multi", 42),
        ("Light speed", "truefalse", 59),
        ("Lens", "truefalse", 84),
    ]
    assert [(p.name, p.line) for p in report.skipped] == [
        ("Essay", 90),
        ("Matching", 94),
        ("Numerical", 98),
        ("Short answer", 103),
        ("Cloze", 108),
        ("Description", 112),
        ("Drag and drop", 116),
        ("Gap select", 120),
        ("Calculated", 124),
    ]
    assert report.skipped[4].message == "multianswer questions are not supported"


def test_single_with_partial_credit_html_and_no_shuffle(by_name):
    q = by_name["Unit of force"]
    assert q.text == "<p>What is the SI unit of <b>force</b>?</p>"  # <script> removed
    assert q.explanation == "<p>Named after Isaac Newton.</p>"  # onmouseover removed
    assert [o.fraction for o in q.options] == [100, 50, Decimal("-33.33333")]
    assert q.options[1].text == "kg·m/s<sup>2</sup>"
    assert q.options[2].feedback == "That is energy."
    assert q.shuffle is False


def test_category_and_tags(by_name):
    assert by_name["Unit of force"].tags == ["Physics", "mechanics", "units"]
    assert by_name["Vector quantities"].tags == ["Physics"]
    assert by_name["Light speed"].tags == ["Physics", "relativity"]
    assert by_name["Lens"].tags == ["Optics"]  # the later category wins


def test_multi_and_plain_text_format(by_name):
    q = by_name["Vector quantities"]
    assert q.text == "Which are vectors? (a &lt; b &amp; c)"
    assert sum(o.fraction for o in q.options if o.fraction > 0) == Decimal("99.99999")
    assert q.shuffle is True


def test_truefalse_is_normalised_to_true_then_false(by_name):
    q = by_name["Light speed"]  # the file lists the false answer first
    assert q.options == truefalse_options(True, "Yes.", "It is true.")
    assert q.explanation == "Special relativity."


@pytest.mark.parametrize(
    "name, line, message",
    [
        ("Sum too high", 3, "sum to 120, not 100"),
        ("No full marks", 11, "at least one option worth 100%"),
        ("Not a number", 18, "non-numeric fraction 'lots'"),
        ("Missing false", 24, "exactly 'true' and 'false'"),
        ("", 29, "name is empty; question text is empty"),
    ],
)
def test_invalid_questions(name, line, message):
    report = load("invalid.xml")
    problems = {p.name: p for p in report.invalid}
    assert problems[name].line == line and message in problems[name].message
    assert [q.name for q in report.questions] == ["Valid after errors"]


def test_xxe_document_is_refused_before_parsing():
    report = load("xxe.xml")
    assert report.questions == [] and report.skipped == []
    assert [(p.line, p.message) for p in report.invalid] == [
        (1, "DTD and entity declarations are not allowed")
    ]


def test_billion_laughs_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;">]><quiz>&lol2;</quiz>'
    )
    assert parse_moodle_xml(bomb).invalid[0].line == 1


def test_undeclared_entity_is_malformed_not_expanded():
    report = parse_moodle_xml('<quiz>\n<question type="truefalse">&xxe;</question></quiz>')
    assert (report.invalid[0].line, "undefined entity" in report.invalid[0].message) == (2, True)


def test_malformed_xml_reports_parser_line():
    text = '<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n    <name><text>x</name>\n</quiz>'
    report = parse_moodle_xml(text)
    assert len(report.invalid) == 1 and report.invalid[0].line == 4
    assert report.invalid[0].message.startswith("malformed XML")


def test_wrong_root_element():
    assert "expected <quiz>" in parse_moodle_xml("<questions/>").invalid[0].message


def test_questions_on_one_line_and_declared_encoding():
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><quiz><question type="truefalse">'
        "<name><text>Café</text></name><questiontext><text>Hot?</text></questiontext>"
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer>'
        "</question></quiz>"
    )
    [q] = parse_moodle_xml(text).questions
    assert (q.name, q.line) == ("Café", 1)


def test_export_is_moodle_shaped():
    questions = [
        Question("S", "single", "<p>a &amp; b</p>", [Option("x", 100), Option("y", -50, "no")], tags=["t"]),
        Question("M", "multi", "m", [Option("x", 50), Option("y", 50)], shuffle=False),
        Question("T", "truefalse", "t", truefalse_options(False)),
    ]
    assert all(validate_question(q) == [] for q in questions)
    quiz = ET.fromstring(export_moodle_xml(questions))
    single, multi, tf = quiz.findall("question")
    assert [q.get("type") for q in (single, multi, tf)] == ["multichoice", "multichoice", "truefalse"]
    assert single.findtext("single") == "true" and multi.findtext("single") == "false"
    assert multi.findtext("shuffleanswers") == "false"
    assert single.findtext("questiontext/text") == "<p>a &amp; b</p>"
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "-50"]
    assert [a.findtext("text") for a in tf.findall("answer")] == ["true", "false"]
    assert single.findtext("tags/tag/text") == "t"


XML_BITS = st.sampled_from(
    [
        "<quiz>",
        "</quiz>",
        '<question type="multichoice">',
        '<question type="truefalse">',
        "</question>",
        '<answer fraction="100">',
        "</answer>",
        "<text>",
        "</text>",
        "<single>false</single>",
        "\n",
        "&amp;",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(XML_BITS, st.text(max_size=5)), max_size=25).map("".join))
def test_parser_never_crashes(text):
    report = parse_moodle_xml(text)
    assert all(validate_question(q) == [] for q in report.questions)


def test_expat_handlers_refuse_doctype_even_if_the_text_check_is_bypassed():
    from assessments.quizzes.formats.moodle_xml import _build_tree, _Forbidden

    with pytest.raises(_Forbidden):
        _build_tree('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "b">]><quiz/>')
