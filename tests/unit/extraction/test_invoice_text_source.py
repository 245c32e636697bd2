"""Invoice fields by label geometry: beside the label, or under it in its column."""

from __future__ import annotations

from advisoros_desktop.extraction.invoice_text_source import read_invoice
from advisoros_desktop.extraction.page_words import PageWords, Word


def line(y: float, *cells: tuple[float, str]) -> list[Word]:
    out = []
    for x, text in cells:
        for part in text.split():
            out.append(Word(part, x, y, x + 6 * len(part), y + 10))
            x += 6 * len(part) + 4
    return out


def page(*lines: list[Word]) -> PageWords:
    return PageWords(1, [w for ln in lines for w in ln], (0.0, 0.0, 612.0, 792.0))


def values(found: PageWords) -> dict[str, object]:
    return {f.key: f.value for f in read_invoice([found])}


def test_values_beside_and_under_their_labels() -> None:
    found = values(
        page(
            line(760, (40, "Acme Widgets Invoice")),
            line(700, (40, "Invoice Number: 10-442")),
            line(680, (40, "Invoice Date:"), (200, "Due Date:")),
            line(666, (40, "03/20/2023"), (200, "04/04/2023")),
            line(400, (300, "Subtotal"), (500, "$100.00")),
            line(385, (300, "Tax"), (500, "$8.25")),
            line(370, (300, "Total"), (500, "$108.25")),
        )
    )
    assert found == {
        "vendorName": "Acme Widgets",
        "invoiceNumber": "10-442",
        "invoiceDate": "2023-03-20",
        "dueDate": "2023-04-04",
        "totalAmount": "108.25",
        "taxAmount": "8.25",
        "currency": "USD",
    }


def test_european_invoices_read_day_first_and_prefer_the_gross_total() -> None:
    found = values(
        page(
            line(700, (40, "Facture n° 2022089083")),
            line(680, (40, "Date : 04/11/2022")),
            line(400, (300, "Total HT : 46,68 €")),
            line(385, (300, "TVA 20% : 9,34 €")),
            line(370, (300, "Total TTC : 56,02 €")),
        )
    )
    assert found["invoiceDate"] == "2022-11-04"
    assert (found["totalAmount"], found["taxAmount"], found["currency"]) == ("56.02", "9.34", "EUR")
    assert found["invoiceNumber"] == "2022089083"


def test_only_what_is_printed_and_honest_confidence() -> None:
    fields = read_invoice(
        [page(line(700, (40, "Date: 05/06/2024")), line(600, (40, "Total 12.00")))]
    )
    by_key = {f.key: f for f in fields}
    assert "dueDate" not in by_key and "invoiceNumber" not in by_key
    # Day and month could be swapped, and "Date"/"Total" are generic labels.
    assert by_key["invoiceDate"].confidence < 0.9 and by_key["totalAmount"].confidence < 0.9
    assert all(f.source == "text" and f.bbox is not None for f in fields)


def test_vendor_from_the_web_address_and_company_form() -> None:
    found = values(
        page(
            line(760, (40, "Retail Invoices/Bill")),
            line(700, (40, "Sold by: Shop Services Pvt. Ltd.")),
            line(100, (40, "At Flipkart we try to deliver")),
            line(90, (40, "Customer Care www.flipkart.com/support")),
        )
    )
    assert found["vendorName"] == "Flipkart"
    credit = values(
        page(
            line(760, (40, "FACTUUR."), (400, "Coolblue B.V.")),
            line(745, (400, "Weena 664")),
            line(20, (40, "Powered by TCPDF (www.tcpdf.org)")),
        )
    )
    assert credit["vendorName"] == "Coolblue B.V."
