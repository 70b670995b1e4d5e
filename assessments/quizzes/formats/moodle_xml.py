"""Moodle XML question import and export.

Only ``multichoice`` (single or multiple response) and ``truefalse`` map onto
the bank; every other Moodle type is reported in ``ParseReport.skipped``.
A question's ``<idnumber>`` is its stable key; names may repeat.

Uploaded XML is untrusted, so documents with a DTD or entity declarations are
refused outright (XXE / "billion laughs"), and defusedxml's parser refuses them
again in case the textual check is bypassed. Its parser is the pure-Python
one, which exposes expat's line numbers that we report for every question
(the C-accelerated ``ElementTree.fromstring`` hides them).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from assessments.quizzes.formats.bank import (
    MAX_OPTIONS,
    MAX_QUESTIONS,
    Option,
    ParseReport,
    Problem,
    Question,
    category_tag,
    clean_name,
    clean_tag,
    match_grades,
    truefalse_options,
)
from assessments.quizzes.formats.sanitise import clean_html, plain_to_html

_FORBIDDEN_RE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PLAIN_FORMATS = {"plain_text", "markdown"}  # everything else may hold HTML
_TRUE_WORDS, _FALSE_WORDS = {"true", "1", "yes"}, {"false", "0", "no"}


class _Forbidden(Exception):
    def __init__(self, line: int) -> None:
        super().__init__("DTD and entity declarations are not allowed")
        self.line = line


class _LineRecorder(ET.TreeBuilder):
    """Builds the tree and notes the line on which each <question> starts."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[ET.Element, int] = {}
        self.expat = None  # set once the parser exists

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        if tag == "question":
            self.lines[element] = self.expat.CurrentLineNumber
        return element


