"""Characters become words at spaces and wide gaps; words become lines by baseline."""

from __future__ import annotations

from advisoros_desktop.extraction.page_words import (
    Char,
    PageWords,
    Word,
    lines_of,
    words_from_chars,
)


def chars(text: str, x: float = 10.0, y: float = 100.0, width: float = 5.0) -> list[Char]:
    out = []
    for letter in text:
        out.append(Char(letter, (x, y, x + width, y + 10.0)))
        x += width
    return out


def test_spaces_and_wide_gaps_cut_words() -> None:
    found = words_from_chars([*chars("AB"), Char(" ", (20, 100, 23, 110)), *chars("CD", x=23)])
    assert [w.text for w in found] == ["AB", "CD"]
    gap = words_from_chars([*chars("AB"), *chars("CD", x=25)])  # 5 points apart, height 10
    assert [w.text for w in gap] == ["AB", "CD"]


def test_a_generated_space_over_kerning_is_not_a_break() -> None:
    kerned = [*chars("C"), Char(" ", (15.5, 100, 15.5, 100), generated=True), *chars("ir", x=15.5)]
    assert [w.text for w in words_from_chars(kerned)] == ["Cir"]
    spaced = [*chars("AB"), Char(" ", (22, 100, 22, 100), generated=True), *chars("CD", x=23)]
    assert [w.text for w in words_from_chars(spaced)] == ["AB", "CD"]
    lone = [*chars("J"), Char(" ", (17, 100, 17, 100), generated=True), *chars("EREMY", x=17)]
    assert [w.text for w in words_from_chars(lone)] == ["JEREMY"]


def test_lines_group_by_baseline_left_to_right() -> None:
    words = [
        Word("right", 100, 500, 120, 510),
        Word("below", 10, 480, 30, 490),
        Word("left", 10, 501, 30, 511),
    ]
    assert [[w.text for w in line] for line in lines_of(words)] == [["left", "right"], ["below"]]


def test_boxes_are_normalised_for_the_review_view() -> None:
    page = PageWords(1, [], (0.0, 0.0, 600.0, 800.0))
    assert page.bbox([Word("x", 60, 720, 120, 760)]) == (0.1, 0.05, 0.2, 0.1)
    assert page.bbox([]) is None
