"""Finding printed box labels among positioned words (synthetic pages)."""

from __future__ import annotations

from advisoros_desktop.extraction.irs_box_labels import LABELLED_BOXES, LabelledBox
from advisoros_desktop.extraction.label_matching import (
    FoundLabel,
    find_labels,
    fold,
    is_box_number,
)
from advisoros_desktop.extraction.page_words import Word, lines_of

W2 = LABELLED_BOXES["W-2"]


def printed(x: float, y: float, text: str, size: float = 6.0) -> list[Word]:
    """Words of ``text`` set from (x, y) at ``size`` points, about half an em per character."""
    words = []
    for part in text.split():
        width = len(part) * size * 0.5
        words.append(Word(part, x, y, x + width, y + size))
        x += width + size * 0.3
    return words


def found(words: list[Word], boxes: tuple[LabelledBox, ...] = W2) -> dict[str, FoundLabel]:
    labels = find_labels(lines_of(words), boxes)
    return {f"{label.box.box.key}/{label.box.box.part}": label for label in labels}


def texts(label: FoundLabel) -> list[str]:
    return [word.text for word in label.words]


def test_words_are_compared_without_case_quotes_or_edge_punctuation() -> None:
    assert fold("(EIN)") == "ein" and fold("Employer’s") == "employer's" and fold("no.)") == "no"
    assert is_box_number("12a") and is_box_number("b") and is_box_number("1")
    assert not is_box_number("2025") and not is_box_number("Wages")


def test_a_label_is_found_with_its_box_number_in_any_case() -> None:
    labels = found(printed(300, 700, "1 WAGES, TIPS, OTHER COMPENSATION"))
    wages = labels["wagesAndTips/0"]
    assert texts(wages) == ["1", "WAGES,", "TIPS,", "OTHER", "COMPENSATION"]
    assert wages.exact and wages.numbered


def test_a_label_wrapped_over_two_lines_is_one_label() -> None:
    words = printed(40, 700, "c Employer's name, address,") + printed(44, 693, "and ZIP code")
    employer = found(words)["employerName/0"]
    assert employer.exact and texts(employer)[-3:] == ["and", "ZIP", "code"]


def test_a_longer_wording_claims_its_words_before_a_shorter_one() -> None:
    words = printed(300, 700, "1 Wages, tips, other compensation") + printed(300, 600, "14 Other")
    labels = found(words)
    assert texts(labels["other/0"]) == ["14", "Other"]
    assert texts(labels["wagesAndTips/0"])[0] == "1"


def test_a_one_word_label_needs_its_box_number() -> None:
    assert "state/0" not in found(printed(40, 500, "State"))
    assert "state/0" in found(printed(40, 500, "15 State"))


def test_box_12_is_told_apart_by_its_number_only() -> None:
    words = printed(440, 580, "12a See instructions for box 12") + printed(440, 550, "12b")
    labels = found(words)
    assert texts(labels["box12aCode/0"])[0] == "12a" and labels["box12aCode/0"].exact
    assert texts(labels["box12bCode/0"]) == ["12b"] and not labels["box12bCode/0"].exact


def test_a_wording_cut_short_is_found_but_not_exact() -> None:
    older = printed(300, 620, "3 Interest on U.S. Savings Bonds and Treas. obligations")
    label = found(older, LABELLED_BOXES["1099-INT"])["usSavingsBondInterest/0"]
    assert not label.exact and texts(label)[-1] == "and"


def test_each_box_gets_one_label_and_each_word_one_box() -> None:
    words = printed(40, 700, "Control number") + printed(40, 600, "Control number")
    labels = find_labels(lines_of(words), W2)
    assert [label.box.box.key for label in labels] == ["controlNumber"]
    assert labels[0].words[0].y0 == 700  # the first printed, from the top
