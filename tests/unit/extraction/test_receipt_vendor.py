"""The shop's name: what OCR misreads in initials and company forms is put right."""

from __future__ import annotations

from advisoros_desktop.extraction.page_words import Word
from advisoros_desktop.extraction.receipt_vendor import repaired_name


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
