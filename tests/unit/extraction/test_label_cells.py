"""Which words a label labels: below it in its box, or beside it (synthetic pages)."""

from __future__ import annotations

from advisoros_desktop.extraction.irs_box_labels import LABELLED_BOXES
from advisoros_desktop.extraction.label_cells import Cell, LabelledPage
from advisoros_desktop.extraction.label_matching import find_labels, label_height
from advisoros_desktop.extraction.page_words import Word, lines_of


def printed(x: float, y: float, text: str, size: float = 6.0) -> list[Word]:
    words = []
    for part in text.split():
        width = len(part) * size * 0.5
        words.append(Word(part, x, y, x + width, y + size))
        x += width + size * 0.3
    return words


def value(x: float, y: float, text: str) -> list[Word]:
    return printed(x, y, text, 10.0)


def cells(words: list[Word], form_type: str = "W-2") -> dict[str, Cell]:
    lines = lines_of(words)
    labels = find_labels(lines, LABELLED_BOXES[form_type])
    page = LabelledPage(lines, labels, label_height(labels))
    return {label.box.box.key: page.cell(label) for label in labels}


def texts(cell: Cell) -> list[str]:
    return [" ".join(word.text for word in line) for line in cell.lines]


def test_the_value_is_below_its_label_up_to_the_next_label_below() -> None:
    words = (
        printed(40, 700, "c Employer's name, address, and ZIP code")
        + value(44, 686, "Ironwood Logistics Co.")
        + value(44, 674, "8127 Chestnut St")
        + printed(40, 650, "d Control number")
        + value(44, 636, "00417")
    )
    found = cells(words)
    assert texts(found["employerName"]) == ["Ironwood Logistics Co.", "8127 Chestnut St"]
    assert texts(found["controlNumber"]) == ["00417"] and not found["controlNumber"].beside


def test_a_box_ends_where_the_next_label_on_its_row_begins() -> None:
    words = (
        printed(300, 700, "1 Wages, tips, other compensation")
        + printed(440, 700, "2 Federal income tax withheld")
        + value(390, 686, "59,192.19")
        + value(530, 686, "9,589.13")
    )
    found = cells(words)
    assert texts(found["wagesAndTips"]) == ["59,192.19"]
    assert texts(found["federalIncomeTaxWithheld"]) == ["9,589.13"]


def test_a_label_the_catalog_does_not_know_still_ends_the_box_above() -> None:
    words = (
        printed(300, 700, "7 Social security tips")
        + printed(300, 674, "9 Verification code")
        + value(390, 660, "ABCD")
    )
    assert texts(cells(words)["socialSecurityTips"]) == []


def test_text_far_below_an_empty_box_is_not_its_value() -> None:
    words = printed(40, 500, "Control number") + value(44, 440, "Form W-2 Wage and Tax Statement")
    assert texts(cells(words)["controlNumber"]) == []


def test_a_value_printed_beside_its_label_is_read_there() -> None:
    words = (
        printed(40, 700, "Control number")
        + value(140, 699, "00417")
        + printed(40, 650, "b Employer identification number (EIN)")
    )
    control = cells(words)["controlNumber"]
    assert texts(control) == ["00417"] and control.beside


def test_a_wide_gap_on_the_labels_line_starts_another_box() -> None:
    words = (
        printed(40, 730, "a Employee's social security number")
        + printed(312, 730, "OMB No. 1545-0008")
        + value(44, 716, "326-04-0366")
        + printed(312, 718, "Safe, accurate, FAST! Use IRS e-file.")
    )
    assert texts(cells(words)["employeeSsn"]) == ["326-04-0366"]
