"""Receipt fields: the shop's name at the head, the day of the sale, the amount paid."""

from __future__ import annotations

import datetime as dt

from advisoros_desktop.extraction.page_words import PageWords, Word
from advisoros_desktop.extraction.receipt_text_source import read_receipt
from advisoros_desktop.extraction.receipt_total import CONFIRMED, last_amount

TODAY = dt.date(2025, 6, 1)


def line(y: float, text: str, x: float = 20) -> list[Word]:
    out = []
    for part in text.split():
        out.append(Word(part, x, y, x + 5 * len(part), y + 8))
        x += 5 * len(part) + 4
    return out


def receipt(*texts: str) -> PageWords:
    """A till roll: one line of text every 12 points from the top down."""
    lines = [line(480 - 12 * index, text) for index, text in enumerate(texts)]
    return PageWords(1, [w for ln in lines for w in ln], (0.0, 0.0, 220.0, 500.0))


def fields(page: PageWords) -> dict[str, tuple[object, float]]:
    return {f.key: (f.value, f.confidence) for f in read_receipt([page], today=TODAY)}


def value(page: PageWords, key: str) -> object:
    found = fields(page).get(key)
    return None if found is None else found[0]


MALAYSIAN = receipt(
    "jane doe",  # handwritten on the receipt
    "TAX INVOICE",
    "GOLDEN LEAF TRADING SDN BHD",
    "(123456-X)",
    "NO 12, JALAN MAWAR 3, 81100 JOHOR BAHRU",
    "TEL: 07-1234567 GST ID: 000123456789",
    "Doc No: CS0001 Date: 05/03/2019 14:22:10",
    "Cashier: AMY",
    "NOTEBOOK A5 2 4.50 9.00",
    "Total Qty 2",
    "Sub Total 9.00",
    "Total GST 0.54",
    "Total (Incl. GST) RM 9.54",
    "Rounding Adjustment -0.04",
    "Rounded Total RM 9.50",
    "CASH RM 10.00",
    "CHANGE RM 0.50",
    "GST Summary Amount Tax",
    "Total 9.00 0.54",
    "Thank you, please come again",
)


def test_a_shop_receipt_gives_vendor_date_total_and_currency() -> None:
    found = fields(MALAYSIAN)
    assert found["vendorName"][0] == "GOLDEN LEAF TRADING SDN BHD"
    assert found["invoiceDate"][0] == "2019-03-05"
    assert found["totalAmount"][0] == "9.50"
    assert found["currency"][0] == "MYR"


def test_the_total_paid_is_confirmed_by_cash_less_change() -> None:
    assert fields(MALAYSIAN)["totalAmount"][1] == CONFIRMED


def test_an_unconfirmed_total_is_not_reported_as_sure() -> None:
    page = receipt("CORNER CAFE LLC", "12/24/2024 8:15 AM", "Latte 4.50", "TOTAL $4.50", "VISA")
    total, confidence = fields(page)["totalAmount"]
    assert total == "4.50" and confidence < 0.9


def test_totals_that_are_not_the_amount_paid_are_never_taken() -> None:
    page = receipt(
        "HARBOUR STORES LTD",
        "Subtotal 20.00",
        "Total items 3",
        "Total excl. VAT 16.67",
        "Total VAT 3.33",
    )
    assert value(page, "totalAmount") is None


def test_a_tax_summary_after_the_change_is_not_the_total() -> None:
    page = receipt(
        "HARBOUR STORES LTD", "Total 80.90", "Cash 100.00", "Change 19.10", "Total 80.91 0.00"
    )
    assert fields(page)["totalAmount"] == ("80.90", CONFIRMED)


def test_the_last_total_of_the_summary_wins() -> None:
    page = receipt(
        "HARBOUR STORES LTD", "TOTAL RM 33.92", "ROUNDING ADJ -0.02", "TOTAL ROUNDED RM 33.90"
    )
    assert fields(page)["totalAmount"] == ("33.90", CONFIRMED)


def test_amounts_are_read_through_ocr_misreadings() -> None:
    def read(text: str) -> str | None:
        found = last_amount(line(100, text))
        return None if found is None else str(found.value)

    assert read("Total RM 86. 00") == "86.00"
    assert read("Total RM 86. OO") == "86.00"
    assert read("Total 33,92") == "33.92"
    assert read("Total “37.00") == "37.00"
    assert read("Total 3O.90") == "30.90"
    assert read("Total Qty 2") is None


def test_a_repaired_total_is_less_sure() -> None:
    page = receipt("HARBOUR STORES LTD", "Grand Total 3O.90")
    total, confidence = fields(page)["totalAmount"]
    assert total == "30.90" and confidence < 0.8


def test_the_vendor_skips_titles_handwriting_and_letterhead() -> None:
    page = receipt("thanks ann", "WELCOME", "*** RECEIPT ***", "Bright Hardware", "12 Main St")
    assert value(page, "vendorName") == "Bright Hardware"


def test_a_name_over_two_lines_ending_in_a_company_form() -> None:
    page = receipt("NORTHWIND TRADERS (RIVERSIDE)", "SDN BHD", "(654321-K)", "Total 5.00")
    found = fields(page)["vendorName"]
    assert found[0] == "NORTHWIND TRADERS (RIVERSIDE) SDN BHD"
    assert found[1] < 0.9


def test_a_guessed_vendor_is_never_sure() -> None:
    page = receipt("Bright Hardware", "Total 5.00")
    assert fields(page)["vendorName"][1] < 0.7


def test_the_labelled_date_is_taken_before_others() -> None:
    page = receipt("SHOP", "Valid until 31/12/2025", "Date: 03/04/2025", "Total 1.00")
    assert fields(page)["invoiceDate"] == ("2025-04-03", 0.8)  # day and month could swap


def test_a_date_under_its_label() -> None:
    page = receipt("FUEL STOP LTD", "Date Time Pump", "18/03/2025 15:17 02")
    assert value(page, "invoiceDate") == "2025-03-18"


def test_the_one_date_printed_with_a_time_beside_it() -> None:
    page = receipt("FUEL STOP LTD", "Total 9.00", "23-01-2025 13:14:15 PM")
    assert fields(page)["invoiceDate"] == ("2025-01-23", 0.85)


def test_dollar_receipts_read_month_first() -> None:
    page = receipt("CORNER CAFE LLC", "03/04/2025 8:15 AM", "TOTAL $4.50")
    assert value(page, "invoiceDate") == "2025-03-04"


def test_a_two_digit_year_or_a_repaired_digit_is_less_sure() -> None:
    assert fields(receipt("SHOP", "25-12-24 10:00"))["invoiceDate"] == ("2024-12-25", 0.8)
    assert fields(receipt("SHOP", "Date: 25/12/2O24"))["invoiceDate"] == ("2024-12-25", 0.7)


def test_impossible_dates_are_not_taken() -> None:
    assert value(receipt("SHOP", "Date: 25/12/2090"), "invoiceDate") is None
    assert value(receipt("SHOP", "Ref 45/13/2019"), "invoiceDate") is None
