"""Printed labels fix where a layout sits on a page, shifted or scaled."""

from __future__ import annotations

import pytest

from advisoros_desktop.extraction.layout_anchoring import find_phrase, fit_layout
from advisoros_desktop.extraction.page_words import Word, lines_of

ANCHORS = (
    ("Wages, tips", (350.0, 720.0)),
    ("Control number", (50.0, 626.0)),
    ("Locality name", (540.0, 494.0)),
    ("Employee's address", (48.0, 506.0)),
)


def printed(scale: float, dx: float, dy: float) -> list[list[Word]]:
    words = []
    for phrase, (x, y) in ANCHORS:
        px, py = scale * x + dx, scale * y + dy
        for part in phrase.replace("'", "’").split():
            words.append(Word(part, px, py, px + 20, py + 8))
            px += 24
    return lines_of(words)


@pytest.mark.parametrize(("scale", "dx", "dy"), [(1.0, 0, 0), (1.0, 12, -30), (0.94, 18, 24)])
def test_the_fit_maps_official_points_to_the_page(scale: float, dx: float, dy: float) -> None:
    fit = fit_layout(printed(scale, dx, dy), ANCHORS)
    assert fit is not None and fit.found == 4 and fit.share == 1.0
    x, y = fit.to_official(scale * 100 + dx, scale * 600 + dy)
    assert abs(x - 100) < 0.5 and abs(y - 600) < 0.5


def test_a_page_without_the_labels_has_no_fit() -> None:
    assert fit_layout(lines_of([Word("Invoice", 10, 10, 40, 20)]), ANCHORS) is None


def test_phrases_match_whole_words_whatever_the_quotes_and_case() -> None:
    lines = lines_of([Word("EMPLOYEE’S", 0, 0, 10, 8), Word("address", 12, 0, 30, 8)])
    assert len(find_phrase(lines, "Employee's address")) == 1
    assert find_phrase(lines, "Employee's address and ZIP") == []
