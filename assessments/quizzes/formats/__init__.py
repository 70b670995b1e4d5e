"""Portable question banks: GIFT and Moodle XML import/export.

Pure Python (stdlib + nh3), no Django: the app layer maps these dataclasses
onto its models. Typical use::

    report = parse_gift(uploaded_text)
    if report.ok:
        save(report.questions)
    for problem in report.skipped + report.invalid:
        warn(problem.line, problem.name, problem.message)
"""

from assessments.quizzes.formats.bank import (
    QTYPES,
    Option,
    ParseReport,
    Problem,
    Question,
    clean_name,
    clean_tag,
    truefalse_options,
    validate_question,
)
from assessments.quizzes.formats.gift import export_gift, parse_gift
from assessments.quizzes.formats.moodle_xml import export_moodle_xml, parse_moodle_xml
from assessments.quizzes.formats.sanitise import clean_html, plain_to_html

__all__ = [
    "QTYPES",
    "Option",
    "ParseReport",
    "Problem",
    "Question",
    "clean_html",
    "clean_name",
    "clean_tag",
    "export_gift",
    "export_moodle_xml",
    "parse_gift",
    "parse_moodle_xml",
    "plain_to_html",
    "truefalse_options",
    "validate_question",
]
