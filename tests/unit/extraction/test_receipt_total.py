"""The amount paid, put right by the receipt's own arithmetic when OCR misread it."""

from __future__ import annotations

from decimal import Decimal

from advisoros_desktop.extraction.page_words import PageWords, Word
from advisoros_desktop.extraction.receipt_total import (
    ARITHMETIC,
    CONFIRMED,
    PLAIN_LABEL,
    find_total,
)


def receipt(*texts: str) -> PageWords:
    words = []
    for index, text in enumerate(texts):
        x, y = 20.0, 480.0 - 12 * index
        for part in text.split():
            words.append(Word(part, x, y, x + 5 * len(part), y + 8))
            x += 5 * len(part) + 4
    return PageWords(1, words, (0.0, 0.0, 220.0, 500.0))


def total(*texts: str) -> tuple[Decimal, float] | None:
    found = find_total([receipt(*texts)])
    return None if found is None else (found.value, found.confidence)


def test_a_total_misread_a_digit_from_total_and_rounding_is_put_right() -> None:
    # Bold print: the rounded total's 0 read as a 6.
    found = total("Total 9.00", "Rounding Adjustment 0.00", "Rounded Total (RM): 9.60")
    assert found == (Decimal("9.00"), ARITHMETIC)


def test_a_rounding_line_ocr_broke_is_still_one() -> None:
    found = total("Total 9.00", "Rour ding Adjustment: 0.00", "Round: :d Total (RM): 9.60")
    assert found == (Decimal("9.00"), ARITHMETIC)


def test_a_total_misread_from_cash_less_change_is_put_right() -> None:
    found = total("Total Amount: 34.00", "Cash Received 101.00", "Change: 70.00")
    assert found == (Decimal("31.00"), ARITHMETIC)


def test_a_total_misread_two_digits_from_net_plus_tax_is_put_right() -> None:
    found = total(
        "Total Sales (Excluding GST) 51.42",
        "Total GST 3.08",
        "Rounding 0.00",
        "Total Sales (Inclusive of GST) 64.60",
    )
    assert found == (Decimal("54.50"), ARITHMETIC)


def test_an_amount_whose_point_ocr_lost_still_adds_up() -> None:
    found = total(
        "Total Sales (Excluding GST) : 5142",
        "Total GST 3.08",
        "Rounding 0.00",
        "Total Sales (Inclusive of GST) 64.60",
    )
    assert found == (Decimal("54.50"), ARITHMETIC)


def test_a_total_far_from_the_arithmetic_is_left_as_read() -> None:
    found = total("Total 9.00", "Rounding 0.00", "Grand Total 19.75")
    assert found is not None and found[0] == Decimal("19.75") and found[1] < 0.9


def test_a_total_the_arithmetic_confirms_is_sure() -> None:
    assert total("Total 60.31", "Rounding Adj -0.01", "Total Rounded 60.30", "Cash 70.30",
                 "Change 10.00") == (Decimal("60.30"), CONFIRMED)  # fmt: skip


def test_the_rounded_amount_printed_without_a_label_is_the_total() -> None:
    found = total("TOTAL AMT........ RM 60.31", "ROUNDING ADJ....... -0.01", "RM 60.30")
    assert found == (Decimal("60.30"), CONFIRMED)


def test_a_labelled_line_after_the_rounding_is_not_taken_for_the_total() -> None:
    found = total("TOTAL 60.31", "ROUNDING ADJ -0.01", "Points earned 60.30")
    assert found == (Decimal("60.31"), PLAIN_LABEL)
