"""Convert between bank questions (Django rows) and the format-neutral dataclasses of
assessments.quizzes.formats."""

from decimal import Decimal

from assessments.quizzes.formats import bank
from assessments.quizzes.formats.sanitise import clean_html


def question_to_bank(question, *, options=None, tags=None) -> bank.Question:
    """A Django Question as a bank.Question: with its saved options and tags, or (in the editor, before they
    are attached to it) with the Option rows and tag names given."""
    options = question.options.all() if options is None else options
    tags = [t.name for t in question.tags.all()] if tags is None else tags
    return bank.Question(
        name=question.name,
        qtype=question.qtype,
        text=question.text,
        options=[
            bank.Option(text=o.text, fraction=Decimal(o.fraction), feedback=o.feedback) for o in options
        ],
        explanation=question.explanation,
        tags=sorted(tags),
        shuffle=question.shuffle,
        idnumber=question.idnumber,
    )


def bank_to_fields(item: bank.Question) -> dict:
    """Field values for a Django Question from a parsed bank.Question (already sanitised by the parser)."""
    return {
        "name": item.name,
        "qtype": item.qtype,
        "text": item.text,
        "explanation": item.explanation,
        "shuffle": item.shuffle,
        "idnumber": item.idnumber,
    }


def snapshot_of(question) -> dict:
    """The frozen copy an attempt keeps of a question; option keys are stable within the attempt."""
    return {
        "name": question.name,
        "qtype": question.qtype,
        "text": question.text,
        "explanation": question.explanation,
        "options": [
            {
                "key": f"o{index}",
                "text": clean_html(o.text),
                "fraction": str(o.fraction),
                "feedback": clean_html(o.feedback),
            }
            for index, o in enumerate(question.options.all())
        ],
    }
