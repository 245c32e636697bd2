"""The firm's review threshold as people type and read it: a percentage, 50 to 100.

The server keeps the threshold as a fraction (0.90); accountants think of
confidence as "90 %". The settings page shows and reads percentages here,
with the same bounds the server enforces (``domain.firm_settings``), so a
value the server would refuse is explained before it is sent.
"""

from __future__ import annotations

import re

from advisoros_desktop.domain.firm_settings import (
    HIGHEST_REVIEW_THRESHOLD,
    LOWEST_REVIEW_THRESHOLD,
)

LOWEST_PERCENT = round(LOWEST_REVIEW_THRESHOLD * 100)
HIGHEST_PERCENT = round(HIGHEST_REVIEW_THRESHOLD * 100)
_NUMBER = re.compile(r"(\d{1,3})(?:[.,](\d+))?")
_RANGE = f"from {LOWEST_PERCENT} to {HIGHEST_PERCENT}, like 90"


def percent_text(threshold: float) -> str:
    """``0.9`` → ``90``; ``0.925`` → ``92.5`` (no trailing zeros)."""
    return f"{threshold * 100:.1f}".removesuffix(".0")


def parse_threshold_percent(text: str) -> float:
    """The threshold, as a fraction, that ``text`` (``85``, ``92.5 %``) names.

    Raises ValueError with a sentence the person can act on: the field shows it.
    """
    typed = text.strip().removesuffix("%").strip()
    if not typed:
        raise ValueError(f"Type a percentage {_RANGE}.")
    match = _NUMBER.fullmatch(typed)
    if match is None:
        raise ValueError(f"“{text.strip()}” is not a percentage; type one {_RANGE}.")
    whole, decimals = match.group(1), match.group(2) or ""
    if len(decimals) > 1:
        raise ValueError("Type the percentage with at most one decimal, like 92.5.")
    percent = float(f"{whole}.{decimals or '0'}")
    if percent < LOWEST_PERCENT:
        raise ValueError(
            f"The threshold cannot be below {LOWEST_PERCENT} %: below that the extractor's "
            f"guesses would pass unreviewed. Type a percentage {_RANGE}."
        )
    if percent > HIGHEST_PERCENT:
        raise ValueError(
            f"The threshold cannot be above {HIGHEST_PERCENT} % ({HIGHEST_PERCENT} % already "
            f"puts every field up for review). Type a percentage {_RANGE}."
        )
    return round(percent / 100, 3)
