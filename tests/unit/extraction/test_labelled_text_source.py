"""Reading a W-2 or 1099 printed on a layout of its own, label by label (synthetic pages)."""

from __future__ import annotations

from advisoros_desktop.extraction.labelled_text_source import LABELLED, read_labelled_page
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_words import PageWords, Word

PAGE_BOX = (0.0, 0.0, 612.0, 792.0)


def printed(x: float, y: float, text: str, size: float = 6.0) -> list[Word]:
    words = []
    for part in text.split():
        width = len(part) * size * 0.5
        words.append(Word(part, x, y, x + width, y + size))
        x += width + size * 0.3
    return words


def value(x: float, y: float, text: str) -> list[Word]:
    return printed(x, y, text, 10.0)


def w2_words() -> list[Word]:
    return (
        printed(40, 730, "a Employee's social security number")
        + value(44, 716, "326-04-0366")
        + printed(40, 704, "b Employer identification number (EIN)")
        + printed(300, 704, "1 Wages, tips, other compensation")
        + printed(440, 704, "2 Federal income tax withheld")
        + value(44, 690, "61-3522457")
        + value(390, 690, "$59,192.19")
        + value(530, 690, "9,589.13")
        + printed(40, 678, "c Employer's name, address, and ZIP code")
        + printed(440, 678, "12a See instructions for box 12")
        + value(450, 664, "D")
        + value(530, 664, "5,147.15")
        + value(44, 664, "Ironwood Logistics Co.")
        + value(44, 652, "8127 Chestnut St")
        + value(44, 640, "Denver, CO 80202")
        + printed(300, 650, "13")
        + printed(320, 650, "Statutory employee")
        + printed(380, 650, "Retirement plan")
        + value(385, 636, "X")
        + printed(40, 620, "d Control number")
    )


def fields(words: list[Word], form_type: str = "W-2") -> dict[str, ExtractedField]:
    found = read_labelled_page(PageWords(1, words, PAGE_BOX), form_type)
    assert found is not None
    return {field.key: field for field in found.fields}


def test_each_box_is_read_below_its_label_and_normalised() -> None:
    found = fields(w2_words())
    values = {key: field.value for key, field in found.items()}
    assert values["employeeSsn"] == "326-04-0366" and values["employerEin"] == "61-3522457"
    assert values["wagesAndTips"] == "59192.19" and values["federalIncomeTaxWithheld"] == "9589.13"
    assert (values["box12aCode"], values["box12aAmount"]) == ("D", "5147.15")
    assert values["employerName"] == "Ironwood Logistics Co."
    assert values["employerAddress"] == "8127 Chestnut St, Denver, CO 80202"
    assert "controlNumber" not in values  # blank on the page: absent


def test_values_are_reported_below_the_official_layouts_confidence() -> None:
    found = fields(w2_words())
    wages = found["wagesAndTips"]
    assert wages.confidence == LABELLED <= 0.9 and wages.source == "text"
    assert found["employerName"].confidence < LABELLED  # split by rule, not by box
    assert wages.bbox is not None
    x0, y0, x1, y1 = wages.bbox
    assert 0.6 < x0 < x1 < 0.75 and 0.1 < y0 < y1 < 0.15


def test_a_tick_belongs_to_the_caption_it_is_nearest() -> None:
    found = fields(w2_words())
    assert found["retirementPlan"].value is True
    assert found["statutoryEmployee"].value is False
    assert found["statutoryEmployee"].confidence < found["retirementPlan"].confidence < 0.9


def test_the_telephone_line_of_the_payer_box_is_not_its_address() -> None:
    words = (
        printed(40, 730, "PAYER'S name, street address, city or town, state or province,")
        + printed(40, 723, "country, ZIP or foreign postal code, and telephone no.")
        + value(44, 710, "Cedar Ridge Bank")
        + value(44, 698, "2780 Main St")
        + value(44, 686, "Des Moines, IA 50309")
        + value(44, 674, "(515) 555-0104")
        + printed(300, 700, "For calendar year")
        + value(300, 680, "2025")
        + printed(40, 646, "PAYER'S TIN")
        + printed(174, 646, "RECIPIENT'S TIN")
        + printed(309, 646, "1 Interest income")
        + value(44, 632, "94-2657223")
        + value(179, 632, "XXX-XX-6941")
        + value(310, 632, "$")
        + value(400, 632, "930.02")
    )
    found = fields(words, "1099-INT")
    assert found["payerName"].value == "Cedar Ridge Bank"
    assert found["payerAddress"].value == "2780 Main St, Des Moines, IA 50309"
    assert found["recipientTin"].value == "XXX-XX-6941" and found["taxYear"].value == "2025"
    assert found["interestIncome"].value == "930.02"


def test_a_page_with_too_few_labels_is_not_read() -> None:
    words = printed(40, 700, "Control number") + value(44, 686, "00417")
    assert read_labelled_page(PageWords(1, words, PAGE_BOX), "W-2") is None
