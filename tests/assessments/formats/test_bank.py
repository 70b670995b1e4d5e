"""Bank validation rules, plus property tests that any valid bank survives
export and re-import through both formats unchanged.

The round-trip properties live here (not in the per-format test files) so
that one question generator serves both formats without a shared helper
module.
"""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.quizzes.formats import (
    Option,
    ParseReport,
    Problem,
    Question,
    clean_html,
    clean_name,
    clean_tag,
    export_gift,
    export_moodle_xml,
    parse_gift,
    parse_moodle_xml,
    truefalse_options,
    validate_question,
)
from assessments.quizzes.formats.bank import MOODLE_GRADES, category_tag


def single(**overrides):
    fields = {
        "name": "Q",
        "qtype": "single",
        "text": "<p>Pick</p>",
        "options": [Option("a", Decimal(100)), Option("b", Decimal(0))],
    }
    return Question(**{**fields, **overrides})


def multi(*fractions):
    options = [Option(f"o{i}", Decimal(f)) for i, f in enumerate(fractions)]
    return Question("M", "multi", "Pick all", options)


# --- validation -----------------------------------------------------------


def test_valid_single_with_partial_credit_and_negative_marks():
    q = single(options=[Option("a", Decimal(100)), Option("b", Decimal(50)), Option("c", Decimal(-100))])
    assert validate_question(q) == []


@pytest.mark.parametrize(
    "options, message",
    [
        ([Option("a", Decimal(50)), Option("b", Decimal(0))], "at least one option worth 100%"),
        ([Option("a", Decimal(100))], "at least 2 options"),
        ([Option("a", Decimal(100)), Option("b", Decimal(-101))], "outside -100..100"),
        ([Option("a", Decimal(100)), Option("", Decimal(0))], "option 2 has no text"),
        ([Option("a", Decimal(100)), Option("b", Decimal("NaN"))], "outside -100..100"),
        ([Option("a", Decimal(100)), Option("<script>x</script>b", Decimal(0))], "not sanitised"),
    ],
)
def test_single_choice_errors(options, message):
    assert any(message in error for error in validate_question(single(options=options)))


@pytest.mark.parametrize(
    "fractions",
    [
        ("50", "50", "0"),
        ("33.33333", "33.33333", "33.33333", "-100"),
        ("14.28571",) * 7 + ("-50",),
        ("100", "-100"),
    ],
)
def test_multi_positive_fractions_sum_to_100(fractions):
    assert validate_question(multi(*fractions)) == []


@pytest.mark.parametrize("fractions", [("50", "20", "0"), ("60", "60"), ("99.98", "0"), ("0", "-100")])
def test_multi_fractions_that_cannot_add_up(fractions):
    assert any("sum to" in error for error in validate_question(multi(*fractions)))


def test_truefalse_rules():
    good = Question("TF", "truefalse", "Sky is blue", truefalse_options(False, "no", "yes"))
    assert validate_question(good) == []
    swapped = Question("TF", "truefalse", "x", list(reversed(truefalse_options(True))))
    assert any('"True" then "False"' in e for e in validate_question(swapped))
    both = Question("TF", "truefalse", "x", [Option("True", Decimal(100)), Option("False", Decimal(100))])
    assert any("one option at 100%" in e for e in validate_question(both))


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": " "}, "name is empty"),
        ({"name": " padded"}, "surrounding space"),
        ({"text": ""}, "question text is empty"),
        ({"text": "a < b"}, "not sanitised"),
        ({"explanation": "<p onclick='x()'>e</p>"}, "not sanitised"),
        ({"qtype": "essay"}, "unknown question type"),
        ({"tags": ["ok", "ok"]}, "duplicates"),
        ({"tags": ["<b>"]}, "tag"),
        ({"tags": [" x"]}, "tag"),
    ],
)
def test_general_errors(overrides, message):
    assert any(message in error for error in validate_question(single(**overrides)))


def test_option_coerces_numbers_to_decimal_and_line_is_not_compared():
    assert Option("a", 33.3).fraction == Decimal("33.3")
    assert Option("a", 100).fraction == Decimal(100)
    assert single(line=3) == single(line=99)


def test_report_ok_means_no_invalid_questions():
    assert ParseReport().ok
    assert ParseReport(skipped=[Problem("x", 1, "essay")]).ok
    assert not ParseReport(invalid=[Problem("x", 1, "bad")]).ok


@pytest.mark.parametrize(
    "path, tag",
    [
        ("$course$/top/Algebra", "Algebra"),
        ("Algebra", "Algebra"),
        ("$course$/top/Maths//Stats", "Maths/Stats"),
        ("$course$/top/A/B ", "B"),
    ],
)
def test_category_tag_is_last_segment(path, tag):
    assert category_tag(path) == tag


# --- generators of valid questions ------------------------------------------

