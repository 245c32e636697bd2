"""Several readings of one receipt: which value each field takes, and how sure it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from advisoros_desktop.extraction.invoice_text_source import place_text
from advisoros_desktop.extraction.model import ExtractedField
from advisoros_desktop.extraction.page_words import PageWords, Word
from advisoros_desktop.extraction.receipt_readings import (
    DISAGREEING,
    Candidate,
    ReceiptReadings,
    agreed,
)
from advisoros_desktop.extraction.receipt_text_source import read_receipt

TODAY = dt.date(2025, 6, 1)


def found(value: str, confidence: float = 0.8, **evidence: bool) -> Candidate:
    field = ExtractedField("totalAmount", "Total", value, confidence, 1, None, "ocr")
    return Candidate(field, **evidence)


def receipt(*texts: str) -> PageWords:
    words = []
    for index, text in enumerate(texts):
        x, y = 20.0, 480.0 - 12 * index
        for part in text.split():
            words.append(Word(part, x, y, x + 5 * len(part), y + 8))
            x += 5 * len(part) + 4
    return PageWords(1, words, (0.0, 0.0, 220.0, 500.0))


def test_nothing_found_in_any_reading_is_nothing() -> None:
    assert agreed([None, None]) is None


def test_the_value_most_readings_found_wins() -> None:
    chosen = agreed([found("18.00", 0.8), found("16.00", 0.84), found("16.00", 0.7)])
    assert chosen is not None and chosen.value == "16.00"


def test_readings_that_disagree_leave_the_value_unsure() -> None:
    chosen = agreed([found("16.00", 0.95), found("16.00", 0.93), found("18.00", 0.7)])
    assert chosen is not None and (chosen.value, chosen.confidence) == ("16.00", DISAGREEING)


def test_readings_that_agree_keep_their_confidence() -> None:
    chosen = agreed([found("16.00", 0.93), None, found("16.00", 0.95)])
    assert chosen is not None and chosen.confidence == 0.95


def test_a_value_the_arithmetic_confirms_beats_the_majority_and_stays_sure() -> None:
    chosen = agreed([found("9.60"), found("9.60"), found("9.00", 0.95, checked=True)])
    assert chosen is not None and (chosen.value, chosen.confidence) == ("9.00", 0.95)


def test_on_a_tie_what_the_receipt_adds_up_to_beats_a_surer_reading() -> None:
    chosen = agreed([found("64.60", 0.7), found("54.50", 0.55, derived=True)])
    assert chosen is not None and chosen.value == "54.50"


def test_on_a_tie_the_surer_reading_then_the_earlier_wins() -> None:
    surer = agreed([found("1.00", 0.6), found("7.00", 0.7)])
    earlier = agreed([found("1.00", 0.7), found("7.00", 0.7)])
    assert surer is not None and surer.value == "7.00"
    assert earlier is not None and earlier.value == "1.00"


def test_each_readings_words_are_placed_by_the_scan_they_come_from() -> None:
    first, second = receipt("A"), receipt("A")
    calls: list[str] = []

    def placer(name: str):  # type: ignore[no-untyped-def]
        def place(
            key: str, label: str, value: str, conf: float, page: PageWords, words: Sequence[Word]
        ) -> ExtractedField:
            calls.append(name)
            return place_text(key, label, value, conf, page, words)

        return place

    readings = ReceiptReadings([[first], [second]], placer("fallback"), {id(second): placer("2")})
    readings("vendorName", "Vendor", "A", 0.5, second, second.words)
    readings("vendorName", "Vendor", "A", 0.5, first, first.words)
    assert calls == ["2", "fallback"]


def test_a_receipt_read_three_times_takes_each_field_by_vote() -> None:
    def reading(date: str, total: str) -> list[PageWords]:
        return [receipt("BRIGHT HARDWARE LTD", f"Date: {date} 10:02", f"TOTAL {total}")]

    readings = ReceiptReadings(
        [reading("16/11/2018", "30.90"), reading("18/11/2018", "30.96"),
         reading("18/11/2018", "30.90")],
        place_text,
    )  # fmt: skip
    fields = {f.key: f for f in read_receipt(readings.readings[0], readings, TODAY)}
    assert fields["invoiceDate"].value == "2018-11-18"
    assert fields["totalAmount"].value == "30.90"
    assert fields["invoiceDate"].confidence <= DISAGREEING
