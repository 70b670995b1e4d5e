"""Scoring, on the server only: plain functions over frozen question snapshots.

A question's mark is the sum of the fractions of the options chosen, as Moodle does (negative fractions
take marks away), kept within 0..1; the attempt's score is the mean mark as a percentage. Neither depends
on the order options were shown in.
"""

from decimal import ROUND_HALF_UP, Decimal

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)


def question_mark(snapshot: dict, selected_keys) -> Decimal:
    chosen = set(selected_keys)
    if snapshot["qtype"] != "multi" and len(chosen) > 1:
        return ZERO  # a single answer was expected; a forged multi-answer earns nothing
    total = sum((Decimal(o["fraction"]) for o in snapshot["options"] if o["key"] in chosen), ZERO) / HUNDRED
    return min(ONE, max(ZERO, total))


def attempt_score(marks) -> Decimal:
    marks = list(marks)
    if not marks:
        return ZERO
    return (sum(marks, ZERO) / len(marks) * HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def correct_keys(snapshot: dict) -> list[str]:
    return [o["key"] for o in snapshot["options"] if Decimal(o["fraction"]) > 0]
