"""The review threshold as a percentage: read from what people type, shown without noise."""

from __future__ import annotations

import pytest

from advisoros_desktop.domain.threshold_percent import parse_threshold_percent, percent_text


@pytest.mark.parametrize(
    ("threshold", "text"), [(0.9, "90"), (0.5, "50"), (1.0, "100"), (0.925, "92.5")]
)
def test_a_threshold_reads_as_a_percentage(threshold: float, text: str) -> None:
    assert percent_text(threshold) == text


@pytest.mark.parametrize(
    ("typed", "threshold"),
    [("85", 0.85), ("85%", 0.85), (" 92.5 % ", 0.925), ("92,5", 0.925), ("50", 0.5), ("100", 1.0)],
)
def test_percentages_in_range_are_read_as_fractions(typed: str, threshold: float) -> None:
    assert parse_threshold_percent(typed) == pytest.approx(threshold)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "Type a percentage from 50 to 100"),
        ("45", "cannot be below 50 %"),
        ("0.9", "cannot be below 50 %"),
        ("101", "cannot be above 100 %"),
        ("92.25", "at most one decimal"),
        ("ninety", "“ninety” is not a percentage"),
        ("-80", "“-80” is not a percentage"),
    ],
)
def test_a_refused_percentage_says_why(typed: str, reason: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_threshold_percent(typed)
    assert reason in str(refused.value)
