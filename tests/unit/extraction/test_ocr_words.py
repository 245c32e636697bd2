"""Tesseract's TSV becomes words, lines and blocks with page-fraction boxes and 0..1 confidences."""

from __future__ import annotations

import pytest

from advisoros_desktop.extraction.ocr_words import OcrOutputUnreadable, parse_tsv

HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)


def tsv(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


SAMPLE = tsv(
    "1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t",
    "2\t1\t1\t0\t0\t0\t100\t100\t500\t60\t-1\t",
    "4\t1\t1\t1\t1\t0\t100\t100\t500\t20\t-1\t",
    "5\t1\t1\t1\t1\t1\t100\t100\t200\t20\t96.5\tWages",
    "5\t1\t1\t1\t1\t2\t320\t100\t100\t20\t95\t   ",  # a form rule read as blank
    "5\t1\t1\t1\t1\t3\t450\t100\t150\t20\t61.25\t52,000.00",
    "4\t1\t1\t1\t2\t0\t100\t140\t300\t20\t-1\t",
    "5\t1\t1\t1\t2\t1\t100\t140\t300\t20\t88\t785-44-5287",
    "2\t1\t2\t0\t0\t0\t600\t1000\t200\t20\t-1\t",
    "5\t1\t2\t1\t1\t1\t600\t1000\t200\t20\t90\tBUFFALO",
)


def test_words_keep_text_confidence_and_page_fraction_boxes() -> None:
    text = parse_tsv(SAMPLE, (1000, 2000))
    assert [word.text for word in text.words] == ["Wages", "52,000.00", "785-44-5287", "BUFFALO"]
    wages = text.words[0]
    assert wages.confidence == pytest.approx(0.965)
    assert wages.bbox == pytest.approx((0.1, 0.05, 0.3, 0.06))
    assert wages.upright_bbox == wages.bbox


def test_blank_words_and_structural_rows_are_dropped() -> None:
    text = parse_tsv(SAMPLE, (1000, 2000))
    assert all(word.text.strip() for word in text.words)
    assert len(text.words) == 4


def test_words_are_grouped_into_lines_and_blocks() -> None:
    text = parse_tsv(SAMPLE, (1000, 2000))
    assert [line.text for line in text.lines] == ["Wages 52,000.00", "785-44-5287", "BUFFALO"]
    assert [word.line_id for word in text.words] == [0, 0, 1, 2]
    assert [word.block_id for word in text.words] == [0, 0, 0, 1]
    assert [len(block.lines) for block in text.blocks] == [2, 1]
    assert text.lines[0].bbox == pytest.approx((0.1, 0.05, 0.6, 0.06))
    assert text.blocks[0].bbox == pytest.approx((0.1, 0.05, 0.6, 0.08))
    assert text.text == "Wages 52,000.00\n785-44-5287\n\nBUFFALO"


def test_a_line_is_as_sure_as_its_weakest_word() -> None:
    assert parse_tsv(SAMPLE, (1000, 2000)).lines[0].confidence == pytest.approx(0.6125)


def test_shown_boxes_come_from_the_given_mapping() -> None:
    def shifted(left: float, top: float, right: float, bottom: float) -> tuple[float, ...]:
        return (0.0, 0.0, 0.5, 0.5)

    word = parse_tsv(SAMPLE, (1000, 2000), shifted).words[0]
    assert word.bbox == (0.0, 0.0, 0.5, 0.5)
    assert word.upright_bbox == pytest.approx((0.1, 0.05, 0.3, 0.06))


def test_boxes_beyond_the_image_are_clamped() -> None:
    text = parse_tsv(tsv("5\t1\t1\t1\t1\t1\t-5\t1990\t40\t30\t90\tedge"), (1000, 2000))
    assert text.words[0].bbox == pytest.approx((0.0, 0.995, 0.035, 1.0))


def test_damaged_rows_are_skipped() -> None:
    text = parse_tsv(
        tsv(
            "5\t1\t1\t1\t1\tx\t0\t0\t1\t1\t90\tbad",
            "5\t1\t1",
            "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tok",
        ),
        (10, 10),
    )
    assert [word.text for word in text.words] == ["ok"]


def test_an_empty_page_has_no_words() -> None:
    text = parse_tsv(tsv("1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t"), (100, 100))
    assert text.words == () and text.lines == () and text.blocks == ()
    assert text.text == ""


@pytest.mark.parametrize("output", ["", "Error: something\n", "level\tpage_num\n"])
def test_output_that_is_not_tesseract_tsv_is_refused(output: str) -> None:
    with pytest.raises(OcrOutputUnreadable):
        parse_tsv(output, (100, 100))
