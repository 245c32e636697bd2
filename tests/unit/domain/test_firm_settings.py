"""The review threshold read from a ``/settings`` answer: what the server said, else the default."""

from __future__ import annotations

import pytest

from advisoros_desktop.domain.firm_settings import DEFAULT_REVIEW_THRESHOLD, review_threshold_in


def test_the_servers_threshold_is_taken() -> None:
    assert review_threshold_in({"reviewThreshold": 0.95}) == 0.95
    assert review_threshold_in({"reviewThreshold": 1}) == 1.0


@pytest.mark.parametrize(
    "answer",
    [None, {}, {"reviewThreshold": None}, {"reviewThreshold": "0.95"}, {"reviewThreshold": True},
     {"reviewThreshold": 0.2}, {"reviewThreshold": 1.5}, {"reviewThreshold": float("nan")}],
)  # fmt: skip
def test_anything_else_leaves_the_default(answer: dict[str, object] | None) -> None:
    assert review_threshold_in(answer) == DEFAULT_REVIEW_THRESHOLD
