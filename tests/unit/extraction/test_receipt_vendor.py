"""The shop's name: what OCR misreads in initials and company forms is put right."""

from __future__ import annotations

from advisoros_desktop.extraction.page_words import PageWords, Word
from advisoros_desktop.extraction.receipt_vendor import find_receipt_vendor, repaired_name


def name(text: str) -> str:
    return repaired_name([Word(part, 0, 0, 1, 1) for part in text.split()])


def test_initials_read_as_digits_or_symbols_are_letters() -> None:
    assert name("MR O.1.¥. (JOHOR) SDN BHD") == "MR O.I.Y. (JOHOR) SDN BHD"
    assert name("U.5.A. OUTLET") == "U.S.A. OUTLET"


def test_numbers_with_points_are_not_initials() -> None:
    assert name("7.11.5 STORE") == "7.11.5 STORE"


def test_a_company_form_a_letter_away_is_the_form() -> None:
    assert name("GOLDEN LEAF SON BHD") == "GOLDEN LEAF SDN BHD"
    assert name("GOLDEN LEAF SDN 8HO") == "GOLDEN LEAF SDN BHD"
    assert name("ACME 1NC.") == "ACME INC."


def test_words_that_only_look_like_a_form_are_left_alone() -> None:
    assert name("SMITH & SON") == "SMITH & SON"
    assert name("Acme Son") == "Acme Son"
    assert name("TOKO SARI") == "TOKO SARI"


def test_brackets_hold_their_words_without_spaces() -> None:
    assert name("S.H.H. MOTOR ( SUNGAI RENGIT ) SDN. BHD.") == (
        "S.H.H. MOTOR (SUNGAI RENGIT) SDN. BHD."
    )


def _page(*words: Word) -> PageWords:
    return PageWords(1, list(words), (0.0, 0.0, 220.0, 500.0))


def test_brackets_on_a_line_of_their_own_go_back_into_the_name() -> None:
    # The brackets are drawn taller and lower than the letters (y up, points), and a speck
    # above the line anchors OCR's line finding to the letters: the brackets end up apart.
    page = _page(
        Word("ay", 55, 480, 60, 484),
        Word("S.H.H.", 10, 470, 40, 484),
        Word("MOTOR", 45, 470, 75, 484),
        Word("(", 80, 465, 83, 481),
        Word("SUNGAI", 85, 470, 115, 484),
        Word(")", 118, 465, 121, 481),
        Word("SDN.", 125, 470, 145, 484),
        Word("BHD.", 150, 470, 170, 484),
        Word("(801580-T)", 60, 450, 120, 460),
    )
    assert [w.text for w in page.lines[1]] == ["(", ")"]  # what OCR's lines give
    vendor = find_receipt_vendor(page)
    assert vendor is not None and vendor.name == "S.H.H. MOTOR (SUNGAI) SDN. BHD."


def test_specks_and_the_tails_of_handwriting_above_are_not_part_of_the_name() -> None:
    page = _page(
        Word("GOLDEN", 10, 470, 50, 484),
        Word("ay", 55, 480, 60, 484),
        Word("LEAF", 65, 470, 90, 484),
        Word(",s", 95, 481, 99, 484),
        Word("TRADING", 105, 470, 150, 484),
        Word("Tel: 07-8263254", 10, 450, 120, 460),
    )
    vendor = find_receipt_vendor(page)
    assert vendor is not None and vendor.name == "GOLDEN LEAF TRADING"
