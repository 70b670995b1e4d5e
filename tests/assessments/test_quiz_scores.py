"""Scores read as people write them: "100%", "85%", "87.5%", never "100.00%" (#15, finding 4)."""

from decimal import Decimal

import pytest

from assessments.templatetags.quiz_scores import percent


@pytest.mark.parametrize(
    "score,shown",
    [
        (Decimal("100.00"), "100%"),
        (Decimal("85.00"), "85%"),
        (Decimal("87.50"), "87.5%"),
        (Decimal("66.67"), "66.67%"),
        (Decimal("0.00"), "0%"),
        (None, ""),
    ],
)
def test_a_score_shows_decimals_only_when_it_has_them(score, shown):
    assert percent(score) == shown
