"""What a firm decides for itself, with the defaults both the server and the desktop use.

The review threshold: a field the extractor read with less confidence than
this puts its document up for a person's review (the server's
``needsReview``) and is flagged in the review pane. 0.90 is where the
extractor's confidence starts to mean "right nearly every time"; a firm may
choose from 0.5 (trust the extractor more) to 1.0 (look at every field).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT_REVIEW_THRESHOLD = 0.90
LOWEST_REVIEW_THRESHOLD = 0.5
HIGHEST_REVIEW_THRESHOLD = 1.0


def review_threshold_in(answer: Mapping[str, Any] | None) -> float:
    """The threshold a ``GET /settings`` answer names, or the default when it names none."""
    value = (answer or {}).get("reviewThreshold")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return DEFAULT_REVIEW_THRESHOLD
    if LOWEST_REVIEW_THRESHOLD <= value <= HIGHEST_REVIEW_THRESHOLD:
        return float(value)
    return DEFAULT_REVIEW_THRESHOLD