def _build_tree(text: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """Parse ``text`` into an ElementTree, recording each <question>'s line.
    Raises _Forbidden for a DTD, entity declaration or external reference."""
    builder = _LineRecorder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser
    try:
        parser.feed(text)
        return parser.close(), builder.lines
    except DefusedXmlException:
        raise _Forbidden(parser.parser.CurrentLineNumber) from None


def _flag(element: ET.Element, tag: str, default: bool) -> bool:
    value = (element.findtext(tag) or "").strip().lower()
    return True if value in _TRUE_WORDS else False if value in _FALSE_WORDS else default


def _rich(node: ET.Element | None, default_format: str = "html") -> str:
    """Sanitised HTML from a ``<x format="..."><text>...</text></x>`` node."""
    if node is None:
        return ""
    text = node.findtext("text") or ""
    fmt = node.get("format", default_format)
    return plain_to_html(text) if fmt in _PLAIN_FORMATS else clean_html(text)


def _fraction(answer: ET.Element, index: int) -> Decimal:
    raw = answer.get("fraction", "0")
    try:
        return Decimal(raw.strip())
    except InvalidOperation:
        raise ValueError(f"answer {index} has a non-numeric fraction {raw!r}") from None


def _options(element: ET.Element) -> list[Option]:
    if len(element.findall("answer")) > MAX_OPTIONS:  # before any answer is sanitised
        raise ValueError(f"more than {MAX_OPTIONS} options")
    return [
        Option(_rich(answer), _fraction(answer, i), _rich(answer.find("feedback")))
        for i, answer in enumerate(element.findall("answer"), 1)
    ]


def _truefalse(element: ET.Element) -> list[Option]:
    by_word: dict[str, ET.Element] = {}
    for answer in element.findall("answer"):
        by_word[(answer.findtext("text") or "").strip().lower()] = answer
    if set(by_word) != {"true", "false"}:
        raise ValueError("true/false answers must be exactly 'true' and 'false'")
    options = truefalse_options(True)
    for index, (option, word) in enumerate(zip(options, ("true", "false"), strict=True), 1):
        option.fraction = _fraction(by_word[word], index)
        option.feedback = _rich(by_word[word].find("feedback"))
    return options


def _question(element: ET.Element, qtype: str, name: str, tags: list[str]) -> Question:
    question = Question(
        name=name,
        qtype="truefalse",
        text=_rich(element.find("questiontext")),
        options=[],
        explanation=_rich(element.find("generalfeedback")),
        tags=tags,
        shuffle=_flag(element, "shuffleanswers", True),
        idnumber=clean_name(element.findtext("idnumber") or ""),
    )
    if qtype == "truefalse":
        question.options = _truefalse(element)
    else:
        question.qtype = "single" if _flag(element, "single", True) else "multi"
        question.options = _options(element)
    return question


def parse_moodle_xml(text: str, *, grades: str = "error") -> ParseReport:
    """Parse a Moodle XML ``<quiz>`` document into a report.

    ``grades`` is Moodle's "match grades" option, as for ``parse_gift``."""
    report = ParseReport()
    text = text.lstrip("\ufeff")
    if _FORBIDDEN_RE.search(text):
        report.invalid.append(Problem("", 1, "DTD and entity declarations are not allowed"))
        return report
    try:
        root, lines = _build_tree(text)
    except _Forbidden as exc:
        report.invalid.append(Problem("", exc.line, str(exc)))
        return report
    except ET.ParseError as exc:
        report.invalid.append(Problem("", exc.position[0], f"malformed XML: {expat.ErrorString(exc.code)}"))
        return report
    if root.tag != "quiz":
        report.invalid.append(Problem("", 1, f"root element is <{root.tag}>, expected <quiz>"))
        return report
    category = ""
    for element in root.findall("question"):
        qtype, line = element.get("type", ""), lines[element]
        if len(report.questions) + len(report.skipped) + len(report.invalid) >= MAX_QUESTIONS:
            report.invalid.append(
                Problem(
                    "",
                    line,
                    f"a file can hold at most {MAX_QUESTIONS} questions: split it into smaller files",
                )
            )
            break
        if qtype == "category":
            # Moodle's pseudo-question: applies to the questions after it.
            category = clean_tag(category_tag(element.findtext("category/text") or ""))
            continue
        name = clean_name(element.findtext("name/text") or "")
        if qtype not in ("multichoice", "truefalse"):
            report.skipped.append(Problem(name, line, f"{qtype or 'untyped'} questions are not supported"))
            continue
        own_tags = [clean_tag(t.text or "") for t in element.findall("tags/tag/text")]
        tags = [t for t in dict.fromkeys([category] + own_tags) if t]
        try:
            question = _question(element, qtype, name, tags)
        except ValueError as exc:
            report.invalid.append(Problem(name, line, str(exc)))
            continue
        question.line = line
        report.add(question, match_grades(question, grades))
    return report


def _text_node(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = value
    return node


def _answer(parent: ET.Element, option: Option, text: str, fmt: str) -> None:
    fraction = format(option.fraction.normalize(), "f")
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": fmt})
    ET.SubElement(answer, "text").text = text
    _text_node(answer, "feedback", option.feedback)


def _export_question(quiz: ET.Element, q: Question) -> None:
    moodle_type = "truefalse" if q.qtype == "truefalse" else "multichoice"
    element = ET.SubElement(quiz, "question", {"type": moodle_type})
    _text_node(element, "name", q.name, fmt=None)
    _text_node(element, "questiontext", q.text)
    _text_node(element, "generalfeedback", q.explanation)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if q.qtype == "truefalse" else "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    if q.idnumber:
        ET.SubElement(element, "idnumber").text = q.idnumber
    if q.qtype != "truefalse":
        ET.SubElement(element, "single").text = "true" if q.qtype == "single" else "false"
    # Moodle ignores shuffleanswers on true/false; we keep it for round trips.
    ET.SubElement(element, "shuffleanswers").text = "true" if q.shuffle else "false"
    if q.qtype != "truefalse":
        ET.SubElement(element, "answernumbering").text = "abc"
    for option in q.options:
        if q.qtype == "truefalse":
            _answer(element, option, option.text.lower(), "moodle_auto_format")
        else:
            _answer(element, option, option.text, "html")
    if q.tags:
        tags = ET.SubElement(element, "tags")
        for tag in q.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def export_moodle_xml(questions: list[Question]) -> str:
    """Serialise questions as a Moodle XML ``<quiz>`` document."""
    quiz = ET.Element("quiz")
    for question in questions:
        _export_question(quiz, question)
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
