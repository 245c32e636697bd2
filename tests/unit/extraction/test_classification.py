"""Pages are classified by the layout their fields match and the title they print."""

from __future__ import annotations

from advisoros_desktop.extraction.classification import classify, document_kind
from advisoros_desktop.extraction.form_titles import form_type_from_title, w2_tax_year


def test_fields_and_title_agreeing_is_the_surest() -> None:
    found = classify(field_layout="W-2", text="Form W-2 Wage and Tax Statement 2026")
    assert (found.form_type, found.confidence) == ("W-2", 0.99)


def test_either_alone_still_classifies_a_little_less_surely() -> None:
    assert classify(field_layout="1099-INT").confidence == 0.95
    titled = classify(text="Copy B For Recipient Form 1099-NEC (Rev. April 2025)")
    assert (titled.form_type, titled.confidence) == ("1099-NEC", 0.9)


def test_disagreement_keeps_the_fields_but_lowers_confidence() -> None:
    found = classify(field_layout="1099-DIV", text="Form 1099-INT")
    assert (found.form_type, found.confidence) == ("1099-DIV", 0.6)


def test_no_evidence_is_unknown_not_a_guess() -> None:
    assert classify(text="Meeting notes: call the client on Tuesday").form_type == "unknown"
    assert classify(text="Total").form_type == "unknown"
    assert classify().form_type == "unknown"


def test_printed_labels_classify_like_fields_do() -> None:
    found = classify(printed_layout="W-2", text="Form W-2 Wage and Tax Statement 2026")
    assert (found.form_type, found.confidence) == ("W-2", 0.98)
    assert classify(printed_layout="1099-INT").confidence == 0.9
    assert classify(printed_layout="1099-INT", text="Form 1099-DIV").confidence == 0.6


def test_invoices_statements_and_receipts_by_their_words() -> None:
    invoice = classify(text="INVOICE #123\nInvoice date 2024-01-02\nSubtotal 40.00 Tax 3.00 Total")
    assert (invoice.form_type, invoice.confidence) == ("invoice", 0.9)
    assert classify(text="Factuur ... Totaal € 12,00").form_type == "invoice"
    statement = classify(text="Statement period ... Opening balance ... Closing balance")
    assert statement.form_type == "bank_statement"
    assert classify(text="RECEIPT  Cashier: Ann  CASH 20.00  CHANGE 1.50").form_type == "receipt"


def test_titles_other_forms_share_are_not_confused() -> None:
    assert form_type_from_title("Form W-2c Corrected Wage and Tax Statement") is None
    assert form_type_from_title("Form W-2G Certain Gambling Winnings") is None
    text = "Form 1099-MISC ... see Form 1099-NEC for nonemployee pay ... Form 1099-MISC"
    assert form_type_from_title(text) == "1099-MISC"


def test_w2_year_comes_from_the_title() -> None:
    text = "Form W-2 Wage and Tax Statement\n2026\nDepartment of the Treasury"
    assert w2_tax_year(text) == ("2026", text.index("2026"))
    assert w2_tax_year("Form W-2") is None


def test_a_shops_receipt_that_says_tax_invoice_is_a_receipt() -> None:
    text = "TAX INVOICE\nCASHIER: AMY\nQTY ITEM\nTOTAL 9.00\nCASH 10.00\nCHANGE 1.00\nTHANK YOU"
    assert document_kind(text).form_type == "receipt"


def test_an_invoice_with_a_payment_receipt_line_stays_an_invoice() -> None:
    text = "Invoice number 42\nInvoice date 2024-01-02\nGrand total 10.00\nPayment receipt"
    assert document_kind(text).form_type == "invoice"


def test_a_receipt_headed_invoice_with_a_time_and_item_count_is_a_receipt() -> None:
    text = (
        "HARBOUR STORES SDN BHD\nINVOICE\nTOTAL RM 33.92\nROUNDING ADJUSTMENT -0.02\n"
        "Item(s) : 4 Qty(s) : 4\n12-01-19 21:13 SHOP 09\nOPERATOR TRAINEE"
    )
    found = document_kind(text)
    assert (found.form_type, found.confidence) == ("receipt", 0.9)


def test_shared_bill_words_decide_nothing() -> None:
    # "Tax invoice", "GST", "total" and "invoice no" are printed by both kinds.
    text = "TAX INVOICE\nInvoice No: 42\nGST 6%\nTOTAL 10.60\nCASH 20.00\nCHANGE 9.40"
    assert document_kind(text).form_type == "receipt"
    assert document_kind("TAX INVOICE\nInvoice No: 42\nGST 6%\nTOTAL 10.60").form_type == "invoice"


def test_invoice_only_clues_outweigh_a_few_receipt_words() -> None:
    text = (
        "PAYMENT RECEIPT\nPaid in cash at the desk\nBank name: First Bank\n"
        "Account No. 00123\nIFSC CODE ABCD0001\nGrand Total 1939.00"
    )
    assert document_kind(text).form_type == "invoice"


def test_an_invoice_with_terms_and_bank_details_is_never_a_receipt() -> None:
    text = (
        "Invoice INV/2023/0008\nBill to: Acme\nDue date 04/04/2023\nPayment terms: 15 days\n"
        "IBAN DE30 5075 0094\nQty 2\nThank you for your business\nTotal 279.84"
    )
    found = document_kind(text)
    assert (found.form_type, found.confidence) == ("invoice", 0.9)


def test_a_receipt_with_few_clues_is_classified_less_surely() -> None:
    text = "RECEIPT\nTotal 86.00\nThank you\nPlease come again"
    found = document_kind(text)
    assert (found.form_type, found.confidence) == ("receipt", 0.75)
