"""Values of a form printed without fields: each word belongs to the box that holds it."""

from __future__ import annotations

import pytest

from advisoros_desktop.extraction.irs_printed_layout import W2_2026
from advisoros_desktop.extraction.irs_text_source import UNTICKED, read_printed_page
from advisoros_desktop.extraction.page_words import PageWords, Word


def in_box(leaf: str, *lines: str, right: bool = False) -> list[Word]:
    """Words printed inside the value area of ``leaf`` (one 7-point line each)."""
    area = next(a for a in W2_2026.areas if a.box.leaf == leaf)
    x0, _, x1, top = area.rect
    words = []
    for number, text in enumerate(lines):
        y = top - 9 - 8 * number
        x = x1 - 6 * len(text) - 2 if right else x0 + 2
        for part in text.split():
            words.append(Word(part, x, y, x + 5.5 * len(part), y + 7))
            x += 5.5 * len(part) + 3
    return words


def w2_page(scale: float = 1.0, dx: float = 0.0, dy: float = 0.0) -> PageWords:
    words = [
        Word(part, x + 30 * i, y, x + 30 * i + 28, y + 8)
        for phrase, (x, y) in W2_2026.anchors
        for i, part in enumerate(phrase.split())
    ]
    words += in_box("f_01", "XXX-XX-5287")
    words += in_box("f_03", "BLUE HERON LLC", "9376 SE GREENWOOD AVE", "BUFFALO, NY 14216")
    words += in_box("f_05", "SOPHIA") + in_box("f_06", "ROBERTS")
    words += in_box("f_09", "22,321.06", right=True) + in_box("f_10", "$ 1845.11", right=True)
    words += in_box("f_20", "D") + in_box("f_21", "1,060.99", right=True)
    words += in_box("c_3", "X")
    moved = [
        Word(w.text, w.x0 * scale + dx, w.y0 * scale + dy, w.x1 * scale + dx, w.y1 * scale + dy)
        for w in words
    ]
    return PageWords(1, moved, (0.0, 0.0, 612.0, 792.0))


@pytest.mark.parametrize(("scale", "dx", "dy"), [(1.0, 0, 0), (1.0, 9, -14), (0.95, 20, 30)])
def test_boxes_are_read_where_the_labels_put_them(scale: float, dx: float, dy: float) -> None:
    found = read_printed_page(w2_page(scale, dx, dy))
    assert found is not None and found.form_type == "W-2"
    values = {f.key: f.value for f in found.fields}
    assert values["wagesAndTips"] == "22321.06"
    assert values["federalIncomeTaxWithheld"] == "1845.11"
    assert values["employeeSsn"] == "XXX-XX-5287"
    assert values["employeeName"] == "SOPHIA ROBERTS"
    assert values["employerName"] == "BLUE HERON LLC"
    assert values["employerAddress"] == "9376 SE GREENWOOD AVE, BUFFALO, NY 14216"
    assert (values["box12aCode"], values["box12aAmount"]) == ("D", "1060.99")
    assert values["retirementPlan"] is True and values["statutoryEmployee"] is False
    assert "socialSecurityTips" not in values  # an empty box is absent


def test_confidence_and_place_of_what_was_read() -> None:
    found = read_printed_page(w2_page())
    assert found is not None
    fields = {f.key: f for f in found.fields}
    wages = fields["wagesAndTips"]
    assert wages.source == "text" and wages.page == 1 and wages.confidence >= 0.9
    assert wages.bbox is not None and 0.5 < wages.bbox[0] < wages.bbox[2] < 0.8
    # An empty check box may hide a tick drawn as lines: not reported as certain.
    assert fields["statutoryEmployee"].confidence == UNTICKED < 0.9


def test_a_page_without_the_labels_is_not_read() -> None:
    page = PageWords(1, [Word("22,321.06", 420, 710, 450, 717)], (0.0, 0.0, 612.0, 792.0))
    assert read_printed_page(page) is None