# Fragments that stress both formats: GIFT specials and escapes, format
# markers, comment and category markers, HTML that must be sanitised.
SNIPPETS = [
    "<p>",
    "</p>",
    "<b>bold</b>",
    "<em>",
    "<br>",
    "<ul><li>item</li></ul>",
    "<sub>2</sub>",
    '<a href="https://example.org/?a=1&b=2">link</a>',
    "<script>alert(1)</script>",
    "<pre>\n\ncode</pre>",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "\n",
    "\t",
    "//",
    "[plain]",
    "[html]",
    "->",
    "####",
    "$CATEGORY:",
    "::",
    "%50%",
    "\\n",
    "\\",
    "_____",
    "T",
    "TRUE",
    "]]>",
    "&#1;",
]
fragment = st.one_of(
    st.text(max_size=12),
    st.sampled_from(SNIPPETS),
    st.text(alphabet="~=#{}:\\%[]<>&\"' \n", max_size=6),
)
rich = st.lists(fragment, max_size=5).map("".join).map(clean_html)
nonempty_rich = rich.filter(bool)
names = st.lists(fragment, min_size=1, max_size=3).map("".join).map(clean_name).filter(bool)
tag_text = st.one_of(
    st.text(min_size=1, max_size=15), st.sampled_from(["a]b", "x\\", "[tag:y]", "[shuffle:false]"])
)
tag_lists = st.lists(tag_text.map(clean_tag).filter(bool), unique=True, max_size=3)
# Only Moodle's grades are valid (question_bank::fraction_options_full()), in any spelling of them.
fractions = st.one_of(
    st.sampled_from([Decimal("100.000"), Decimal("-0")]),
    st.sampled_from(MOODLE_GRADES),
)
non_positive = st.sampled_from([g for g in MOODLE_GRADES if g <= 0])
# Positive weights of multiple response questions that Moodle accepts: they add up to 100.
MULTI_WEIGHTS = [
    ["100"],
    ["50", "50"],
    ["75", "25"],
    ["66.66667", "33.33333"],
    ["83.33333", "16.66667"],
    ["90", "10"],
    ["33.33333"] * 3,
    ["50", "25", "25"],
    ["40", "30", "30"],
    ["60", "20", "20"],
    ["25"] * 4,
    ["40", "20", "20", "20"],
    ["70", "10", "10", "10"],
    ["14.28571"] * 7,
]
idnumbers = st.one_of(st.just(""), names.map(lambda name: clean_name(name[:100])).filter(str.isprintable))


def option_texts(n):
    return st.lists(
        st.one_of(nonempty_rich, st.sampled_from(["%5% off", "[plain]x", "=a", "~b", "#c"])),
        min_size=n,
        max_size=n,
    )


@st.composite
def choice_options(draw, qtype):
    if qtype == "single":
        grades = draw(st.lists(fractions, min_size=1, max_size=4)) + [Decimal(100)]
    else:
        weights = [Decimal(w) for w in draw(st.sampled_from(MULTI_WEIGHTS))]
        others = draw(st.lists(non_positive, min_size=max(0, 2 - len(weights)), max_size=3))
        grades = weights + others
    grades = draw(st.permutations(grades))
    texts = draw(option_texts(len(grades)))
    feedback = draw(st.lists(rich, min_size=len(grades), max_size=len(grades)))
    return [Option(t, g, f) for t, g, f in zip(texts, grades, feedback, strict=True)]


@st.composite
def questions(draw):
    qtype = draw(st.sampled_from(["single", "multi", "truefalse"]))
    if qtype == "truefalse":
        options = truefalse_options(draw(st.booleans()), draw(rich), draw(rich))
    else:
        options = draw(choice_options(qtype))
    question = Question(
        draw(names),
        qtype,
        draw(nonempty_rich),
        options,
        draw(rich),
        draw(tag_lists),
        draw(st.booleans()),
        draw(idnumbers),
    )
    assert validate_question(question) == [], "generator produced an invalid question"
    return question


# A file gives each ID number to one question at most.
banks = st.lists(questions(), max_size=4, unique_by=lambda q: q.idnumber or object())
ROUND_TRIP = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- round trips ---------------------------------------------------------------


def assert_clean_report(report, expected):
    assert report.invalid == [] and report.skipped == []
    assert report.questions == expected


@ROUND_TRIP
@given(banks)
def test_gift_round_trip(bank):
    assert_clean_report(parse_gift(export_gift(bank)), bank)


@ROUND_TRIP
@given(banks)
def test_moodle_xml_round_trip(bank):
    assert_clean_report(parse_moodle_xml(export_moodle_xml(bank)), bank)


@settings(max_examples=100, deadline=None)
@given(banks)
def test_gift_to_xml_to_gift(bank):
    via_xml = parse_moodle_xml(export_moodle_xml(parse_gift(export_gift(bank)).questions))
    assert_clean_report(parse_gift(export_gift(via_xml.questions)), bank)


def test_a_tag_that_looks_like_an_id_number_stays_a_tag():
    """Found by the round trip above: the tag "[id:0" was read back as the question's ID number."""
    [question] = parse_gift("// [tag:[id:0]\n::Q::Is it?{T}\n").questions
    assert (question.tags, question.idnumber) == (["[id:0"], "")


@settings(max_examples=50, deadline=None)
@given(banks)
def test_reported_lines_point_at_each_question(bank):
    gift, xml = export_gift(bank), export_moodle_xml(bank)
    gift_lines, xml_lines = gift.split("\n"), xml.split("\n")
    for question in parse_gift(gift).questions:
        assert gift_lines[question.line - 1].startswith("::")
    for question in parse_moodle_xml(xml).questions:
        assert xml_lines[question.line - 1].lstrip().startswith("<question ")
